/**
 * Block helpers: every text, table and key figure is fitted to its box here, so the renderer
 * never guesses.
 */
import { fitParagraphs, fitTable, fitText } from './fit-text.ts';
import type { Box, FigureBlock, Hex, TableBlock, TextBlock } from './model.ts';
import { isRtl } from './sanitize.ts';
import type { Ctx } from './context.ts';

export function text(
  ctx: Ctx,
  paragraphs: string[],
  box: Box,
  o: {
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
  },
): TextBlock {
  // Bulleted paragraphs lose about 0.3 in to the bullet indent.
  const fitted = fitParagraphs(
    paragraphs.flatMap((p) => p.split('\n')),
    box.w - (o.bullets ? 0.35 : 0),
    box.h,
    {
      maxSize: o.max,
      minSize: o.min,
      bold: o.bold ?? false,
      ...(o.maxLines ? { maxLines: o.maxLines } : {}),
    },
  );
  const block: TextBlock = {
    type: 'text',
    box,
    paragraphs: fitted.paragraphs,
    fontSize: fitted.fontSize,
    font: o.font ?? 'body',
    color: o.color ?? ctx.theme.colours.text,
    valign: o.valign ?? 'top',
  };
  if (o.bold) block.bold = true;
  if (o.bullets) block.bullets = o.bullets;
  if (o.align) block.align = o.align;
  if (o.fill) block.fill = o.fill;
  if (isRtl(fitted.paragraphs.join(' '))) block.rtl = true;
  return block;
}

export function table(
  ctx: Ctx,
  header: string[],
  rows: string[][],
  box: Box,
  fractions: number[],
  o: { max?: number; min?: number } = {},
): TableBlock {
  const total = fractions.reduce((a, b) => a + b, 0);
  const colW = fractions.map((f) => (box.w * f) / total);
  const fitted = fitTable(header, rows, colW, box.h, { maxSize: o.max ?? 14, minSize: o.min ?? 9 });
  const c = ctx.theme.colours;
  const outRows = fitted.droppedRows
    ? [
        ...fitted.rows,
        [`+ ${fitted.droppedRows} more in the playbook`, ...header.slice(1).map(() => '')],
      ]
    : fitted.rows;
  const rowHeights = fitted.droppedRows
    ? [...fitted.rowHeights.slice(0, -1), fitted.rowHeights.at(-1)!, fitted.rowHeights.at(-1)!]
    : fitted.rowHeights;
  return {
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
    colW,
    rowHeights,
    fontSize: fitted.fontSize,
    headerFill: c.primary,
    headerColor: 'FFFFFF',
    color: c.text,
    border: c.muted,
  };
}

export function figures(
  ctx: Ctx,
  items: { label: string; value: string }[],
  box: Box,
  perRow = items.length,
): FigureBlock[] {
  const gap = 0.2;
  const rows = Math.ceil(items.length / perRow);
  const w = (box.w - gap * (perRow - 1)) / perRow;
  const h = (box.h - gap * (rows - 1)) / rows;
  return items.map((item, i) => {
    const b = {
      x: box.x + (i % perRow) * (w + gap),
      y: box.y + Math.floor(i / perRow) * (h + gap),
      w,
      h,
    };
    const value = fitText(item.value, w, h * 0.58, {
      maxSize: 28,
      minSize: 12,
      bold: true,
      maxLines: 1,
    });
    const label = fitText(item.label, w, h * 0.42, { maxSize: 13, minSize: 8, maxLines: 2 });
    return {
      type: 'figure',
      box: b,
      value: value.paragraphs.join(' '),
      valueSize: value.fontSize,
      label: label.paragraphs.join(' '),
      labelSize: label.fontSize,
      color: ctx.theme.colours.primary,
      fill: 'F3F5F8',
    };
  });
}
