/**
 * What the calculator's tier cards, the CLI and the decks' tier slide say about the program's
 * tiers in a case, in one place:
 * - each card lists only the benefits this partner type can use and earns on (a referral
 *   partner sees referral-fee steps, co-selling, NFR licences, vouchers and the fee; never a
 *   discount, a rebate or MDF);
 * - a tier not reached says why: the gates it still needs (and what the case has), the gate
 *   that locks this type out, or that its fee buys nothing the case earns on;
 * - the tiers' worth is a table only when some tier is worth something; otherwise one sentence
 *   says what the next tier would give and what it takes.
 */
import type { CaseResult, LaneTiers, TierStep } from './business-case/types.ts';
import type { GateStanding } from './business-case/program.ts';
import type { StreamKind } from './stream-kinds.ts';
import { wholePeople, type ResultWords } from './wording.ts';
import type { BenefitKey } from './program-keys.ts';

/** A reader's name for a partner type in a sentence ("a referral partner", "an ISV"). */
const aType = (name: string) => {
  const lower = /^[A-Z]{2}/.test(name) ? name : name.charAt(0).toLowerCase() + name.slice(1);
  return `${/^[aeiouAEIOU]/.test(lower) || /^(ISV|MSP|SI)\b/.test(lower) ? 'an' : 'a'} ${lower}`;
};

const joinAnd = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** "$150,000 of transacted revenue", "3 certified people", "a customer-satisfaction score of 80". */
export function gateText(g: Pick<GateStanding, 'unit' | 'min' | 'name'>, f: ResultWords): string {
  const name = g.name.charAt(0).toLowerCase() + g.name.slice(1);
  if (g.unit === 'currency') return `${f.money(g.min)} of ${name} a year`;
  if (g.unit === 'score') return `a ${name} score of ${f.number(g.min, 0)}`;
  return `${f.number(g.min, 1)} ${name}`;
}

/** What the case has of a gate's metric by the end ("this case has 1"). */
const haveText = (g: GateStanding, f: ResultWords) =>
  g.unit === 'currency'
    ? f.money(g.valueAtEnd)
    : // Whole people and deals: a fractional hire is not a certified person yet (2.3 reads as 2).
      f.number(Number.isInteger(g.min) ? wholePeople(g.valueAtEnd) : g.valueAtEnd, 1);

/**
 * The lane whose tiers a single view shows: the named type's (a deck's lead type), else the
 * heaviest type of a mix.
 */
export const primaryTiers = (r: CaseResult, type?: string): LaneTiers =>
  r.laneTiers.find((l) => l.type === type) ??
  r.laneTiers.reduce((best, l) => (l.weight > best.weight ? l : best), r.laneTiers[0]!);

/** The streams a lane's case earns (a single case: the case's). */
export const streamsOf = (r: CaseResult, type: string): readonly StreamKind[] =>
  r.lanes.find((l) => l.type === type)?.streams ?? r.streams;

/**
 * Whether a case credits a benefit: the type can use it (the program's rule) and, for a benefit
 * that pays on a stream, the case earns that stream. A training partner may use referral fees
 * under the program, but a case that earns no referral fees shows no referral-fee column.
 */
export function earnsOn(key: BenefitKey, t: TierStep, streams: readonly StreamKind[]): boolean {
  if (!t.usable[key]) return false;
  switch (key) {
    case 'discount':
      return streams.includes('resale');
    case 'rebate':
      return streams.includes('rebate');
    case 'mdfRate':
      return streams.includes('mdf');
    case 'referralFee':
      return streams.includes('referral');
    case 'privateOffers':
      return streams.includes('marketplace') && streams.includes('resale');
    default:
      return true;
  }
}

