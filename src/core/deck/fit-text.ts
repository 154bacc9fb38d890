/**
 * Text that fits its box, decided before the file is written. pptxgenjs's `fit: 'shrink'` only
 * takes effect once PowerPoint edits the text, and LibreOffice ignores it, so the model sizes,
 * wraps and shortens text itself, from the advance widths of the deck's font (font-metrics.ts:
 * Calibri and Arial, whose metric-compatible twins LibreOffice renders with). A font without
 * metrics is measured as Arial, widened by a safety margin.
 */
import { FONT_METRICS, type FontMetrics } from './font-metrics.ts';

const PT_PER_INCH = 72;
/** Widening for a font we have metrics for: rounding and layout differences between applications. */
const SAFETY_KNOWN = 1.03;
/** Widening for any other font: estimated from Arial's widths. */
const SAFETY_UNKNOWN = 1.15;
/** Line height for a font without metrics, as a multiple of the font size. */
export const LINE_HEIGHT = 1.2;
/** Default inner margins of a text box, in inches (PowerPoint's own: 0.1 in left/right, 0.05 in top/bottom). */
export const INSET_X = 0.1;
export const INSET_Y = 0.05;
export const ELLIPSIS = '…';

const NARROW = new Set("iljtfrI.,:;'|!()[]{}` ");
const WIDE = new Set('mwMW@%');

/** Width of one character in em when the font's table does not have it: a regular sans-serif face. */
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

/** How one font at one weight measures text: widths per character, cached for ASCII. */
interface Measure {
  ascii: Float64Array;
  extra: Readonly<Record<number, number>>;
  safety: number;
  lineHeight: number;
  /**
   * Widths (em) of strings measured before, and paragraphs split into words with theirs: a fit
   * tries each size from the largest down and a table re-measures its cells for every size,
   * while a string's width in em is the same at every size. Bounded (see remember).
   */
  widths: Map<string, number>;
  paragraphs: Map<string, Words>;
  cells: Map<string, CellEms>;
}

/** A table cell's longest word and longest line, in em. */
interface CellEms {
  word: number;
  line: number;
}

/** A paragraph's words (split at runs of spaces) and the width of each, in em. */
interface Words {
  words: string[];
  ems: Float64Array;
  /** Lines it wraps into, by width (inches) and then font size. */
  lines?: Map<number, Map<number, number>>;
}

/** Entries a cache keeps before it starts over: far above one deck's strings, and bounded in a long build. */
export const CACHE_MAX = 20_000;

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, value);
  return value;
}

const HEURISTIC_ASCII = Float64Array.from({ length: 128 }, (_, cp) =>
  glyphEm(String.fromCharCode(cp)),
);
/** Measures by lower-case family and weight; `byFont` finds them by the family as given, without a new key string per call. */
const measures = new Map<string, Measure>();
const byFont = new Map<string | undefined, { regular?: Measure; bold?: Measure }>();

function fromMetrics(m: FontMetrics, safety: number): Measure {
  const ascii = Float64Array.from(HEURISTIC_ASCII);
  m.ascii.forEach((w, i) => (ascii[0x20 + i] = w));
  return {
    ascii,
    extra: m.extra,
    safety,
    lineHeight: m.lineHeight,
    widths: new Map(),
    paragraphs: new Map(),
    cells: new Map(),
  };
}

/** The measure of a font family (case-insensitive) at a weight. */
function measureOf(font: string | undefined, bold: boolean): Measure {
  let pair = byFont.get(font);
  if (!pair) byFont.set(font, (pair = {}));
  const hit = bold ? pair.bold : pair.regular;
  if (hit) return hit;
  const key = `${(font ?? '').toLowerCase()}|${bold ? 'b' : 'r'}`;
  let m = measures.get(key);
  if (!m) {
    const known = FONT_METRICS[(font ?? '').toLowerCase()];
    m = known
      ? fromMetrics(bold ? known.bold : known.regular, SAFETY_KNOWN)
      : // Unknown family: Arial's widths, bold a little wider, widened for fallback fonts.
        {
          ...fromMetrics(FONT_METRICS.arial![bold ? 'bold' : 'regular'], SAFETY_UNKNOWN),
          lineHeight: LINE_HEIGHT,
        };
    measures.set(key, m);
  }
  if (bold) pair.bold = m;
  else pair.regular = m;
  return m;
}

