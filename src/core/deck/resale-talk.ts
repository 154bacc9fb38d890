/**
 * The non-reseller rule, as a last check on what a slide shows: in a deck that may not talk
 * resale (see lead.ts), no paragraph, table row, chart series, key figure or title speaks of
 * discounts, rebates or MDF. The slide builders already leave them out (tier columns, merged
 * resale streams); this catches what data brings in, such as a reselling type's objection in a
 * mostly non-reselling mix.
 */
import type { Sequence } from '../schema/template.ts';
import { RESALE_BENEFITS } from '../tier-benefits.ts';
import type { BuiltSlide } from './context.ts';
import type { Block } from './model.ts';

/** Words of margin-and-rebate talk. */
export const RESALE_TALK = /\b(discounts?|rebates?|MDF|market development funds?)\b/i;

const clean = (s: string) => !RESALE_TALK.test(s);

function scrubBlock(b: Block): Block | undefined {
  switch (b.type) {
    case 'text': {
      const paragraphs = b.paragraphs.filter(clean);
      return paragraphs.length ? { ...b, paragraphs } : undefined;
    }
    case 'table': {
      const cols = b.header.map((h, i) => (clean(h) ? i : -1)).filter((i) => i >= 0);
      const pick = <T>(r: readonly T[]) => cols.map((i) => r[i]!);
      const keep = b.rows.map((r) => pick(r).every(clean));
      const rows = b.rows.filter((_, i) => keep[i]).map(pick);
      const rowHeights = [b.rowHeights[0]!, ...b.rowHeights.slice(1).filter((_, i) => keep[i])];
      const kept = pick(b.colW);
      const scale =
        b.box.w /
        Math.max(
          1e-9,
          kept.reduce((a, w) => a + w, 0),
        );
      return {
        ...b,
        header: pick(b.header),
        align: pick(b.align),
        colW: kept.map((w) => w * scale),
        rows,
        rowHeights,
        box: { ...b.box, h: rowHeights.reduce((a, h) => a + h, 0) },
      };
    }
    case 'chart': {
      const series = b.series.filter((s) => clean(s.name));
      if (!series.length || !clean(b.title)) return undefined;
      return {
        ...b,
        series,
        stacked: b.stacked && series.length > 1,
        showLegend: series.length > 1,
      };
    }
    case 'figure':
      return clean(b.label) && clean(b.value) ? b : undefined;
    default:
      return b;
  }
}

/** The slide without resale talk; a title that has some is replaced by the builder's own (`fallbackTitle`). */
export function scrubResaleTalk(slide: BuiltSlide, fallbackTitle: () => string): BuiltSlide {
  const blocks = slide.blocks.flatMap((b) => scrubBlock(b) ?? []);
  return { ...slide, title: clean(slide.title) ? slide.title : fallbackTitle(), blocks };
}

/** A problem with a sequence for a partner type that does not resell, at a path in its file. */
export interface RuleProblem {
  path: (string | number)[];
  message: string;
  found: unknown;
}

/**
 * What in `sequence` would break the non-reseller rule for a type that does not resell,
 * however the sequence is keyed (`transacts: false`, journey roles, streams or nothing at all):
 * no `earnings` slide right after the title, a resale column in the tier table, or a title
 * that talks resale.
 */
export function nonResellerProblems(
  sequence: Sequence,
  type: { id: string; name: string },
): RuleProblem[] {
  const who = `partner type \`${type.id}\` (${type.name}), which does not resell`;
  const out: RuleProblem[] = [];
  const second = sequence.slides[1];
  if (second?.kind !== 'earnings')
    out.push({
      path: ['slides', 1, 'kind'],
      message: `this sequence applies to ${who}: its deck leads with \`earnings\` right after the title`,
      found: second?.kind,
    });
  sequence.slides.forEach((slide, i) => {
    const resale = (slide.benefits ?? []).filter((b) => RESALE_BENEFITS.includes(b));
    if (slide.kind === 'tiers' && resale.length)
      out.push({
        path: ['slides', i, 'benefits'],
        message: `this sequence applies to ${who}: leave ${resale.join(', ')} out of its tier table`,
        found: slide.benefits,
      });
    if (slide.title && RESALE_TALK.test(slide.title))
      out.push({
        path: ['slides', i, 'title'],
        message: `this sequence applies to ${who}: a slide title may not talk of discounts, rebates or MDF`,
        found: slide.title,
      });
  });
  return out;
}