/** The benefits of a tier this type can use and earns on, in words. */
export function usableBenefits(
  t: TierStep,
  streams: readonly StreamKind[],
  f: ResultWords,
): string[] {
  const b = t.benefits;
  const on = (k: BenefitKey) => earnsOn(k, t, streams);
  const out: string[] = [];
  if (on('discount')) out.push(`${f.percent(b.discount)} discount`);
  if (on('rebate') && b.rebate > 0) out.push(`${f.percent(b.rebate)} rebate`);
  if (on('mdfRate') && b.mdfRate > 0) out.push(`${f.percent(b.mdfRate)} MDF`);
  if (on('referralFee') && b.referralFee > 0)
    out.push(
      `${f.percent(b.referralFee)} referral fee${b.referralFeeCap > 0 ? ` (up to ${f.money(b.referralFeeCap)} a referral)` : ''}`,
    );
  if (on('privateOffers') && b.privateOffers)
    out.push(
      `marketplace private offers${b.marketplaceFeeRebate > 0 ? ` (${f.percent(b.marketplaceFeeRebate)} of the fee back)` : ''}`,
    );
  if (on('coSell') && b.coSell) out.push('co-selling with the account teams');
  if (on('nfrLicences') && b.nfrLicences > 0) out.push(f.count(b.nfrLicences, 'NFR licence'));
  if (on('trainingVouchers') && b.trainingVouchers > 0)
    out.push(`${f.count(b.trainingVouchers, 'exam voucher')} a year`);
  out.push(
    b.programFeeAnnual > 0 ? `${f.money(b.programFeeAnnual)} a year program fee` : 'no program fee',
  );
  return out;
}

/** Why a tier is not held at the end of the case, in a sentence; '' when it is. */
export function whyNot(t: TierStep, typeName: string, held: string, f: ResultWords): string {
  if (t.reachedMonth !== null) return '';
  if (t.lockedBy.length)
    return `Locked out: it needs ${joinAnd(t.lockedBy.map((g) => gateText(g, f)))}, which ${aType(typeName)} does not produce.`;
  if (t.declined && t.eligibleMonth !== null)
    return `Within reach from ${f.month(t.eligibleMonth)}, but its ${f.money(t.benefits.programFeeAnnual)} a year fee buys nothing this case earns on, so the case stays at ${held}.`;
  // A tier that pays this type nothing is no goal: its gates are not worth planning for.
  if (!t.pays)
    return `Not worth joining: ${t.benefits.programFeeAnnual > 0 ? `its ${f.money(t.benefits.programFeeAnnual)} a year fee buys` : 'it adds'} nothing this case earns on, so the case does not aim for it.`;
  if (t.unmet.length)
    return `Needs ${joinAnd(t.unmet.map((g) => `${gateText(g, f)} (this case has ${haveText(g, f)})`))}.`;
  return '';
}

export interface TierItem {
  name: string;
  when: string;
  /** The benefits this type can use, in words. */
  benefits: string[];
  /** Why it is not reached ('' when it is). */
  detail: string;
  reached: boolean;
}

export function tierItems(r: CaseResult, f: ResultWords, lane = primaryTiers(r)): TierItem[] {
  const horizon = r.monthly.length - 1;
  const streams = streamsOf(r, lane.type);
  const held = [...lane.tiers].reverse().find((t) => t.reachedMonth !== null)?.name ?? '';
  return lane.tiers.map((t, i) => ({
    name: t.name,
    when:
      t.reachedMonth === null && t.lockedBy.length
        ? 'Locked out'
        : f.tierReached(i === 0 ? 0 : t.reachedMonth, horizon).value,
    benefits: usableBenefits(t, streams, f),
    detail: whyNot(t, lane.name, held, f),
    reached: t.reachedMonth !== null,
  }));
}

/**
 * What climbing from one tier to another adds, in "from ... to ..." words: `pays` the steps in
 * benefits the case puts money on, `helps` the rest (co-selling, licences, vouchers).
 */
function gains(from: TierStep, to: TierStep, streams: readonly StreamKind[], f: ResultWords) {
  const a = from.benefits;
  const b = to.benefits;
  const pays: string[] = [];
  const helps: string[] = [];
  const on = (k: BenefitKey) => earnsOn(k, to, streams);
  const step = (
    into: string[],
    label: string,
    x: number,
    y: number,
    show: (v: number) => string,
  ) => {
    if (y > x) into.push(`${label} from ${show(x)} to ${show(y)}`);
  };
  if (on('discount')) step(pays, 'the discount', a.discount, b.discount, f.percent);
  if (on('rebate')) step(pays, 'the rebate', a.rebate, b.rebate, f.percent);
  if (on('mdfRate')) step(pays, 'MDF', a.mdfRate, b.mdfRate, f.percent);
  if (on('referralFee')) {
    step(pays, 'the referral fee', a.referralFee, b.referralFee, f.percent);
    step(pays, 'its cap', a.referralFeeCap, b.referralFeeCap, f.money);
  }
  if (on('privateOffers') && b.privateOffers && !a.privateOffers)
    pays.push('marketplace private offers');
  if (on('coSell') && b.coSell && !a.coSell) helps.push('co-selling with the account teams');
  if (on('nfrLicences'))
    step(helps, 'NFR licences', a.nfrLicences, b.nfrLicences, (v) => f.number(v, 0));
  if (on('trainingVouchers'))
    step(helps, 'exam vouchers', a.trainingVouchers, b.trainingVouchers, (v) => f.number(v, 0));
  return { pays, helps };
}

