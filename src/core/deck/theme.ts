/**
 * The deck theme: templates/theme.yaml's colours, fonts, type scale, grid, section labels, logo
 * and footer, placed on the slide. Everything a marketer restyles comes through here.
 */
import { fitText } from './fit-text.ts';
import { hex, type DeckStyle } from './context.ts';
import {
  FOOTER_H,
  FOOTER_Y,
  RULE_Y,
  SECTION_H,
  SECTION_Y,
  TITLE_H,
  TITLE_Y,
  gridOf,
  type Grid,
} from './layout.ts';
import type { DeckTheme } from './model.ts';
import { sanitizeLine } from './sanitize.ts';
import type { DeckTemplates } from './templates.ts';

const PAGE_NUMBER_W = 0.6;

/** The theme of one deck; `footerText` is the theme's footer with its placeholders filled. */
export function deckTheme(
  templates: DeckTemplates,
  footerText: string,
): { theme: DeckTheme; style: DeckStyle; grid: Grid } {
  const t = templates.theme;
  const grid = gridOf(t.grid);
  const logoH = t.logo.height;
  const logoW = (templates.logo.widthPx / templates.logo.heightPx) * logoH;
  const right = grid.x + grid.width;
  const footerW = grid.width - PAGE_NUMBER_W - grid.gutter;
  // One readable size; a long prospect name is shortened with an ellipsis, never shrunk to 7 pt.
  const footerSize = Math.max(9, t.type.small - 2);
  const footer = fitText(sanitizeLine(footerText, 400), footerW, FOOTER_H, {
    maxSize: footerSize,
    minSize: footerSize,
    maxLines: 1,
    font: t.fonts.body,
    insetX: 0,
    insetY: 0,
  });
  const theme: DeckTheme = {
    colours: {
      primary: hex(t.colours.primary),
      secondary: hex(t.colours.secondary),
      accent: hex(t.colours.accent),
      text: hex(t.colours.text),
      muted: hex(t.colours.muted),
      background: hex(t.colours.background),
      surface: hex(t.colours.surface),
      chart: t.colours.chart.map(hex),
    },
    fonts: t.fonts,
    logo: {
      data: templates.logo.dataUrl,
      box: { x: right - logoW, y: SECTION_Y + (SECTION_H - logoH) / 2, w: logoW, h: logoH },
      alt: sanitizeLine(t.logo.alt, 200),
    },
    footer: footer.paragraphs.join(' '),
    footerSize: footer.fontSize,
    sectionSize: t.type.small,
    frame: {
      section: { x: grid.x, y: SECTION_Y, w: grid.width - logoW - grid.gutter, h: SECTION_H },
      title: { x: grid.x, y: TITLE_Y, w: grid.width, h: TITLE_H },
      rule: { x: grid.x, y: RULE_Y, w: grid.width, h: 0 },
      footer: { x: grid.x, y: FOOTER_Y, w: footerW, h: FOOTER_H },
      pageNumber: { x: right - PAGE_NUMBER_W, y: FOOTER_Y, w: PAGE_NUMBER_W, h: FOOTER_H },
    },
  };
  return {
    theme,
    style: { type: t.type, sections: t.sections, fonts: t.fonts },
    grid,
  };
}
