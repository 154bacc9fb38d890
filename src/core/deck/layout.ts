/**
 * The slide grid, in inches on the 13.333 x 7.5 in (16:9) slide. Across: the columns and gutter
 * of templates/theme.yaml's `grid`; down: the bands every content slide shares (section label,
 * action title, body, footer). Slide builders place blocks with `cols` and `split`, never with
 * numbers of their own, so a marketer who widens the margin or the gutter moves every slide.
 */
import type { Box } from './model.ts';
import { SLIDE_H, SLIDE_W } from './model.ts';

/** Section label above the title. */
export const SECTION_Y = 0.4;
export const SECTION_H = 0.36;
/** The action title: two lines at the theme's title size, shrunk to fit. */
export const TITLE_Y = 0.78;
export const TITLE_H = 1.12;
/** The title frame's inner margins, in inches: flush with the grid's left edge. */
export const TITLE_INSET = { x: 0, y: 0.04 };
/** The body every slide kind lays out in. */
export const BODY_Y = 2.05;
export const BODY_BOTTOM = 6.72;
export const BODY_H = BODY_BOTTOM - BODY_Y;
/** Rule above the footer, and the footer line. */
export const RULE_Y = 6.9;
export const FOOTER_Y = 6.98;
export const FOOTER_H = 0.34;

export interface Grid {
  /** Left edge of the first column. */
  x: number;
  /** Width from the first column's left edge to the last one's right edge. */
  width: number;
  columns: number;
  gutter: number;
  /** Width of one column. */
  col: number;
}

export function gridOf(g: { margin: number; columns: number; gutter: number }): Grid {
  const width = SLIDE_W - 2 * g.margin;
  return {
    x: g.margin,
    width,
    columns: g.columns,
    gutter: g.gutter,
    col: (width - g.gutter * (g.columns - 1)) / g.columns,
  };
}

/**
 * `n` columns from column `start` (0-based), as a fraction of a 12-column layout when the grid
 * has another count: builders think in twelfths, the theme decides the real columns.
 */
export function cols(grid: Grid, start: number, n: number): { x: number; w: number } {
  const scale = grid.columns / 12;
  const first = Math.round(start * scale);
  const count = Math.max(1, Math.round((start + n) * scale) - first);
  return {
    x: grid.x + first * (grid.col + grid.gutter),
    w: count * grid.col + (count - 1) * grid.gutter,
  };
}

/** The body area between columns `start` and `start + n`, from `top` to the body's bottom. */
export const body = (grid: Grid, start = 0, n = 12, top = BODY_Y, bottom = BODY_BOTTOM): Box => ({
  ...cols(grid, start, n),
  y: top,
  h: bottom - top,
});

/** The full body width. */
export const bodyBox = (grid: Grid): Box => body(grid);

/** Split a box into `n` equal cells across (or down), `gap` apart. */
export function split(box: Box, n: number, gap: number, direction: 'across' | 'down' = 'across') {
  const cells: Box[] = [];
  if (direction === 'across') {
    const w = (box.w - gap * (n - 1)) / n;
    for (let i = 0; i < n; i++) cells.push({ x: box.x + i * (w + gap), y: box.y, w, h: box.h });
  } else {
    const h = (box.h - gap * (n - 1)) / n;
    for (let i = 0; i < n; i++) cells.push({ x: box.x, y: box.y + i * (h + gap), w: box.w, h });
  }
  return cells;
}

/** A grid of `count` cells in `columns` columns filling the box, `gap` apart. */
export function cells(box: Box, count: number, columns: number, gap: number): Box[] {
  const rows = Math.max(1, Math.ceil(count / columns));
  const w = (box.w - gap * (columns - 1)) / columns;
  const h = (box.h - gap * (rows - 1)) / rows;
  return Array.from({ length: count }, (_, i) => ({
    x: box.x + (i % columns) * (w + gap),
    y: box.y + Math.floor(i / columns) * (h + gap),
    w,
    h,
  }));
}

export { SLIDE_H, SLIDE_W };