/** Forget every measured width (tests compare measuring afresh with measuring from the caches). */
export function clearMeasureCaches(): void {
  measures.clear();
  byFont.clear();
}

/** Width of a string in em, from the cache when it was measured before. */
function cachedEm(text: string, m: Measure): number {
  const hit = m.widths.get(text);
  return hit ?? remember(m.widths, text, emWidth(text, m));
}

/** A paragraph's words and their widths, from the cache when it was split before. */
function wordsOf(paragraph: string, m: Measure): Words {
  const hit = m.paragraphs.get(paragraph);
  if (hit) return hit;
  const words = paragraph.split(/ +/);
  const ems = Float64Array.from(words, (w) => cachedEm(w, m));
  return remember(m.paragraphs, paragraph, { words, ems });
}

/** Width of a string in em (the sum of its characters'). */
function emWidth(text: string, m: Measure): number {
  let em = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) em += m.ascii[c]!;
    else {
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      em += m.extra[cp] ?? glyphEm(ch);
      i += ch.length - 1;
    }
  }
  return em;
}

/** Inches per em at a font size. */
const inchesPerEm = (fontSize: number, m: Measure) => (fontSize * m.safety) / PT_PER_INCH;

/** Estimated width of a one-line string, in inches. */
export function textWidth(text: string, fontSize: number, bold = false, font?: string): number {
  const m = measureOf(font, bold);
  return cachedEm(text, m) * inchesPerEm(fontSize, m);
}

/** Single line spacing of a font, as a multiple of its size. */
export const lineHeightOf = (font?: string): number => measureOf(font, false).lineHeight;

/** Height of n lines, in inches. */
export const linesHeight = (lines: number, fontSize: number, font?: string): number =>
  (lines * fontSize * lineHeightOf(font)) / PT_PER_INCH;

/** Length of the longest prefix of `word` ending in a hyphen that is at most `em` wide; 0 if none. */
function fitAfterHyphen(word: string, em: number, m: Measure): number {
  let best = 0;
  for (let i = word.indexOf('-'); i > 0 && i < word.length - 1; i = word.indexOf('-', i + 1)) {
    if (emWidth(word.slice(0, i + 1), m) <= em) best = i + 1;
    else break;
  }
  return best;
}

/** Greedy word wrap of one paragraph; words longer than a line are broken between characters. */
export function wrap(
  paragraph: string,
  width: number,
  fontSize: number,
  bold = false,
  font?: string,
): string[] {
  if (!paragraph) return [''];
  const m = measureOf(font, bold);
  const lines: string[] = [];
  let line = '';
  // Widths add up, so a line's width grows word by word instead of being measured again.
  const scale = inchesPerEm(fontSize, m);
  const space = m.ascii[0x20]!;
  let lineEm = 0;
  const { words, ems } = wordsOf(paragraph, m);
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    const wordEm = ems[w]!;
    const candidateEm = line ? lineEm + space + wordEm : wordEm;
    if (candidateEm * scale <= width) {
      line = line ? `${line} ${word}` : word;
      lineEm = candidateEm;
      continue;
    }
    // A hyphenated word ("vendor-selection", a URL) may break after a hyphen, as PowerPoint and
    // LibreOffice do: put what fits on this line.
    const hyphen = line ? fitAfterHyphen(word, (width / scale - lineEm - space) * 1, m) : -1;
    if (hyphen > 0) {
      lines.push(`${line} ${word.slice(0, hyphen)}`);
      const rest = word.slice(hyphen);
      const restLines = wrap(rest, width, fontSize, bold, font);
      lines.push(...restLines.slice(0, -1));
      line = restLines.at(-1) ?? '';
      lineEm = emWidth(line, m);
      continue;
    }
    if (line) lines.push(line);
    if (wordEm * scale <= width) {
      line = word;
      lineEm = wordEm;
      continue;
    }
    const own = fitAfterHyphen(word, width / scale, m);
    if (own > 0) {
      lines.push(word.slice(0, own));
      const restLines = wrap(word.slice(own), width, fontSize, bold, font);
      lines.push(...restLines.slice(0, -1));
      line = restLines.at(-1) ?? '';
      lineEm = emWidth(line, m);
      continue;
    }
    // Break an over-long word (a URL, a 5,000-character name) at the last character that fits.
    let chunk = '';
    let chunkEm = 0;
    for (const ch of word) {
      const w = emWidth(ch, m);
      if (chunk && (chunkEm + w) * scale > width) {
        lines.push(chunk);
        chunk = '';
        chunkEm = 0;
      }
      chunk += ch;
      chunkEm += w;
    }
    line = chunk;
    lineEm = chunkEm;
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
  /** Font family the text is set in (default: measured as Arial, widened). */
  font?: string | undefined;
  /** Inner margins of the box, in inches (default INSET_X, INSET_Y). */
  insetX?: number;
  insetY?: number;
  /** Hanging indent of bulleted paragraphs, in inches: the text starts this far in. */
  indent?: number;
  /** Space after each paragraph but the last, in points. */
  paraGap?: number;
}

