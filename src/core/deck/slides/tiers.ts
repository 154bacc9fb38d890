/** The program tiers: when the case reaches each, its benefits and what it is worth. */
import { resultWords } from '../../wording.ts';
import type { SequenceSlide, TierBenefitKey } from '../../schema/template.ts';
import { RESALE_BENEFITS } from '../../tier-benefits.ts';
import { cards, table } from '../blocks.ts';
import { body } from '../layout.ts';
import { horizonYears, joinAnd, yesNo, titleOf, type Ctx, type BuiltSlide } from '../context.ts';
import {
  earnsOn,
  gateText,
  lockedSentence,
  primaryTiers,
  streamsOf,
  tierWorth,
  usableBenefits,
  whyNot,
} from '../../tier-view.ts';
import type { TierStep } from '../../business-case/types.ts';

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
  const h = r.assumptions.horizonMonths;
  // The tiers of the type the deck is for (a mix: each type climbs on its own), and only the
  // benefits it can use (the program's rules) and its case earns on: never a discount column for
  // a distributor, a referral fee for a reseller, or for a training partner that earns no fees.
  const lane = primaryTiers(r, ctx.primary.id);
  const streams = streamsOf(r, lane.type);
  const benefits: TierBenefitKey[] = (
    spec.benefits ??
    (ctx.reselling
      ? ['discount', 'rebate', 'mdfRate', 'coSell', 'programFeeAnnual']
      : ['referralFee', 'coSell', 'nfrLicences', 'trainingVouchers', 'programFeeAnnual'])
  )
    .filter((b) => ctx.reselling || !RESALE_BENEFITS.includes(b))
    .filter((k) => k === 'programFeeAnnual' || earnsOn(k, lane.tiers[0]!, streams));
  const anyHeld = lane.tiers.some((t, k) => k > 0 && t.reachedMonth !== null);
  const rows = lane.tiers.map((step) => {
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
    const value = lane.benefitValue.byTier.find((v) => v.tier === step.id);
    return [
      step.name,
      step.reachedMonth === null && step.lockedBy.length
        ? 'Locked out'
        : w.tierReached(step.reachedMonth, h).value,
      ...benefits.map((k) => cell[k]),
      ...(anyHeld
        ? [
            step === lane.tiers[0] || step.reachedMonth === null || !value
              ? '—'
              : w.money(value.net),
          ]
        : []),
    ];
  });
  // The worth column only when a tier above the entry is held: never a column of dashes.
  const header = [
    'Tier',
    'Reached',
    ...benefits.map((k) => label[k]),
    ...(anyHeld ? ['Worth to you'] : []),
  ];
  const entry = lane.tiers[0]!;
  const reached = lane.tiers.slice(1).filter((t) => t.reachedMonth !== null);
  const highest = reached.at(-1);
  const held = highest ?? entry;
  // The next tier this type can climb to (one it is locked out of is no next step).
  const next = lane.tiers.find((t, k) => k > 0 && t.reachedMonth === null && !t.lockedBy.length);
  const total = lane.benefitValue.total;
  const needs = (t: TierStep) =>
    t.declined
      ? `a ${w.money(t.benefits.programFeeAnnual)} fee that buys nothing this case earns on`
      : joinAnd(t.unmet.map((g) => gateText(g, w))) || 'more volume';
  const climbed = Boolean(highest && total > 0);
  const worth = tierWorth(r, w, lane);
  // Staying at the entry tier is the plan when the next tier raises nothing the case earns money
  // on (only licences, vouchers or co-selling, or a fee that buys nothing), or when there is no
  // tier this type can climb to.
  const stayIsRight = !climbed && (!worth.next || !worth.next.pays);
  const title = climbed
    ? `Reaching ${highest!.name} by month ${highest!.reachedMonth} is worth ${w.money(total)} more over ${years}`
    : next && stayIsRight
      ? `${held.name} is the right tier for you: ${next.name} adds nothing this case earns money on`
      : next
        ? `You stay at ${held.name} over ${years}; ${next.name} needs ${needs(next)}`
        : `${held.name} is the tier for this case over ${years}`;
  const g = ctx.grid;
  const b = body(g);
  const tiersTake =
    'Tiers reward certified people, satisfied customers and published work, not revenue alone.';
  const sentence = (items: string[]) => {
    const text = joinAnd(items);
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const notesWhy = lane.tiers
    .map(
      (t) =>
        `${t.name}: ${t.reachedMonth === null ? whyNot(t, lane.name, held.name, w) || 'not reached in the horizon.' : `reached ${w.tierReached(t.reachedMonth, h).prose}.`}`,
    )
    .join(' ');
  const whose = ctx.prospectInNotes === 'the prospect' ? 'their' : `${ctx.prospectInNotes}'s`;

  if (!climbed) {
    // No tier above the entry is held: no table of tiers out of reach and no column worth $0.
    // Say what the entry tier gives, what the next one would add and take, and what is locked.
    const items = [
      {
        heading: `What ${held.name} gives you`,
        body: [sentence(usableBenefits(held, streams, w))],
      },
      ...(worth.next
        ? [
            {
              heading: worth.next.pays
                ? `What ${worth.next.name} would add, and take`
                : `Why not ${worth.next.name}`,
              body: [`${worth.next.gives} ${worth.next.takes}`],
            },
          ]
        : []),
      {
        heading: worth.locked
          ? `Why not ${joinAnd(lane.tiers.filter((t) => t.lockedBy.length).map((t) => t.name))}`
          : 'What the tiers take',
        body: [worth.locked || tiersTake],
      },
    ];
    return {
      title: titleOf(ctx, spec, title),
      blocks: cards(
        ctx,
        items,
        { ...b, h: b.h * 0.75 },
        { columns: items.length, bar: ctx.theme.colours.secondary, max: ctx.style.type.body },
      ),
      notes: `${stayIsRight ? `Staying at ${held.name} is the right call for this case, and worth saying before ${ctx.prospectInNotes} asks.` : `Show what ${next?.name ?? 'the next tier'} would add and what it takes; the case stays at ${held.name}.`} ${notesWhy}`,
    };
  }

  const tableBlock = table(
    ctx,
    header,
    rows,
    { ...b, h: b.h * 0.6 },
    {
      align: [
        'left',
        'left',
        ...benefits.map(() => 'right' as const),
        ...(anyHeld ? ['right' as const] : []),
      ],
      max: ctx.style.type.body - 4,
    },
  );
  const below = tableBlock.box.y + tableBlock.box.h + g.gutter;
  // Held a tier: what moving up is worth, and what the next one takes.
  const cardsShown = [
    {
      heading: `What moving up is worth over ${years}`,
      body: [
        `Moving up is worth ${w.money(total)} over ${years} against staying at ${entry.name}, after program fees.`,
      ],
    },
    next || !lockedSentence(lane)
      ? {
          heading: next ? `What ${next.name} takes` : 'What the tiers take',
          body: [`${next ? whyNot(next, lane.name, held.name, w) : ''} ${tiersTake}`.trim()],
        }
      : {
          heading: `Why not ${joinAnd(lane.tiers.filter((t) => t.reachedMonth === null).map((t) => t.name))}`,
          body: [lockedSentence(lane)],
        },
  ];
  return {
    title: titleOf(ctx, spec, title),
    blocks: [
      tableBlock,
      ...cards(
        ctx,
        cardsShown,
        { ...b, y: below, h: b.y + b.h - below },
        { columns: 2, bar: ctx.theme.colours.secondary, max: ctx.style.type.body - 2 },
      ),
    ],
    notes: `Value every tier in ${whose} money: the last column is the extra gross profit the tier brings, less its fee, in this case. ${notesWhy}`,
  };
}
