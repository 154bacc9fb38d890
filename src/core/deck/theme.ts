/** The deck theme: templates/theme.yaml's colours, fonts, logo and footer, placed on the grid. */
import { fitText } from './fit-text.ts';
import { hex, fill } from './context.ts';
import { MARGIN, TITLE_H, TITLE_Y } from './layout.ts';
import type { DeckTheme } from './model.ts';
import { SLIDE_W } from './model.ts';
import { sanitizeLine } from './sanitize.ts';
import type { DeckTemplates } from './templates.ts';

/** The theme of one deck; `vars` fill the footer's {vendor}, {prospect} and {type}. */
export function deckTheme(templates: DeckTemplates, vars: Record<string, string>): DeckTheme {
  const t = templates.theme;
  const logoH = t.logo.height;
  const logoW = (templates.logo.widthPx / templates.logo.heightPx) * logoH;
  const footerText = sanitizeLine(fill(t.footer, vars), 400);
  const footer = fitText(footerText, SLIDE_W - 2 * MARGIN - 1.2, 0.35, {
    maxSize: 10,
    minSize: 7,
    maxLines: 1,
  });
  return {
    colours: {
      primary: hex(t.colours.primary),
      secondary: hex(t.colours.secondary),
      accent: hex(t.colours.accent),
      text: hex(t.colours.text),
      muted: hex(t.colours.muted),
      background: hex(t.colours.background),
      chart: t.colours.chart.map(hex),
    },
    fonts: t.fonts,
    logo: {
      data: templates.logo.dataUrl,
      box: { x: SLIDE_W - MARGIN - logoW, y: TITLE_Y + (TITLE_H - logoH) / 2, w: logoW, h: logoH },
      alt: sanitizeLine(t.logo.alt, 200),
    },
    footer: footer.paragraphs.join(' '),
    footerSize: footer.fontSize,
  };
}
