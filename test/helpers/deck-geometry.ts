// Geometry of a deck model, measured with the deck's own text estimator: does a text block fit
// its box, how much of a slide its blocks cover. Fonts default to the shipped templates' theme.
import { linesHeight, widestLine, wrap } from '../../src/core/deck/fit-text.ts';
import { BODY_BOTTOM, BODY_Y } from '../../src/core/deck/layout.ts';
import type { Block, DeckTheme, Slide, TextBlock } from '../../src/core/deck/model.ts';
import { templates } from '../fixtures/deck-sources.ts';

/** Re-measure a fitted block with the same estimator: its lines fit the box height. */
export function textFits(b: TextBlock, fonts: DeckTheme['fonts'] = templates.theme.fonts): boolean {
  const font = fonts[b.font];
  const width = b.box.w - 2 * b.inset.x - (b.indent ?? 0);
  const lines = b.paragraphs.reduce(
    (n, p) => n + wrap(p, width, b.fontSize, b.bold ?? false, font).length,
    0,
  );
  const gaps = (Math.max(0, b.paragraphs.length - 1) * (b.paraGap ?? 0)) / 72;
  return linesHeight(lines, b.fontSize, font) + gaps <= b.box.h - 2 * b.inset.y + 1e-9;
}

/** The title slide's text block that sets the prospect's name large (its largest text). */
export function prospectBlock(deck: { slides: { blocks: Block[] }[] }): TextBlock {
  const texts = deck.slides[0]!.blocks.filter((b): b is TextBlock => b.type === 'text');
  return texts.reduce((a, b) => (b.fontSize > a.fontSize ? b : a));
}

/** Native charts a deck model draws. */
export const chartCount = (deck: { slides: { blocks: Block[] }[] }) =>
  deck.slides.flatMap((s) => s.blocks).filter((b) => b.type === 'chart').length;

/**
 * How much of a slide's content area its blocks cover, from the model: 0..1. Filled shapes,
 * figures, tables, charts and images cover their box; text covers the lines it sets (its widest
 * line by its height, placed by its alignment). The content area is the body under the title for
 * content slides, the whole slide for the title and closing slides.
 */
export function occupancy(slide: Slide, theme: DeckTheme, fonts = templates.theme.fonts): number {
  const cover = slide.kind === 'title' || slide.kind === 'closing';
  const area = cover
    ? { x: 0, y: 0, w: 13.333, h: 6.9 }
    : { x: theme.frame.title.x, y: BODY_Y, w: theme.frame.title.w, h: BODY_BOTTOM - BODY_Y };
  const step = 0.05;
  const cols = Math.round(area.w / step);
  const rows = Math.round(area.h / step);
  const used = new Uint8Array(cols * rows);
  const mark = (x: number, y: number, w: number, h: number) => {
    for (
      let r = Math.max(0, Math.floor((y - area.y) / step));
      r < Math.min(rows, Math.ceil((y + h - area.y) / step));
      r++
    )
      for (
        let c = Math.max(0, Math.floor((x - area.x) / step));
        c < Math.min(cols, Math.ceil((x + w - area.x) / step));
        c++
      )
        used[r * cols + c] = 1;
  };
  for (const b of slide.blocks) {
    if (b.type !== 'text') {
      if (b.type !== 'figure' || b.fill) mark(b.box.x, b.box.y, b.box.w, b.box.h);
      continue;
    }
    if (b.fill) {
      mark(b.box.x, b.box.y, b.box.w, b.box.h);
      continue;
    }
    const font = fonts[b.font];
    const innerW = b.box.w - 2 * b.inset.x - (b.indent ?? 0);
    const inkW =
      widestLine(b.paragraphs, b.box.w, b.fontSize, {
        bold: b.bold ?? false,
        font,
        insetX: b.inset.x,
        indent: b.indent ?? 0,
      }) + (b.indent ?? 0);
    const lines = b.paragraphs.reduce(
      (n, p) => n + wrap(p, innerW, b.fontSize, b.bold ?? false, font).length,
      0,
    );
    const inkH =
      linesHeight(lines, b.fontSize, font) +
      (Math.max(0, b.paragraphs.length - 1) * (b.paraGap ?? 0)) / 72;
    const top =
      b.valign === 'middle'
        ? b.box.y + (b.box.h - inkH) / 2
        : b.valign === 'bottom'
          ? b.box.y + b.box.h - b.inset.y - inkH
          : b.box.y + b.inset.y;
    const left =
      b.align === 'right'
        ? b.box.x + b.box.w - b.inset.x - inkW
        : b.align === 'center'
          ? b.box.x + (b.box.w - inkW) / 2
          : b.box.x + b.inset.x;
    mark(left, top, inkW, inkH);
  }
  return used.reduce((a, v) => a + v, 0) / used.length;
}