export interface Fitted {
  /** The paragraphs as they will be written, shortened if needed. */
  paragraphs: string[];
  fontSize: number;
  /** Lines the text takes at that size. */
  lines: number;
  truncated: boolean;
}

interface Frame {
  width: number;
  height: number;
  bold: boolean;
  font: string | undefined;
  gap: number;
  maxLines: number;
}

const frameOf = (w: number, h: number, opts: FitOptions): Frame => ({
  width: Math.max(0.2, w - 2 * (opts.insetX ?? INSET_X) - (opts.indent ?? 0)),
  height: Math.max(0.1, h - 2 * (opts.insetY ?? INSET_Y)),
  bold: opts.bold ?? false,
  font: opts.font,
  gap: (opts.paraGap ?? 0) / PT_PER_INCH,
  maxLines: opts.maxLines ?? Infinity,
});

/**
 * How many lines `wrap` breaks a paragraph into, remembered with the paragraph's words: a fit
 * asks again for every size it tries, a table for every row at every size.
 */
export function lineCount(
  paragraph: string,
  width: number,
  fontSize: number,
  bold = false,
  font?: string,
): number {
  if (!paragraph) return 1;
  const words = wordsOf(paragraph, measureOf(font, bold));
  const byWidth = (words.lines ??= new Map<number, Map<number, number>>());
  let bySize = byWidth.get(width);
  if (!bySize) byWidth.set(width, (bySize = new Map<number, number>()));
  let n = bySize.get(fontSize);
  if (n === undefined)
    bySize.set(fontSize, (n = wrap(paragraph, width, fontSize, bold, font).length));
  return n;
}

const linesOf = (f: Frame, p: string, size: number) => lineCount(p, f.width, size, f.bold, f.font);

/** Whether `lines` lines in `paragraphs` paragraphs fit the frame at `size`. */
const fits = (f: Frame, lines: number, paragraphs: number, size: number) =>
  lines <= f.maxLines &&
  linesHeight(lines, size, f.font) + Math.max(0, paragraphs - 1) * f.gap <= f.height + 1e-9;

/** Shorten one paragraph to at most `lines` lines, ending with an ellipsis. */
function truncateTo(paragraph: string, lines: number, f: Frame, size: number): string {
  const chars = Array.from(paragraph);
  let lo = 0;
  let hi = chars.length;
  // Largest prefix that, with an ellipsis, wraps into `lines` lines.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const candidate = chars.slice(0, mid).join('').trimEnd() + ELLIPSIS;
    if (linesOf(f, candidate, size) <= lines) lo = mid;
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
  const f = frameOf(w, h, opts);
  const paragraphs = input.length ? [...input] : [''];
  for (let size = opts.maxSize; size >= opts.minSize; size -= 0.5) {
    const lines = paragraphs.reduce((n, p) => n + linesOf(f, p, size), 0);
    if (fits(f, lines, paragraphs.length, size))
      return { paragraphs, fontSize: size, lines, truncated: false };
  }
  const size = opts.minSize;
  const kept: string[] = [];
  let used = 0;
  for (const p of paragraphs) {
    const n = linesOf(f, p, size);
    if (fits(f, used + n, kept.length + 1, size)) {
      kept.push(p);
      used += n;
      continue;
    }
    // The most lines of this paragraph that still fit after the ones kept.
    let room = 0;
    while (room < n && fits(f, used + room + 1, kept.length + 1, size)) room++;
    if (room > 0) {
      kept.push(truncateTo(p, room, f, size));
      used += room;
    } else if (kept.length) {
      // Nothing of the next paragraph fits: mark the cut on the last one kept.
      const last = kept.length - 1;
      kept[last] = truncateTo(kept[last]!, linesOf(f, kept[last]!, size), f, size);
    } else {
      // Not even one line fits: the box is too small; keep one shortened line.
      kept.push(truncateTo(p, 1, f, size));
      used = 1;
    }
    break;
  }
  return { paragraphs: kept, fontSize: size, lines: used, truncated: true };
}

