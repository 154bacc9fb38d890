/**
 * Text that fits its box, decided before the file is written. pptxgenjs's `fit: 'shrink'` only
 * takes effect once PowerPoint edits the text, and LibreOffice ignores it, so the model sizes,
 * wraps and shortens text itself from estimated extents: average glyph widths of a sans-serif
 * face (Arial/Helvetica/Liberation Sans metrics), widened by a safety margin so a fallback
 * font (DejaVu Sans is about 10% wider) still fits.
 */

const PT_PER_INCH = 72;
/** Widen every estimate: fallback fonts, kerning and rounding. */
const SAFETY = 1.15;
/** Line height as a multiple of the font size (PowerPoint's single spacing is about 1.2). */
export const LINE_HEIGHT = 1.2;
/** Inner margins pptxgenjs/PowerPoint apply to a text box (0.1 in left/right, 0.05 in top/bottom). */
export const INSET_X = 0.1;
export const INSET_Y = 0.05;
export const ELLIPSIS = '…';

const NARROW = new Set("iljtfrI.,:;'|!()[]{}` ");
const WIDE = new Set('mwMW@%');

/** Width of one character in em, for a regular sans-serif face. */
export function glyphEm(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp === 0x20) return 0.278;
  if (NARROW.has(ch)) return 0.3;
  if (WIDE.has(ch)) return 0.86;
  if (cp >= 0x30 && cp <= 0x39) return 0.556;
  if (cp >= 0x41 && cp <= 0x5a) return 0.68;
  if (cp >= 0x61 && cp <= 0x7a) return 0.52;
  // Combining marks and zero-width characters take no room.
  if (
    (cp >= 0x300 && cp <= 0x36f) ||
    cp === 0x200b ||
    cp === 0x200c ||
    cp === 0x200d ||
    cp === 0xfe0f ||
    (cp >= 0x200e && cp <= 0x200f)
  )
    return 0;
  // CJK, Hangul, full-width forms and emoji are about one em wide.
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x1f000
  )
    return 1;
  // Other scripts (Cyrillic, Greek, Arabic, Hebrew...): a little wider than Latin lower case.
  return 0.62;
}

// ASCII widths looked up, not recomputed: fitting a deck measures tens of thousands of characters.
const ASCII_EM = Float64Array.from({ length: 128 }, (_, cp) => glyphEm(String.fromCharCode(cp)));

/** Width of a string in em (the sum of its characters'). */
function emWidth(text: string): number {
  let em = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) em += ASCII_EM[c]!;
    else {
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      em += glyphEm(ch);
      i += ch.length - 1;
    }
  }
  return em;
}

/** Inches per em at a font size. */
const inchesPerEm = (fontSize: number, bold: boolean) =>
  (fontSize * (bold ? 1.07 : 1) * SAFETY) / PT_PER_INCH;

/** Estimated width of a one-line string, in inches. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  return emWidth(text) * inchesPerEm(fontSize, bold);
}

/** Height of n lines, in inches. */
export const linesHeight = (lines: number, fontSize: number): number =>
  (lines * fontSize * LINE_HEIGHT) / PT_PER_INCH;

/** Greedy word wrap of one paragraph; words longer than a line are broken between characters. */
export function wrap(paragraph: string, width: number, fontSize: number, bold = false): string[] {
  if (!paragraph) return [''];
  const lines: string[] = [];
  let line = '';
  // Widths add up, so a line's width grows word by word instead of being measured again.
  const scale = inchesPerEm(fontSize, bold);
  const space = ASCII_EM[0x20]!;
  let lineEm = 0;
  for (const word of paragraph.split(/ +/)) {
    const wordEm = emWidth(word);
    const candidateEm = line ? lineEm + space + wordEm : wordEm;
    if (candidateEm * scale <= width) {
      line = line ? `${line} ${word}` : word;
      lineEm = candidateEm;
      continue;
    }
    if (line) lines.push(line);
    if (wordEm * scale <= width) {
      line = word;
      lineEm = wordEm;
      continue;
    }
    // Break an over-long word (a URL, a 5,000-character name) at the last character that fits.
    let chunk = '';
    let chunkW = 0;
    for (const ch of word) {
      const w = textWidth(ch, fontSize, bold);
      if (chunk && chunkW + w > width) {
        lines.push(chunk);
        chunk = '';
        chunkW = 0;
      }
      chunk += ch;
      chunkW += w;
    }
    line = chunk;
    lineEm = emWidth(chunk);
  }
  lines.push(line);
  return lines;
}

export interface FitOptions {
  /** Largest and smallest font size to try, in points. */
  maxSize: number;
  minSize: number;
  bold?: boolean;
  /** At most this many lines, whatever the box allows (1 for titles that must stay on one line). */
  maxLines?: number;
}

export interface Fitted {
  /** The paragraphs as they will be written, shortened if needed. */
  paragraphs: string[];
  fontSize: number;
  /** Lines the text takes at that size. */
  lines: number;
  truncated: boolean;
}

const countLines = (paragraphs: readonly string[], width: number, size: number, bold: boolean) =>
  paragraphs.reduce((n, p) => n + wrap(p, width, size, bold).length, 0);

/** Shorten one paragraph to at most `lines` lines, ending with an ellipsis. */
function truncateTo(
  paragraph: string,
  lines: number,
  width: number,
  size: number,
  bold: boolean,
): string {
  const chars = Array.from(paragraph);
  let lo = 0;
  let hi = chars.length;
  // Largest prefix that, with an ellipsis, wraps into `lines` lines.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const candidate = chars.slice(0, mid).join('').trimEnd() + ELLIPSIS;
    if (wrap(candidate, width, size, bold).length <= lines) lo = mid;
    else hi = mid - 1;
  }
  // Prefer to cut at a word boundary when one is close.
  let cut = chars.slice(0, lo).join('');
  const space = cut.lastIndexOf(' ');
  if (lo < chars.length && space > cut.length * 0.7) cut = cut.slice(0, space);
  return cut.trimEnd().replace(/[,;:.\-–—]+$/, '') + ELLIPSIS;
}

