/**
 * The cover layout the title and closing slides share: the logo on white, a brand band across
 * the slide in the primary colour with an accent rule under it, text on the band in white.
 */
import type { Block, Box } from '../model.ts';
import { SLIDE_W } from '../model.ts';
import { shape } from '../blocks.ts';
import type { Ctx } from '../context.ts';

export const BAND_Y = 1.45;
export const BAND_H = 3.75;
const RULE_H = 0.08;
export const WHITE = 'FFFFFF';

/** The logo (top left, on white), the band and its accent rule. */
export function coverFrame(ctx: Ctx): Block[] {
  const t = ctx.theme;
  const logoH = Math.min(0.6, BAND_Y - 0.6);
  const logoW = (t.logo.box.w / t.logo.box.h) * logoH;
  return [
    {
      type: 'image',
      box: { x: ctx.grid.x, y: 0.5, w: logoW, h: logoH },
      data: t.logo.data,
      alt: t.logo.alt,
    },
    shape({ x: 0, y: BAND_Y, w: SLIDE_W, h: BAND_H }, t.colours.primary),
    shape({ x: 0, y: BAND_Y + BAND_H, w: SLIDE_W, h: RULE_H }, t.colours.accent),
  ];
}

/** Rows inside the band, from its top, in inches. */
export const inBand = (ctx: Ctx, top: number, h: number): Box => ({
  x: ctx.grid.x,
  y: BAND_Y + top,
  w: ctx.grid.width,
  h,
});

/** The area under the band, above the footer. */
export const underBand = (ctx: Ctx): Box => ({
  x: ctx.grid.x,
  y: BAND_Y + BAND_H + RULE_H + 0.3,
  w: ctx.grid.width,
  h: 6.85 - (BAND_Y + BAND_H + RULE_H + 0.3),
});