/** One string in a box (titles, names): `fitParagraphs` with the string's own line breaks. */
export const fitText = (text: string, w: number, h: number, opts: FitOptions): Fitted =>
  fitParagraphs(text.split('\n'), w, h, opts);

/** The widest line of fitted paragraphs, in inches (text only, no insets). */
export function widestLine(
  paragraphs: readonly string[],
  w: number,
  fontSize: number,
  opts: Pick<FitOptions, 'bold' | 'font' | 'insetX' | 'indent'> = {},
): number {
  const width = Math.max(0.2, w - 2 * (opts.insetX ?? INSET_X) - (opts.indent ?? 0));
  let widest = 0;
  for (const p of paragraphs)
    for (const line of wrap(p, width, fontSize, opts.bold ?? false, opts.font))
      widest = Math.max(widest, textWidth(line, fontSize, opts.bold ?? false, opts.font));
  return widest;
}

export interface TableFit {
  header: string[];
  rows: string[][];
  fontSize: number;
  /** Width of each column, in inches; they add up to the table's width. */
  colW: number[];
  /** Height of each row (header first), in inches. */
  rowHeights: number[];
  /** Rows left out because they did not fit even at the smallest size and one line a cell. */
  droppedRows: number;
  truncated: boolean;
}

export interface TableFitOptions {
  maxSize: number;
  minSize: number;
  font?: string | undefined;
  /** Inner cell margins, in inches. */
  marginX: number;
  marginY: number;
}

/**
 * A cell's longest word and longest line, in em: the same at every size a table is tried at, so
 * measured once (scaling by a size afterwards gives the same widths as measuring at it, since
 * rounding a product keeps the order of what is multiplied).
 */
function cellEms(cell: string, m: Measure): CellEms {
  const hit = m.cells.get(cell);
  if (hit) return hit;
  const word = Math.max(0, ...cell.split(/\s+/).map((w) => cachedEm(w, m)));
  const line = Math.max(...cell.split('\n').map((l) => cachedEm(l, m)));
  return remember(m.cells, cell, { word, line });
}

/**
 * Column widths for a table `total` inches wide at `size`: every column at least as wide as its
 * longest word (so no word breaks, "Marketplac|e"), the rest shared in proportion to what each
 * column needs to set its longest cell on one line. Undefined when the words alone do not fit.
 */
export function fitColumns(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  total: number,
  size: number,
  opts: Pick<TableFitOptions, 'font' | 'marginX'>,
): number[] | undefined {
  const pad = 2 * opts.marginX;
  const n = header.length;
  const min = new Array<number>(n).fill(0);
  const want = new Array<number>(n).fill(0);
  const measure = (cell: string, i: number, bold: boolean) => {
    const m = measureOf(opts.font, bold);
    const scale = inchesPerEm(size, m);
    const ems = cellEms(cell, m);
    min[i] = Math.max(min[i]!, ems.word * scale + pad);
    want[i] = Math.max(want[i]!, ems.line * scale + pad);
  };
  header.forEach((c, i) => measure(c, i, true));
  for (const r of rows) r.forEach((c, i) => measure(c, i, false));
  const minSum = min.reduce((a, b) => a + b, 0);
  if (minSum > total + 1e-9) return undefined;
  const extra = want.map((w, i) => Math.max(0, w - min[i]!));
  const extraSum = extra.reduce((a, b) => a + b, 0);
  const room = total - minSum;
  if (extraSum >= room) {
    // Columns that need less than an equal share (figures, short headers) get all of it and stay
    // on one line; the long ones share what is left in proportion to their text, which evens
    // out the row heights.
    const give = new Array<number>(n).fill(0);
    const open = new Set(extra.map((_, i) => i));
    let left = room;
    for (;;) {
      const need = [...open].reduce((a, i) => a + extra[i]!, 0);
      const done = [...open].filter((i) => extra[i]! <= left / open.size + 1e-9);
      if (!done.length || done.length === open.size) {
        for (const i of open) give[i] = need ? (left * extra[i]!) / need : left / open.size;
        break;
      }
      for (const i of done) {
        give[i] = extra[i]!;
        left -= extra[i]!;
        open.delete(i);
      }
    }
    return min.map((m, i) => m + give[i]!);
  }
  // Every cell fits on one line: share what is left in proportion to the widths wanted.
  const wantSum = want.reduce((a, b) => a + b, 0);
  return want.map((w) => w + ((total - wantSum) * w) / wantSum);
}