/**
 * Fit paragraphs into a box of `w` by `h` inches: the largest size from maxSize down to minSize
 * (half-point steps) at which everything fits; failing that, at minSize, whole paragraphs are kept
 * while they fit and the first one that does not is shortened with an ellipsis.
 */
export function fitParagraphs(
  input: readonly string[],
  w: number,
  h: number,
  opts: FitOptions,
): Fitted {
  const bold = opts.bold ?? false;
  const width = Math.max(0.2, w - 2 * INSET_X);
  const height = Math.max(0.1, h - 2 * INSET_Y);
  const paragraphs = input.length ? [...input] : [''];
  const maxLinesAt = (size: number) =>
    Math.max(
      1,
      Math.min(
        opts.maxLines ?? Infinity,
        Math.floor((height * PT_PER_INCH) / (size * LINE_HEIGHT) + 1e-9),
      ),
    );
  for (let size = opts.maxSize; size >= opts.minSize; size -= 0.5) {
    const lines = countLines(paragraphs, width, size, bold);
    if (lines <= maxLinesAt(size)) return { paragraphs, fontSize: size, lines, truncated: false };
  }
  const size = opts.minSize;
  const budget = maxLinesAt(size);
  const kept: string[] = [];
  let used = 0;
  for (const p of paragraphs) {
    const n = wrap(p, width, size, bold).length;
    if (used + n <= budget) {
      kept.push(p);
      used += n;
      continue;
    }
    const room = budget - used;
    if (room > 0) {
      kept.push(truncateTo(p, room, width, size, bold));
      used = budget;
    } else if (kept.length) {
      // Nothing of the next paragraph fits: mark the cut on the last one kept.
      const last = kept.length - 1;
      kept[last] = truncateTo(
        kept[last]!,
        wrap(kept[last]!, width, size, bold).length,
        width,
        size,
        bold,
      );
    }
    break;
  }
  return { paragraphs: kept, fontSize: size, lines: used, truncated: true };
}

/** One string in a box (titles, names): `fitParagraphs` with the string's own line breaks. */
export const fitText = (text: string, w: number, h: number, opts: FitOptions): Fitted =>
  fitParagraphs(text.split('\n'), w, h, opts);

export interface TableFit {
  header: string[];
  rows: string[][];
  fontSize: number;
  /** Height of each row (header first), in inches. */
  rowHeights: number[];
  /** Rows left out because they did not fit even at the smallest size and one line a cell. */
  droppedRows: number;
  truncated: boolean;
}

const CELL_MARGIN_X = 0.08;
const CELL_MARGIN_Y = 0.04;

/** Fit a table into `h` inches with given column widths: shrink, then cap lines per cell, then drop rows. */
export function fitTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  colW: readonly number[],
  h: number,
  opts: { maxSize: number; minSize: number },
): TableFit {
  const cellW = colW.map((w) => Math.max(0.2, w - 2 * CELL_MARGIN_X));
  const rowHeight = (cells: readonly string[], size: number, bold: boolean, maxLines = Infinity) =>
    Math.max(
      ...cells.map((c, i) =>
        Math.min(maxLines, countLines(c.split('\n'), cellW[i] ?? 1, size, bold)),
      ),
    ) *
      ((size * LINE_HEIGHT) / PT_PER_INCH) +
    2 * CELL_MARGIN_Y;
  const heights = (size: number, maxLines = Infinity) => [
    rowHeight(header, size, true, maxLines),
    ...rows.map((r) => rowHeight(r, size, false, maxLines)),
  ];
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  for (let size = opts.maxSize; size >= opts.minSize; size -= 0.5) {
    const hs = heights(size);
    if (sum(hs) <= h)
      return {
        header: [...header],
        rows: rows.map((r) => [...r]),
        fontSize: size,
        rowHeights: hs,
        droppedRows: 0,
        truncated: false,
      };
  }
  const size = opts.minSize;
  const cap = (cells: readonly string[], lines: number, bold: boolean) =>
    cells.map((c, i) =>
      countLines(c.split('\n'), cellW[i] ?? 1, size, bold) > lines
        ? truncateTo(c.replace(/\n/g, ' '), lines, cellW[i] ?? 1, size, bold)
        : c,
    );
  for (let lines = 6; lines >= 1; lines--) {
    const hs = heights(size, lines);
    if (sum(hs) <= h) {
      const head = cap(header, lines, true);
      const r = rows.map((row) => cap(row, lines, false));
      return {
        header: head,
        rows: r,
        fontSize: size,
        rowHeights: [rowHeight(head, size, true), ...r.map((row) => rowHeight(row, size, false))],
        droppedRows: 0,
        truncated: true,
      };
    }
  }
  // Still too tall: one line a cell, and as many rows as fit.
  const head = cap(header, 1, true);
  const one = rows.map((row) => cap(row, 1, false));
  const each = rowHeight(['x'], size, false);
  const fitRows = Math.max(0, Math.floor((h - each) / each));
  return {
    header: head,
    rows: one.slice(0, fitRows),
    fontSize: size,
    rowHeights: Array<number>(fitRows + 1).fill(each),
    droppedRows: rows.length - fitRows,
    truncated: true,
  };
}
