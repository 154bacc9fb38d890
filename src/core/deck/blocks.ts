/**
 * Block helpers: every text, table, card and key figure is fitted to its box here, so the
 * renderer never guesses. Blocks that stand side by side (a row of cards, a row of figures) share
 * one type size, the smallest any of them needs.
 */
import { fitParagraphs, fitTable, linesHeight } from './fit-text.ts';
import type {
  Box,
  Block,
  FigureBlock,
  Hex,
  Inset,
  ShapeBlock,
  TableBlock,
  TextBlock,
} from './model.ts';
import { isRtl } from './sanitize.ts';
import type { Ctx } from './context.ts';
import { cells } from './layout.ts';

/** PowerPoint's own text-box margins, in inches. */
export const DEFAULT_INSET: Inset = { x: 0.1, y: 0.05 };
/** Hanging indent of bullets, in inches (the renderer writes it in points). */
export const BULLET_INDENT = 0.3;
/** Space after a bulleted paragraph, in points. */
export const BULLET_GAP = 6;
/** Padding inside a card, in inches. */
export const CARD_PAD = 0.22;

export interface TextOptions {
  max: number;
  min: number;
  bold?: boolean;
  bullets?: TextBlock['bullets'];
  color?: Hex;
  font?: 'heading' | 'body';
  align?: TextBlock['align'];
  valign?: TextBlock['valign'];
  maxLines?: number;
  fill?: Hex;
  inset?: Inset;
  /** Space after each paragraph but the last, in points (bullets default to BULLET_GAP). */
  paraGap?: number;
}

const family = (ctx: Ctx, font: 'heading' | 'body' | undefined) => ctx.style.fonts[font ?? 'body'];

const fitOptions = (ctx: Ctx, o: TextOptions) => ({
  maxSize: o.max,
  minSize: o.min,
  bold: o.bold ?? false,
  font: family(ctx, o.font),
  insetX: (o.inset ?? DEFAULT_INSET).x,
  insetY: (o.inset ?? DEFAULT_INSET).y,
  indent: o.bullets ? BULLET_INDENT : 0,
  paraGap: o.paraGap ?? (o.bullets ? BULLET_GAP : 0),
  ...(o.maxLines ? { maxLines: o.maxLines } : {}),
});

/** A text frame, its paragraphs fitted to the box at the largest size from `max` down to `min`. */
export function text(ctx: Ctx, paragraphs: string[], box: Box, o: TextOptions): TextBlock {
  const fitOpts = fitOptions(ctx, o);
  const fitted = fitParagraphs(
    paragraphs.flatMap((p) => p.split('\n')),
    box.w,
    box.h,
    fitOpts,
  );
  const block: TextBlock = {
    type: 'text',
    box,
    paragraphs: fitted.paragraphs,
    fontSize: fitted.fontSize,
    font: o.font ?? 'body',
    color: o.color ?? ctx.theme.colours.text,
    valign: o.valign ?? 'top',
    inset: o.inset ?? DEFAULT_INSET,
  };
  if (o.bold) block.bold = true;
  if (o.bullets) {
    block.bullets = o.bullets;
    block.indent = BULLET_INDENT;
  }
  if (fitOpts.paraGap) block.paraGap = fitOpts.paraGap;
  if (o.align) block.align = o.align;
  if (o.fill) block.fill = o.fill;
  if (isRtl(fitted.paragraphs.join(' '))) block.rtl = true;
  return block;
}

/** The largest size from `o.max` at which every one of `texts` fits its box (the smallest of their best). */
export function sharedSize(
  ctx: Ctx,
  texts: readonly { paragraphs: string[]; box: Box }[],
  o: TextOptions,
): number {
  const fitOpts = fitOptions(ctx, o);
  return Math.min(
    o.max,
    ...texts.map((t) => fitParagraphs(t.paragraphs, t.box.w, t.box.h, fitOpts).fontSize),
  );
}

