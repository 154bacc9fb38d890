/** The program tiers: when the case reaches each, its benefits and what it is worth. */
import { resultWords } from '../../wording.ts';
import type { SequenceSlide, TierBenefitKey } from '../../schema/template.ts';
import { RESALE_BENEFITS } from '../../tier-benefits.ts';
import { cards, table } from '../blocks.ts';
import { body } from '../layout.ts';
import {
  horizonYears,
  joinAnd,
  plural,
  yesNo,
  titleOf,
  type Ctx,
  type BuiltSlide,
} from '../context.ts';

const REQUIREMENT_TEXT: Record<string, (ctx: Ctx, v: number) => string> = {
  annualRevenue: (ctx, v) => `${resultWords(ctx.money).money(v)} of sales a year`,
  certifiedStaff: (_, v) => plural(v, 'certified person', 'certified people'),
  referralsOrInfluencedDeals: (_, v) => `${plural(v, 'deal')} a year`,
  publishedContent: (_, v) => plural(v, 'published case study', 'published case studies'),
};

/** What a tier still needs, in words: "3 certified people and $150,000 of sales a year". */
const needsOf = (ctx: Ctx, step: Ctx['result']['tiers'][number]) =>
  joinAnd(step.unmet.map((k) => REQUIREMENT_TEXT[k]?.(ctx, step.requirements[k]) ?? k));

const label: Record<TierBenefitKey, string> = {
  discount: 'Discount',
  rebate: 'Rebate',
  mdfRate: 'MDF',
  referralFee: 'Referral fee',
  coSell: 'Co-sell',
  nfrLicences: 'NFR licences',
  trainingVouchers: 'Exam vouchers',
  privateOffers: 'Marketplace private offers',
  programFeeAnnual: 'Annual fee',
};

export function tiersSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const w = resultWords(ctx.money);
  const r = ctx.result;
  const years = horizonYears(ctx);
  const benefits: TierBenefitKey[] = (
    spec.benefits ??
    (ctx.reselling
      ? ['discount', 'rebate', 'mdfRate', 'coSell', 'programFeeAnnual']
      : ['referralFee', 'coSell', 'nfrLicences', 'trainingVouchers', 'programFeeAnnual'])
  ).filter((b) => ctx.reselling || !RESALE_BENEFITS.includes(b));
  const rows = r.tiers.map((step) => {
    const tier = ctx.vendor.tiers.find((t) => t.id === step.id);
    const b = step.benefits;
    const cell: Record<TierBenefitKey, string> = {
      discount: w.percent(b.discount),
      rebate: w.percent(b.rebate),
      mdfRate: w.percent(b.mdfRate),
      referralFee: `${w.percent(b.referralFee)}${b.referralFeeCap ? ` (cap ${w.moneyCompact(b.referralFeeCap)})` : ''}`,
      coSell: yesNo(tier?.benefits.coSell ?? false),
      nfrLicences: String(tier?.benefits.nfrLicences ?? 0),
      trainingVouchers: String(tier?.benefits.trainingVouchers ?? 0),
      privateOffers: yesNo(b.privateOffers),
      programFeeAnnual: b.programFeeAnnual ? w.money(b.programFeeAnnual) : 'None',
    };
    const value = r.benefitValue.byTier.find((v) => v.tier === step.id);
    return [
      step.name,
      w.tierReached(step.reachedMonth, r.assumptions.horizonMonths).value,
      ...benefits.map((k) => cell[k]),
      step === r.tiers[0] || step.reachedMonth === null || !value ? '—' : w.money(value.net),
    ];
  });
  const header = ['Tier', 'Reached', ...benefits.map((k) => label[k]), 'Worth to you'];
  const entry = r.tiers[0];
  const reached = r.tiers.slice(1).filter((t) => t.reachedMonth !== null);
  const next = r.tiers.find((t) => t.reachedMonth === null);
  const highest = reached.at(-1);
  const title =
    highest && r.benefitValue.total > 0
      ? `Reaching ${highest.name} by month ${highest.reachedMonth} is worth ${w.money(r.benefitValue.total)} more over ${years}`
      : next && entry
        ? `You start at ${(reached.at(-1) ?? entry).name}; ${next.name} needs ${needsOf(ctx, next) || 'more volume'}`
        : `Every tier is within reach over ${years}`;
  const g = ctx.grid;
  const b = body(g);
  const tableBlock = table(
    ctx,
    header,
    rows,
    { ...b, h: b.h * 0.6 },
    {
      align: ['left', 'left', ...benefits.map(() => 'right' as const), 'right'],
      max: ctx.style.type.body - 4,
    },
  );
  const below = tableBlock.box.y + tableBlock.box.h + g.gutter;
  const worth =
    highest && r.benefitValue.total > 0
      ? `Moving up is worth ${w.money(r.benefitValue.total)} over ${years} against staying at ${entry?.name ?? 'the entry tier'}, after program fees.`
      : `With these numbers ${ctx.prospectInSentence} holds ${(highest ?? entry)?.name ?? 'the entry tier'} for ${years}: the benefits in the first row are yours from day one.`;
  const takes = next
    ? `${next.name} asks for ${needsOf(ctx, next) || 'more volume'}. Tiers reward certified people, satisfied customers and published work, not revenue alone.`
    : 'Tiers reward certified people, satisfied customers and published work, not revenue alone.';
  return {
    title: titleOf(ctx, spec, title),
    blocks: [
      tableBlock,
      ...cards(
        ctx,
        [
          { heading: `What moving up is worth over ${years}`, body: [worth] },
          { heading: next ? `What ${next.name} takes` : 'What the tiers take', body: [takes] },
        ],
        { ...b, y: below, h: b.y + b.h - below },
        { columns: 2, bar: ctx.theme.colours.secondary, max: ctx.style.type.body - 2 },
      ),
    ],
    notes: `Value every tier in ${ctx.prospectInNotes === 'the prospect' ? 'their' : `${ctx.prospectInNotes}'s`} money: the last column is the extra gross profit the tier brings, less its fee, in this case. ${r.tiers.map((t) => `${t.name}: ${t.reachedMonth === null ? `not reached within ${years}${t.unmet.length ? `, still short of ${needsOf(ctx, t)}` : ''}` : `reached ${w.tierReached(t.reachedMonth, r.assumptions.horizonMonths).prose}`}.`).join(' ')}`,
  };
}