/**
 * Fit a table into `w` by `h` inches: the largest size at which columns fitted to their words
 * hold every row; failing that, at minSize, cells capped to fewer lines, then rows dropped.
 */
export function fitTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  w: number,
  h: number,
  opts: TableFitOptions,
): TableFit {
  const font = opts.font;
  const lineH = (size: number) => linesHeight(1, size, font);
  const rowHeight = (
    cells: readonly string[],
    colW: readonly number[],
    size: number,
    bold: boolean,
    maxLines = Infinity,
  ) =>
    Math.max(
      ...cells.map((c, i) =>
        Math.min(
          maxLines,
          c
            .split('\n')
            .reduce(
              (n, p) =>
                n +
                lineCount(p, Math.max(0.2, (colW[i] ?? 1) - 2 * opts.marginX), size, bold, font),
              0,
            ),
        ),
      ),
    ) *
      lineH(size) +
    2 * opts.marginY;
  const heights = (colW: readonly number[], size: number, maxLines = Infinity) => [
    rowHeight(header, colW, size, true, maxLines),
    ...rows.map((r) => rowHeight(r, colW, size, false, maxLines)),
  ];
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  for (let size = opts.maxSize; size >= opts.minSize; size -= 0.5) {
    const colW = fitColumns(header, rows, w, size, opts);
    if (!colW) continue;
    const hs = heights(colW, size);
    if (sum(hs) <= h)
      return {
        header: [...header],
        rows: rows.map((r) => [...r]),
        fontSize: size,
        colW,
        rowHeights: hs,
        droppedRows: 0,
        truncated: false,
      };
  }
  const size = opts.minSize;
  // At the smallest size, widths from the words if they fit, else shares of what each needs.
  const colW =
    fitColumns(header, rows, w, size, opts) ?? header.map(() => w / Math.max(1, header.length));
  const frame = (i: number, bold: boolean): Frame => ({
    width: Math.max(0.2, (colW[i] ?? 1) - 2 * opts.marginX),
    height: Infinity,
    bold,
    font,
    gap: 0,
    maxLines: Infinity,
  });
  const cap = (cells: readonly string[], lines: number, bold: boolean) =>
    cells.map((c, i) =>
      rowHeight([c], [colW[i] ?? 1], size, bold) > lines * lineH(size) + 2 * opts.marginY + 1e-9
        ? truncateTo(c.replace(/\n/g, ' '), lines, frame(i, bold), size)
        : c,
    );
  for (let lines = 6; lines >= 1; lines--) {
    const hs = heights(colW, size, lines);
    if (sum(hs) <= h) {
      const head = cap(header, lines, true);
      const r = rows.map((row) => cap(row, lines, false));
      return {
        header: head,
        rows: r,
        fontSize: size,
        colW,
        rowHeights: [
          rowHeight(head, colW, size, true),
          ...r.map((row) => rowHeight(row, colW, size, false)),
        ],
        droppedRows: 0,
        truncated: true,
      };
    }
  }
  // Still too tall: one line a cell, and as many rows as fit.
  const head = cap(header, 1, true);
  const one = rows.map((row) => cap(row, 1, false));
  const each = lineH(size) + 2 * opts.marginY;
  const fitRows = Math.max(0, Math.floor((h - each) / each));
  return {
    header: head,
    rows: one.slice(0, fitRows),
    fontSize: size,
    colW,
    rowHeights: Array<number>(fitRows + 1).fill(each),
    droppedRows: rows.length - fitRows,
    truncated: true,
  };
}