export interface TierWorth {
  /** "Tier benefits are worth $X over the case, against staying at Registered." or what the next tier would give. */
  sentence: string;
  /** Rows (tier, extra gross profit, extra fees, net): empty when no tier above the entry is held. */
  rows: string[][];
  total: string;
  /** Where no tier above the entry is held: what the next tier would give and what it takes. */
  next?:
    | {
        name: string;
        gives: string;
        takes: string;
        /** Whether it raises anything the case earns money on (false: only licences, vouchers or co-selling). */
        pays: boolean;
      }
    | undefined;
  /** The tiers this type is locked out of, and why ('' when none). */
  locked: string;
}

/** "Gold and Platinum need transacted revenue, which a referral partner does not produce." ('' when none is locked). */
export function lockedSentence(lane: LaneTiers): string {
  const locked = lane.tiers.filter((t) => t.reachedMonth === null && t.lockedBy.length);
  return locked.length
    ? `${joinAnd(locked.map((t) => t.name))} ${locked.length > 1 ? 'need' : 'needs'} ${joinAnd([...new Set(locked.flatMap((t) => t.lockedBy.map((g) => g.name.toLowerCase())))])}, which ${aType(lane.name)} does not produce.`
    : '';
}

/** What the tiers are worth in this case, or what the next tier would give and what it takes. */
export function tierWorth(r: CaseResult, f: ResultWords, lane = primaryTiers(r)): TierWorth {
  const v = lane.benefitValue;
  const entry = lane.tiers[0]!;
  // In a mix each type climbs the tiers on its own: say whose tiers these are.
  const whose = r.laneTiers.length > 1 ? `For the ${lane.name.toLowerCase()} part: ` : '';
  const rows = v.byTier
    .filter((t, k) => k > 0 && (t.extraGrossProfit !== 0 || t.extraProgramFees !== 0))
    .map((t) => [t.name, f.money(t.extraGrossProfit), f.money(t.extraProgramFees), f.money(t.net)]);
  const reached = lane.tiers.filter((t, k) => k > 0 && t.reachedMonth !== null);
  const held = reached.at(-1) ?? entry;
  if (rows.length && reached.length)
    return {
      sentence:
        `${whose}tier benefits are worth ${f.money(v.total)} over the case, against staying at ${entry.name}.`.replace(
          /^t/,
          'T',
        ),
      rows,
      total: f.money(v.total),
      locked: '',
    };
  const streams = streamsOf(r, lane.type);
  const next = lane.tiers.find((t, k) => k > 0 && t.reachedMonth === null && !t.lockedBy.length);
  const parts = [`${whose}this case stays at ${held.name}.`.replace(/^t/, 'T')];
  let nextStep: TierWorth['next'];
  if (next) {
    const add = gains(held, next, streams, f);
    const fee = next.benefits.programFeeAnnual - held.benefits.programFeeAnnual;
    const needs = next.declined
      ? `it is within reach${next.eligibleMonth !== null ? ` from ${f.month(next.eligibleMonth)}` : ''}, and the case does not join it`
      : `it takes ${joinAnd(next.unmet.map((g) => `${gateText(g, f)} (this case has ${haveText(g, f)})`))}`;
    const all = [...add.pays, ...add.helps];
    const gives = add.pays.length
      ? `${next.name} would raise ${joinAnd(all)}`
      : `${next.name} would ${all.length ? `raise only ${joinAnd(all)}` : 'add no benefit this case earns on'}${fee > 0 ? `, for a ${f.money(fee)} a year fee` : ''}${all.length ? ': nothing this case earns money on' : ''}`;
    parts.push(`${gives}; ${needs}.`);
    nextStep = {
      name: next.name,
      gives: `${gives}.`,
      takes: `${needs.charAt(0).toUpperCase()}${needs.slice(1)}.`,
      pays: add.pays.length > 0,
    };
  }
  const lockedText = lockedSentence(lane);
  if (lockedText) parts.push(lockedText);
  return {
    sentence: parts.join(' '),
    rows: [],
    total: f.money(v.total),
    next: nextStep,
    locked: lockedText,
  };
}
