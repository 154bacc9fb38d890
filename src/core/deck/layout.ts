/**
 * The slide grid, in inches on the 13.333 x 7.5 in (16:9) slide: margins, the title band, the
 * body area every slide kind lays out in, and the footer line.
 */
import { SLIDE_H, SLIDE_W } from './model.ts';

export const MARGIN = 0.5;
export const TITLE_Y = 0.3;
export const TITLE_H = 0.9;
export const BODY_Y = 1.35;
export const BODY_BOTTOM = 6.85;
export const BODY_W = SLIDE_W - 2 * MARGIN;
export const BODY_H = BODY_BOTTOM - BODY_Y;
export const FOOTER_Y = 7.0;

export const LAYOUT = { MARGIN, TITLE_Y, TITLE_H, BODY_Y, BODY_BOTTOM, FOOTER_Y, SLIDE_H } as const;
