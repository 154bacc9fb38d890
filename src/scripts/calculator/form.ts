// The calculator form's fields: finding them, showing a field's message, and writing the case's
// values back into fields the user is not editing. Messages are set with textContent only.
import { toField } from '../../core/field-units.ts';
import type { CaseRequest, CaseResult } from '../../core/business-case/types.ts';
import { fieldSource, type Fmt } from '../../core/result-display.ts';
import { isAssumptionKey, type AssumptionKey } from '../../core/assumption-registry.ts';

export function assumptionInputs(root: ParentNode): Map<AssumptionKey, HTMLInputElement> {
  const map = new Map<AssumptionKey, HTMLInputElement>();
  for (const input of root.querySelectorAll<HTMLInputElement>('input[data-key]')) {
    const key = input.dataset.key ?? '';
    if (isAssumptionKey(key)) map.set(key, input);
  }
  return map;
}

export function mixInputs(root: ParentNode): HTMLInputElement[] {
  return [...root.querySelectorAll<HTMLInputElement>('input[data-mix-type]')];
}

/**
 * Show or clear the message beside a field. An invalid field gets aria-invalid and the message
 * joins its description, so a screen reader reads it with the field.
 */
export function setFieldMessage(
  input: HTMLInputElement,
  errorId: string,
  message: string | undefined,
  invalid = message !== undefined,
): void {
  const box = input.ownerDocument.getElementById(errorId);
  if (box) {
    box.textContent = message ?? '';
    box.hidden = message === undefined;
  }
  const ids = (input.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter((id) => id && id !== errorId);
  if (message !== undefined) ids.push(errorId);
  if (ids.length) input.setAttribute('aria-describedby', ids.join(' '));
  else input.removeAttribute('aria-describedby');
  if (invalid) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

/** A registry value as the field shows it: no float noise, no exponent for everyday sizes. */
export const fieldText = (key: AssumptionKey, value: number): string =>
  Number.isFinite(value) ? String(toField(key, value)) : '';

/**
 * Write the case's values into the fields, except the one being edited and any holding an
 * invalid entry (the user's text stays until they fix it). Mark overridden fields.
 */
export function syncFields(
  inputs: Map<AssumptionKey, HTMLInputElement>,
  r: CaseResult,
  request: CaseRequest,
  active: Element | null,
  f: Fmt,
): void {
  for (const [key, input] of inputs) {
    const field = input.closest<HTMLElement>('.field');
    const overridden = request.overrides?.[key] !== undefined;
    if (field) field.toggleAttribute('data-overridden', overridden);
    const src = field?.querySelector('[data-src]');
    if (src) src.textContent = fieldSource(r, key, overridden, f);
    if (input === active || input.getAttribute('aria-invalid') === 'true') continue;
    const text = fieldText(key, r.assumptions[key]);
    if (input.value !== text) input.value = text;
  }
}
