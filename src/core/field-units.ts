/**
 * The calculator's fields in the units people type: fractions as percentages ("15" for 0.15),
 * everything else as the registry holds it. Pure, so the form and the tests share it. A typed
 * value is checked by the engine's number parser and the registry (`overrideProblem`), the same
 * checks a link or a CLI flag gets; only the message is worded in the field's units.
 */
import { overrideProblem, parseNumber } from './business-case/request.ts';
import { ASSUMPTIONS, type AssumptionKey, type AssumptionSpec } from './assumption-registry.ts';

const spec = (key: AssumptionKey): AssumptionSpec => ASSUMPTIONS[key];

export const shownAsPercent = (key: AssumptionKey): boolean => ASSUMPTIONS[key].unit === 'fraction';

/** Drop floating-point noise (0.15 * 100 = 15.000000000000002). */
const tidy = (n: number) => Number(n.toPrecision(12));

/** Registry value -> the number shown in the field (a mix's weighted 2.4 months, not 2.4000000000000004). */
export const toField = (key: AssumptionKey, value: number): number =>
  tidy(shownAsPercent(key) ? value * 100 : value);

/** The number typed in the field -> registry value. */
export const fromField = (key: AssumptionKey, shown: number): number =>
  shownAsPercent(key) ? tidy(shown / 100) : shown;

/** min, max and step for the field, in its units. */
export function fieldBounds(key: AssumptionKey): {
  min: number;
  max: number;
  step: number | 'any';
} {
  const s: AssumptionSpec = ASSUMPTIONS[key];
  if (shownAsPercent(key)) return { min: toField(key, s.min), max: toField(key, s.max), step: 0.1 };
  if (s.integer) return { min: s.min, max: s.max, step: 1 };
  if (s.unit === 'factor') return { min: s.min, max: s.max, step: 0.01 };
  return { min: s.min, max: s.max, step: 'any' };
}

/** The unit's short name beside the field: "%", "months", "× product value"... (currency is added by the page). */
export function unitSuffix(key: AssumptionKey): string {
  const s = spec(key);
  switch (s.unit) {
    case 'fraction':
      return '%';
    case 'months':
      return 'months';
    case 'hours':
      return 'hours';
    case 'days':
      return 'days';
    case 'factor':
      return '× product value';
    case 'count':
      return s.integer ? 'whole number' : '';
    default:
      return '';
  }
}

const rangeWords = (key: AssumptionKey) => {
  const { min, max } = fieldBounds(key);
  const s = spec(key);
  const unit = shownAsPercent(key) ? '%' : '';
  return `${s.integer ? 'a whole number' : 'a number'} from ${min}${unit} to ${max}${unit}`;
};

export type FieldResult = { ok: true; value: number } | { ok: false; message: string };

/**
 * Check what was typed. `raw` is the field's text; `badInput` is the browser's validity flag
 * for a number field whose text is not a number (its value then reads as "").
 */
export function readField(key: AssumptionKey, raw: string, badInput = false): FieldResult {
  const text = raw.trim().replace(/%$/, '');
  if (badInput) return { ok: false, message: `Not a number. Enter ${rangeWords(key)}.` };
  if (text === '') return { ok: false, message: `Empty. Enter ${rangeWords(key)}.` };
  const shown = parseNumber(text);
  if (shown === undefined) return { ok: false, message: `Not a number. Enter ${rangeWords(key)}.` };
  const value = fromField(key, shown);
  if (spec(key).integer && !Number.isInteger(value))
    return { ok: false, message: `Not a whole number. Enter ${rangeWords(key)}.` };
  if (overrideProblem(key, value))
    return { ok: false, message: `Out of range. Enter ${rangeWords(key)}.` };
  return { ok: true, value };
}