/** Height the paragraphs take at a size in a box of width `w`, insets included. */
export function textHeight(ctx: Ctx, paragraphs: string[], w: number, o: TextOptions): number {
  const fitOpts = fitOptions(ctx, { ...o, min: o.max });
  const fitted = fitParagraphs(paragraphs, w, 1000, fitOpts);
  return (
    linesHeight(fitted.lines, fitted.fontSize, fitOpts.font) +
    Math.max(0, fitted.paragraphs.length - 1) * ((fitOpts.paraGap ?? 0) / 72) +
    2 * fitOpts.insetY
  );
}

export const shape = (box: Box, fill: Hex): ShapeBlock => ({ type: 'shape', box, fill });

export interface TableOptions {
  max?: number;
  min?: number;
  /** Alignment per column; figures go right. */
  align?: ('left' | 'right')[];
  /** The last row is a total. */
  totalRow?: boolean;
  /**
   * Rows share the room the box leaves (up to 0.3 in more each, as cell margin above and below),
   * so a table of three short rows does not sit on top of an empty half slide.
   */
  spread?: boolean;
}

/** Cell margins: real room around the text, in inches. */
export const CELL_MARGIN: Inset = { x: 0.12, y: 0.07 };

/** A table filling the box's width, columns fitted to their words, rows to the box's height. */
export function table(
  ctx: Ctx,
  header: string[],
  rows: string[][],
  box: Box,
  o: TableOptions = {},
): TableBlock {
  const fitted = fitTable(header, rows, box.w, box.h, {
    maxSize: o.max ?? ctx.style.type.body - 2,
    minSize: o.min ?? 10,
    font: ctx.style.fonts.body,
    marginX: CELL_MARGIN.x,
    marginY: CELL_MARGIN.y,
  });
  const c = ctx.theme.colours;
  const outRows = fitted.droppedRows
    ? [...fitted.rows, [`+ ${fitted.droppedRows} more`, ...header.slice(1).map(() => '')]]
    : fitted.rows;
  const fittedHeights = fitted.droppedRows
    ? [...fitted.rowHeights.slice(0, -1), fitted.rowHeights.at(-1)!, fitted.rowHeights.at(-1)!]
    : fitted.rowHeights;
  const spare = box.h - fittedHeights.reduce((a, b) => a + b, 0);
  const extra = o.spread && spare > 0 ? Math.min(0.3, spare / fittedHeights.length) : 0;
  const rowHeights = fittedHeights.map((h) => h + extra);
  const margin: Inset = { x: CELL_MARGIN.x, y: CELL_MARGIN.y + extra / 2 };
  const block: TableBlock = {
    type: 'table',
    box: {
      ...box,
      h: Math.min(
        box.h,
        rowHeights.reduce((a, b) => a + b, 0),
      ),
    },
    header: fitted.header,
    rows: outRows,
    colW: fitted.colW,
    rowHeights,
    fontSize: fitted.fontSize,
    align: o.align ?? header.map(() => 'left'),
    margin,
    headerFill: c.primary,
    headerColor: 'FFFFFF',
    color: c.text,
    border: 'D5DCE4',
    stripe: c.surface,
  };
  if (o.totalRow) block.totalRow = true;
  return block;
}

export interface FigureItem {
  value: string;
  label: string;
}

export interface FigureOptions {
  /** Cells per row (default: all in one row). */
  perRow?: number;
  /** Largest value size (default: the theme's figure size). */
  max?: number;
  fill?: Hex;
  align?: FigureBlock['align'];
  gap?: number;
}

const FIGURE_INSET: Inset = { x: 0.18, y: 0.12 };

/**
 * Key figures in a grid of equal tiles, every value at one size and every label at one size, the
 * largest at which all fit: a value on one line, its label on at most two.
 */
