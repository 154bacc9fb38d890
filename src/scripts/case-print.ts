// On paper a business case says what it assumed: this fills the print-only "Inputs and
// assumptions" section of <pk-calculator> from the form as it stands (every visible input, its
// value and unit as typed, and where the value came from) and the link that reopens the same
// case. It runs when the case changes (once typing pauses) and just before printing.
const PAUSE_MS = 300;

/** "36000" -> "36,000" in the page's language, as every other figure on the page reads. */
const grouped = (raw: string): string =>
  /^-?\d+(\.\d+)?$/.test(raw.trim())
    ? Number(raw).toLocaleString(document.documentElement.lang || undefined, {
        maximumFractionDigits: 6,
      })
    : raw;

function fieldValue(field: Element): string {
  const select = field.querySelector('select');
  if (select) return select.selectedOptions[0]?.textContent?.trim() ?? '';
  const box = field.querySelector('.field-input');
  if (!box) return '';
  let text = '';
  for (const node of box.children) {
    if (node instanceof HTMLInputElement) text += grouped(node.value);
    else {
      const unit = node.textContent?.trim() ?? '';
      text += !text ? unit : unit === '%' ? unit : ` ${unit}`;
    }
  }
  return text;
}

function writeInputs(root: Element): void {
  const out = root.querySelector('[data-out="print-inputs"]');
  if (!out) return;
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const h of ['Input', 'Value', 'Basis']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    head.append(th);
  }
  for (const group of root.querySelectorAll<HTMLFieldSetElement>('fieldset.calc-group')) {
    if (group.hidden) continue;
    const body = table.createTBody();
    const title = body.insertRow();
    const th = document.createElement('th');
    th.colSpan = 3;
    th.scope = 'rowgroup';
    th.textContent = group.querySelector('legend')?.textContent?.trim() ?? '';
    title.append(th);
    for (const field of group.querySelectorAll('.field')) {
      const row = body.insertRow();
      const label = document.createElement('th');
      label.scope = 'row';
      label.textContent = field.querySelector('label')?.textContent?.trim() ?? '';
      row.append(label);
      row.insertCell().textContent = fieldValue(field);
      row.insertCell().textContent = field.querySelector('[data-src]')?.textContent?.trim() ?? '';
    }
  }
  out.replaceChildren(table);
  const link = root.querySelector('[data-out="case-link"]');
  if (link) link.textContent = location.href;
}

const root = document.querySelector('pk-calculator');
if (root) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  document.addEventListener('pk:case-change', () => {
    clearTimeout(timer);
    timer = setTimeout(() => writeInputs(root), PAUSE_MS);
  });
  addEventListener('beforeprint', () => writeInputs(root));
  writeInputs(root);
}

export {};
