/**
 * CSV text (RFC 4180) from rows of cells: pure, so the calculator's download and tests share it.
 * Fields holding a comma, quote, CR or LF, or edge spaces are quoted, with quotes doubled; lines
 * end in CRLF. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start)
 * is prefixed with an apostrophe. Numbers are written plainly; a non-finite number is left empty.
 */
export type Cell = string | number | null | undefined;

const FORMULA = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvField(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number')
    return Number.isFinite(cell) ? String(Object.is(cell, -0) ? 0 : cell) : '';
  const text = FORMULA.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Money to the cent, so a CSV of floating-point sums reads cleanly (12.3 not 12.300000000000001). */
export const cents = (n: number): number =>
  Number.isFinite(n) ? Math.round(n * 100) / 100 : Number.NaN;