export function figures(
  ctx: Ctx,
  items: FigureItem[],
  box: Box,
  o: FigureOptions = {},
): FigureBlock[] {
  const perRow = o.perRow ?? items.length;
  const tiles = cells(box, items.length, perRow, o.gap ?? ctx.grid.gutter);
  const font = ctx.style.fonts.body;
  const max = o.max ?? ctx.style.type.figure;
  const labelMax = Math.min(ctx.style.type.body - 2, Math.max(12, max * 0.34));
  const inner = (b: Box) => ({ w: b.w - 2 * FIGURE_INSET.x, h: b.h - 2 * FIGURE_INSET.y });
  // Labels first (at most two lines, at most 40% of the tile), then values in what is left.
  let labelSize = labelMax;
  for (; labelSize > 9; labelSize -= 0.5) {
    const ok = items.every((it, i) => {
      const b = inner(tiles[i]!);
      const f = fitParagraphs([it.label], b.w, b.h * 0.4, {
        maxSize: labelSize,
        minSize: labelSize,
        font,
        insetX: 0,
        insetY: 0,
        maxLines: 2,
      });
      return !f.truncated;
    });
    if (ok) break;
  }
  const labelLines = items.map(
    (it, i) =>
      fitParagraphs([it.label], inner(tiles[i]!).w, 10, {
        maxSize: labelSize,
        minSize: labelSize,
        font,
        insetX: 0,
        insetY: 0,
      }).lines,
  );
  const labelH = Math.max(...labelLines) * linesHeight(1, labelSize, font);
  let valueSize = max;
  for (; valueSize > 12; valueSize -= 1) {
    const ok = items.every((it, i) => {
      const b = inner(tiles[i]!);
      return !fitParagraphs([it.value], b.w, b.h - labelH, {
        maxSize: valueSize,
        minSize: valueSize,
        bold: true,
        font,
        insetX: 0,
        insetY: 0,
        maxLines: 1,
      }).truncated;
    });
    if (ok) break;
  }
  return items.map((it, i) => {
    const label = fitParagraphs([it.label], inner(tiles[i]!).w, labelH + 0.01, {
      maxSize: labelSize,
      minSize: labelSize,
      font,
      insetX: 0,
      insetY: 0,
      maxLines: 2,
    });
    const block: FigureBlock = {
      type: 'figure',
      box: tiles[i]!,
      value: it.value,
      valueSize,
      label: label.paragraphs.join(' '),
      labelSize,
      color: ctx.theme.colours.primary,
      labelColor: ctx.theme.colours.muted,
      align: o.align ?? 'left',
      inset: FIGURE_INSET,
    };
    if (o.fill !== undefined) block.fill = o.fill;
    else block.fill = ctx.theme.colours.surface;
    return block;
  });
}

export interface CardItem {
  heading?: string;
  body: string[];
}

export interface CardOptions {
  columns: number;
  /** Largest body size (default: the theme's body size). */
  max?: number;
  min?: number;
  bullets?: TextBlock['bullets'];
  fill?: Hex;
  headingColor?: Hex;
  /** A bar of this colour down the card's left edge. */
  bar?: Hex;
  gap?: number;
  /** Set the heading beside the body, in this width (inches), instead of above it. */
  headingBeside?: number;
  /** Space between body paragraphs, in points. */
  paraGap?: number;
  /** Where the body sits in its card (default: under the heading, at the top). */
  valign?: TextBlock['valign'];
}

/**
 * Cards in a grid that fills the box: a filled panel, a bold heading and body text, every
 * heading at one size and every body at one size across the grid.
 */
