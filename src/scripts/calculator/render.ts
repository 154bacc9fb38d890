// Puts a computed case on the page: the same view model the build-time render uses
// (src/core/result-display.ts), written with textContent only: no data ever goes through innerHTML.
import type { CaseResult } from '../../core/business-case/types.ts';
import {
  chartSummaries,
  keyFigures,
  monthlyTable,
  relevantGroups,
  revenueByYear,
  revenueRows,
  scenarioTable,
  tierItems,
  tierWorth,
  tornadoRows,
  type Fmt,
} from '../../core/result-display.ts';

const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
};

/** Change an element's text, reusing its text node (cheaper than textContent for many cells). */
function setText(node: Element, text: string): void {
  const first = node.firstChild;
  if (first && first === node.lastChild && first.nodeType === Node.TEXT_NODE) {
    if ((first as Text).data !== text) (first as Text).data = text;
  } else if (node.textContent !== text) node.textContent = text;
}

/**
 * Rows whose first cell is a row header; the other cells numeric. When the table already has
 * that shape (the usual case while typing), only the texts change: no elements are rebuilt.
 */
function fillBody(
  table: HTMLTableElement | null,
  rows: readonly (readonly string[])[],
  firstIsNum = false,
) {
  const body = table?.tBodies[0];
  if (!body) return;
  const same =
    body.rows.length === rows.length &&
    rows.every((r, i) => body.rows[i]!.cells.length === r.length);
  if (same) {
    rows.forEach((r, i) => {
      const cells = body.rows[i]!.cells;
      r.forEach((text, j) => setText(cells[j]!, text));
    });
    return;
  }
  body.replaceChildren(
    ...rows.map((r) => {
      const tr = el('tr');
      const th = el('th', r[0] ?? '', firstIsNum ? 'num' : undefined);
      th.scope = 'row';
      tr.append(th, ...r.slice(1).map((c) => el('td', c, 'num')));
      return tr;
    }),
  );
}

function fillHead(
  table: HTMLTableElement | null,
  head: readonly string[],
  firstEmpty = false,
  allNum = false,
) {
  const row = table?.tHead?.rows[0];
  if (!row) return;
  if (
    row.cells.length === head.length &&
    head.every((h, i) => (firstEmpty && i === 0) || row.cells[i]!.textContent === h)
  )
    return;
  row.replaceChildren(
    ...head.map((h, i) => {
      if (firstEmpty && i === 0) return el('td');
      const th = el('th', h, i === 0 && !firstEmpty && !allNum ? undefined : 'num');
      th.scope = 'col';
      return th;
    }),
  );
}

/**
 * Write a case into the page. With `main`, the case was run without scenarios, sensitivity and
 * break-even (the fast path while the user types): those parts and the monthly table keep their
 * last values, marked as updating, until the full case is rendered.
 */
export function renderCase(root: HTMLElement, r: CaseResult, f: Fmt, main = false): void {
  const q = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T & Element>(sel);
  const out = (name: string) => q<HTMLElement>(`[data-out="${name}"]`);
  const table = (name: string) => q<HTMLTableElement>(`table[data-out="${name}"]`);

  const sentence = out('sentence');
  if (sentence) sentence.textContent = r.sentence;
  out('notes')?.replaceChildren(...r.notes.map((n) => el('li', n)));

  for (const fig of keyFigures(r, f)) {
    if (main && fig.id === 'breakEven') continue;
    const box = q<HTMLElement>(`[data-figure="${fig.id}"]`);
    const value = box?.querySelector('[data-value]');
    const note = box?.querySelector('[data-note]');
    if (value) value.textContent = fig.value;
    if (note) note.textContent = fig.note;
    // the compact summary that stays in view while the inputs are edited on a phone
    for (const copy of root.querySelectorAll(`[data-summary="${fig.id}"]`))
      copy.textContent = fig.value;
  }

  const summaries = chartSummaries(r, f);
  q<HTMLCanvasElement>('canvas[data-chart="revenue"]')?.setAttribute(
    'aria-label',
    summaries.revenue,
  );
  q<HTMLCanvasElement>('canvas[data-chart="cash"]')?.setAttribute('aria-label', summaries.cash);
  if (!main)
    q<HTMLCanvasElement>('canvas[data-chart="tornado"]')?.setAttribute(
      'aria-label',
      summaries.tornado,
    );
  for (const part of root.querySelectorAll<HTMLElement>('[data-deferred]'))
    part.toggleAttribute('aria-busy', main);
  const cashCaption = out('cash-caption');
  if (cashCaption)
    cashCaption.textContent = `${summaries.cash} The monthly table below lists every month.`;

  const rev = revenueByYear(r);
  fillHead(table('revenue-table'), ['Stream', ...rev.labels]);
  fillBody(table('revenue-table'), revenueRows(rev, f));

  if (!main) renderDeferred(out, table, r, f);

  out('tiers')?.replaceChildren(
    ...tierItems(r, f).map((tier) => {
      const li = el('li', undefined, tier.reached ? 'tier' : 'tier tier-missed');
      const why = el('span', tier.detail, 'tier-why');
      why.hidden = !tier.detail;
      li.append(
        el('strong', tier.name),
        ' ',
        el('span', tier.when, 'tier-when'),
        el('span', tier.benefits.join(', '), 'tier-detail'),
        why,
      );
      return li;
    }),
  );
  const worth = tierWorth(r, f);
  const worthText = out('tier-worth');
  if (worthText) worthText.textContent = worth.sentence;
  const box = out('benefit-box');
  if (box) box.hidden = worth.rows.length === 0;
  fillBody(table('benefit-table'), worth.rows);

  const groups = relevantGroups(r.streams);
  for (const fs of root.querySelectorAll<HTMLFieldSetElement>('fieldset[data-group]')) {
    const g = fs.dataset.group ?? '';
    if (g === 'mix' || g === 'prospect') continue;
    fs.hidden = !(groups as string[]).includes(g);
  }
}

/**
 * The parts that need the full run (scenarios, sensitivity, break-even), and the monthly table:
 * 450-odd cells below the fold, left out of the per-keystroke path to keep it within a frame.
 */
function renderDeferred(
  out: (name: string) => HTMLElement | null,
  table: (name: string) => HTMLTableElement | null,
  r: CaseResult,
  f: Fmt,
): void {
  const m = monthlyTable(r, f);
  const caption = out('monthly-caption');
  if (caption) caption.textContent = m.caption;
  const mt = table('monthly-table');
  fillHead(mt, m.head, false, true);
  fillBody(mt, m.rows, true);

  fillBody(table('tornado-table'), tornadoRows(r, f));
  const sc = scenarioTable(r, f);
  fillHead(table('scenario-table'), sc.head, true);
  fillBody(table('scenario-table'), sc.rows);
}
