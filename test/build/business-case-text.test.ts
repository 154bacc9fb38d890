// What a partner's finance lead reads on the built business-case pages and in the ready decks:
// numbers rounded (never more than four decimals), no IRR above the band as a percentage, and
// no discount, rebate or MDF talk to partners who do not resell.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../helpers/browser.ts';
import { openPptx } from '../helpers/pptx.ts';

/** The text a reader sees: no scripts or styles, tags dropped, plus labels and titles. */
function visibleText(html: string): string {
  const page = html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ');
  const attrs = [...page.matchAll(/(?:aria-label|title|alt)="([^"]*)"/g)].map((m) => m[1]);
  return `${page.replace(/<[^>]+>/g, ' ')} ${attrs.join(' ')}`
    .replace(/&amp;/g, '&')
    .replace(/&[a-z#0-9]+;/g, ' ')
    .replace(/\s+/g, ' ');
}
const maxDecimals = (text: string) =>
  Math.max(0, ...[...text.matchAll(/\d\.(\d+)/g)].map((m) => m[1]!.length));
const pages = [
  'business-case/index.html',
  ...readdirSync(join(DIST, 'partners')).map((t) => `partners/${t}/business-case/index.html`),
];
const text = (path: string) => visibleText(readFileSync(join(DIST, path), 'utf8'));

describe('business-case pages and decks, as read', () => {
  it('every business-case page has numbers to at most four decimals and no IRR above 300%', () => {
    expect(pages.length).toBeGreaterThanOrEqual(12);
    for (const p of pages) {
      const t = text(p);
      expect(maxDecimals(t), p).toBeLessThanOrEqual(4);
      const irr = /IRR \(yearly\) (\S+)/.exec(t)?.[1];
      expect(irr, p).toBeDefined();
      if (irr!.endsWith('%'))
        expect(Number(irr!.slice(0, -1).replace(/,/g, '')), p).toBeLessThanOrEqual(300);
      else expect(['Not', 'Undefined'], p).toContain(irr);
    }
  });

  it('the influencer and referral-partner pages say nothing of discount, rebate or MDF', () => {
    for (const type of ['influencer', 'referral-partner']) {
      const t = text(`partners/${type}/business-case/index.html`);
      expect(t, type).toMatch(/referral fee/);
      expect(t.match(/.{40}(discount|rebate|MDF).{40}/i)?.[0] ?? '', type).toBe('');
    }
  });

  it('no ready deck shows a number with more than four decimals, on its slides or in its notes', async () => {
    const decks = readdirSync(join(DIST, 'decks')).filter((f) => f.endsWith('.pptx'));
    expect(decks.length).toBeGreaterThanOrEqual(11);
    for (const file of decks) {
      const p = await openPptx(readFileSync(join(DIST, 'decks', file)));
      const all = [...p.slideText, ...p.notes].join(' ');
      expect(maxDecimals(all), file).toBeLessThanOrEqual(4);
      for (const m of all.matchAll(/(?:Internal rate of return|IRR) ([-\d,.]+)%/g))
        expect(Number(m[1]!.replace(/,/g, '')), file).toBeLessThanOrEqual(300);
    }
  });
});