export function cards(ctx: Ctx, items: CardItem[], box: Box, o: CardOptions): Block[] {
  const gap = o.gap ?? ctx.grid.gutter;
  const boxes = cells(box, items.length, Math.min(o.columns, items.length), gap);
  const bar = o.bar ? 0.07 : 0;
  const inner = (b: Box): Box => ({
    x: b.x + CARD_PAD + bar,
    y: b.y + CARD_PAD * 0.8,
    w: b.w - 2 * CARD_PAD - bar,
    h: b.h - CARD_PAD * 1.6,
  });
  const max = o.max ?? ctx.style.type.body;
  const headOpts: TextOptions = {
    max: Math.min(max + 2, ctx.style.type.body + 2),
    min: 12,
    bold: true,
    maxLines: 2,
    inset: { x: 0, y: 0 },
    font: 'heading',
  };
  const withHeading = items.some((it) => it.heading);
  const beside = o.headingBeside ?? 0;
  const headBox = (b: Box): Box => (beside ? { ...b, w: beside } : { ...b, h: b.h * 0.4 });
  // Headings: one size, the largest at which each fits two lines in its place.
  let headSize = withHeading
    ? sharedSize(
        ctx,
        items.map((it, i) => ({ paragraphs: [it.heading ?? ''], box: headBox(inner(boxes[i]!)) })),
        headOpts,
      )
    : 0;
  let headH =
    withHeading && !beside
      ? Math.max(
          ...items.map((it, i) =>
            it.heading
              ? textHeight(ctx, [it.heading], inner(boxes[i]!).w, { ...headOpts, max: headSize })
              : 0,
          ),
        ) + 0.08
      : 0;
  const bodyOpts: TextOptions = {
    max,
    min: o.min ?? 11,
    inset: { x: 0, y: 0 },
    ...(o.bullets ? { bullets: o.bullets } : {}),
    ...(o.paraGap ? { paraGap: o.paraGap } : {}),
    ...(beside ? { valign: 'middle' as const } : {}),
    ...(o.valign ? { valign: o.valign } : {}),
  };
  const bodyBoxes = items.map((_, i) => {
    const b = inner(boxes[i]!);
    return beside
      ? { ...b, x: b.x + beside + 0.15, w: b.w - beside - 0.15 }
      : { ...b, y: b.y + headH, h: b.h - headH };
  });
  let bodySize = sharedSize(
    ctx,
    items.map((it, i) => ({ paragraphs: it.body, box: bodyBoxes[i]! })),
    bodyOpts,
  );
  // A heading far larger than its text looks like a poster: bring it within 4 pt of the body and
  // give the room back to the body.
  if (withHeading && !beside && headSize > bodySize + 4) {
    headSize = Math.max(12, bodySize + 2);
    const h =
      Math.max(
        ...items.map((it, i) =>
          it.heading
            ? textHeight(ctx, [it.heading], inner(boxes[i]!).w, { ...headOpts, max: headSize })
            : 0,
        ),
      ) + 0.08;
    items.forEach((_, i) => {
      const b = inner(boxes[i]!);
      bodyBoxes[i] = { ...b, y: b.y + h, h: b.h - h };
    });
    headH = h;
    bodySize = sharedSize(
      ctx,
      items.map((it, i) => ({ paragraphs: it.body, box: bodyBoxes[i]! })),
      bodyOpts,
    );
  }
  return items.flatMap((it, i) => {
    const b = boxes[i]!;
    const out: Block[] = [shape(b, o.fill ?? ctx.theme.colours.surface)];
    if (o.bar) out.push(shape({ x: b.x, y: b.y, w: bar, h: b.h }, o.bar));
    if (it.heading)
      out.push(
        text(ctx, [it.heading], beside ? headBox(inner(b)) : { ...inner(b), h: headH }, {
          ...headOpts,
          max: headSize,
          min: Math.min(headSize, 12),
          color: o.headingColor ?? ctx.theme.colours.secondary,
          ...(beside ? { valign: 'middle' as const } : {}),
        }),
      );
    if (it.body.length)
      out.push(
        text(ctx, it.body, bodyBoxes[i]!, {
          ...bodyOpts,
          max: bodySize,
          min: Math.min(bodySize, bodyOpts.min),
        }),
      );
    return out;
  });
}
