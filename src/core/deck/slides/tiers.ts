/** The program tiers: when the case reaches each, its benefits and what it is worth. */
import { formatMoney, formatMoneyCompact, formatPercent } from '../../format.ts';
import { resultWords } from '../../wording.ts';
import type { SequenceSlide, TierBenefitKey } from '../../schema/template.ts';
import { MARGIN, BODY_Y, BODY_H, BODY_W, BODY_BOTTOM } from '../layout.ts';
import { text, table } from '../blocks.ts';
import { plural, yesNo, titleOf, type Ctx, type BuiltSlide } from '../context.ts';

const REQUIREMENT_TEXT: Record<string, (ctx: Ctx, v: number) => string> = {
  annualRevenue: (ctx, v) => `${formatMoney(v, ctx.money)} of sales a year`,
  certifiedStaff: (_, v) => plural(v, 'certified person', 'certified people'),
  referralsOrInfluencedDeals: (_, v) => plural(v, 'deal') + ' a year',
  publishedContent: (_, v) => plural(v, 'published case study', 'published case studies'),
};

/** One sentence on what the tiers are worth, or what the next tier still needs. */
function tierSummary(ctx: Ctx): string {
  const r = ctx.result;
  const entry = r.tiers[0]?.name ?? 'the entry tier';
  const reached = r.tiers.slice(1).filter((t) => t.reachedMonth !== null);
  if (reached.length && r.benefitValue.total > 0) {
    return `Moving up the tiers is worth ${formatMoney(r.benefitValue.total, ctx.money)} over ${ctx.years} years against staying at ${entry}, after program fees. Tiers ask for certified people, satisfied customers and published work, not revenue alone.`;
  }
  const next = r.tiers.find((t) => t.reachedMonth === null);
  if (!next)
    return `Tiers ask for certified people, satisfied customers and published work, not revenue alone.`;
  const needs = next.unmet.map((k) => REQUIREMENT_TEXT[k]?.(ctx, next.requirements[k]) ?? k);
  return `With these numbers ${ctx.prospect.company} holds ${reached.at(-1)?.name ?? entry} for the ${ctx.years} years; ${next.name} needs ${needs.length ? needs.join(', ') : 'more volume'}. Tiers ask for certified people, satisfied customers and published work, not revenue alone.`;
}

export function tiersSlide(ctx: Ctx, spec: SequenceSlide): BuiltSlide {
  const benefits: TierBenefitKey[] =
    spec.benefits ??
    (ctx.primary.transacts
      ? ['discount', 'rebate', 'mdfRate', 'coSell', 'programFeeAnnual']
      : ['referralFee', 'coSell', 'nfrLicences', 'trainingVouchers', 'programFeeAnnual']);
  const label: Record<TierBenefitKey, string> = {
    discount: 'Discount',
    rebate: 'Rebate',
    mdfRate: 'MDF',
    referralFee: 'Referral fee',
    coSell: 'Co-sell',
    nfrLicences: 'NFR licences',
    trainingVouchers: 'Exam vouchers',
    privateOffers: 'Marketplace offers',
    programFeeAnnual: 'Program fee a year',
  };
  const h = ctx.result.assumptions.horizonMonths;
  const rows = ctx.result.tiers.map((step) => {
    const tier = ctx.vendor.tiers.find((t) => t.id === step.id);
    const b = step.benefits;
    const cell: Record<TierBenefitKey, string> = {
      discount: formatPercent(b.discount),
      rebate: formatPercent(b.rebate),
      mdfRate: formatPercent(b.mdfRate),
      referralFee: `${formatPercent(b.referralFee)}${b.referralFeeCap ? ` (cap ${formatMoneyCompact(b.referralFeeCap, ctx.money)})` : ''}`,
      coSell: yesNo(tier?.benefits.coSell ?? false),
      nfrLicences: String(tier?.benefits.nfrLicences ?? 0),
      trainingVouchers: String(tier?.benefits.trainingVouchers ?? 0),
      privateOffers: yesNo(b.privateOffers),
      programFeeAnnual: b.programFeeAnnual ? formatMoney(b.programFeeAnnual, ctx.money) : 'None',
    };
    const value = ctx.result.benefitValue.byTier.find((v) => v.tier === step.id);
    return [
      step.name,
      resultWords(ctx.money).tierReached(step.reachedMonth, h).value,
      ...benefits.map((k) => cell[k]),
      value ? formatMoney(value.net, ctx.money) : '—',
    ];
  });
  const header = [
    'Tier',
    'Reached',
    ...benefits.map((k) => label[k]),
    `Worth to you over ${ctx.years} years`,
  ];
  return {
    title: titleOf(ctx, spec, 'What you get, tier by tier'),
    blocks: [
      table(ctx, header, rows, { x: MARGIN, y: BODY_Y, w: BODY_W, h: BODY_H - 0.9 }, [
        1.6,
        1.6,
        ...benefits.map(() => 1.3),
        2,
      ]),
      text(
        ctx,
        [tierSummary(ctx)],
        { x: MARGIN, y: BODY_BOTTOM - 0.8, w: BODY_W, h: 0.8 },
        { max: 15, min: 9, color: ctx.theme.colours.muted },
      ),
    ],
    notes: `Value every tier in ${ctx.prospect.company}'s money: the last column is the extra gross profit the tier brings, less its fee, in this case. ${ctx.result.tiers.map((t) => `${t.name}: ${t.reachedMonth === null ? 'not reached in the horizon' : `reached ${resultWords(ctx.money).tierReached(t.reachedMonth, h).prose}`}${t.unmet.length ? ` (still short on ${t.unmet.join(', ')})` : ''}.`).join(' ')}`,
  };
}
