/**
 * The program audit: can each partner type reach each tier, and use each benefit? For every
 * type x tier, whether the type can reach it (no gate asks for a metric it cannot produce), the
 * month its default business case reaches it, and the gates that lock it out or that it does
 * not meet in time; for every type x benefit, whether it can use it and why. Findings say the
 * same in words, grouped across types, each with the change that fixes it, and a score sums up
 * the program. Tier standings come from program-standing.ts (the engine's tier rules).
 */
import { partnerTypeById, type Dataset } from '../dataset.ts';
import { horizonWords, resultWords } from '../wording.ts';
import type { Tier } from '../schema/vendor.ts';
import {
  BENEFIT_LABELS,
  BENEFITS,
  benefitAt,
  programStanding,
  type Benefit,
  type BenefitStanding,
  type GateStanding,
  type ProgramStanding,
} from './program-standing.ts';

export interface TierAudit {
  type: string;
  tier: string;
  /** No gate asks for a metric the type cannot produce. */
  reachable: boolean;
  /** Month the type's default case reaches the tier; null when not within the horizon. */
  month: number | null;
  /** The gates that lock it out: they ask for a metric it cannot produce. */
  lockedBy: AuditGate[];
  /** The gates its default case has not met by the end of the horizon. */
  unmetBy: AuditGate[];
}

/** A tier gate as the audit reports it. */
export interface AuditGate {
  metric: string;
  name: string;
  min: number;
  /** The gate in words: "$600,000 of revenue sold or influenced", "8 certified people". */
  text: string;
}

export interface BenefitAudit {
  type: string;
  benefit: Benefit;
  usable: boolean;
  reason: string;
}

export const FINDING_KINDS = ['locked-out', 'benefit-unusable', 'not-reached'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface AuditFinding {
  kind: FindingKind;
  types: string[];
  tier?: string | undefined;
  /** What is wrong, in a sentence. */
  text: string;
  /** The change that fixes it. */
  fix: string;
}

export interface ProgramAudit {
  horizonMonths: number;
  tiers: TierAudit[];
  benefits: BenefitAudit[];
  findings: AuditFinding[];
  score: {
    /** 50 x (types that can reach the top tier / types) + 50 x (average share of offered benefits a type can use), rounded. */
    value: number;
    types: number;
    topTier: string;
    canReachTop: number;
    reachTopInHorizon: number;
    /** Per type: offered benefits it can use / offered benefits. */
    benefitShare: Record<string, number>;
    offeredBenefits: Benefit[];
  };
}

/** Benefits named in the plural ("certification vouchers are ..."). */
const PLURAL_BENEFITS: ReadonlySet<Benefit> = new Set([
  'mdfRate',
  'nfrLicences',
  'trainingVouchers',
  'privateOffers',
]);

/** "Referral partner" -> "Referral partners"; "Consultancy" -> "Consultancies". */
export function pluralName(name: string): string {
  if (/[^aeiou]y$/i.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/i.test(name)) return `${name}es`;
  return `${name}s`;
}

/** "Referral partners" -> "referral partners"; "ISV / technology partners" stays as it is. */
export const lowerFirst = (s: string): string =>
  /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;

/** "a, b and c". */
export const listWords = (items: readonly string[]): string =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

const offered = (tiers: readonly Tier[], b: Benefit) =>
  tiers.some((t) => {
    const v = benefitAt(t, b);
    return v === true || (typeof v === 'number' && v > 0);
  });

/** Run the audit for every partner type. */
export function programAudit(d: Dataset): ProgramAudit {
  const words = resultWords({ currency: d.vendor.currency, locale: d.vendor.locale });
  /** A gate in words: "$600,000 of revenue sold or influenced", "8 certified people". */
  const gateWords = (g: GateStanding) =>
    g.unit === 'currency'
      ? `${words.money(g.min)} of ${g.name}`
      : g.unit === 'score'
        ? `a ${g.name} score of ${words.number(g.min)}`
        : `${words.number(g.min)} ${g.name}`;
  const gate = (g: GateStanding): AuditGate => ({
    metric: g.metric,
    name: g.name,
    min: g.min,
    text: gateWords(g),
  });
  const standings: ProgramStanding[] = d.partnerTypes.map((t) => programStanding(d, t.id));
  const name = (id: string) => partnerTypeById(d, id)?.name ?? id;
  const names = (ids: string[]) =>
    listWords(
      ids.map((id, i) => (i === 0 ? pluralName(name(id)) : lowerFirst(pluralName(name(id))))),
    );
  const tiers: TierAudit[] = standings.flatMap((s) =>
    s.tiers.map((t) => ({
      type: s.type,
      tier: t.id,
      reachable: t.lockedBy.length === 0,
      month: t.reachedMonth,
      lockedBy: t.lockedBy.map(gate),
      unmetBy: t.unmet.map(gate),
    })),
  );
  const offeredBenefits = BENEFITS.filter((b) => offered(d.vendor.tiers, b));
  const benefits: BenefitAudit[] = standings.flatMap((s) =>
    s.benefits.map((b) => ({
      type: s.type,
      benefit: b.benefit,
      usable: b.usable,
      reason: b.usable
        ? `It is ${b.why}.`
        : `It is ${b.why}; ${lowerFirst(pluralName(name(s.type)))} do not earn that way.`,
    })),
  );

  const findings: AuditFinding[] = [];
  const horizon = standings[0]?.horizonMonths ?? 36;
  d.vendor.tiers.forEach((tier, k) => {
    if (k === 0) return;
    // Structural lock-outs, grouped by the gates that lock them.
    const locked = new Map<string, { types: string[]; gates: GateStanding[] }>();
    for (const s of standings) {
      const t = s.tiers[k]!;
      if (!t.lockedBy.length) continue;
      const key = t.lockedBy.map((g) => g.metric).join('+');
      const entry = locked.get(key) ?? { types: [], gates: t.lockedBy };
      entry.types.push(s.type);
      locked.set(key, entry);
    }
    for (const { types, gates } of locked.values())
      findings.push({
        kind: 'locked-out',
        types,
        tier: tier.id,
        text: `${names(types)} cannot reach ${tier.name}: ${tier.name} requires ${listWords(gates.map(gateWords))}, which ${types.length === 1 ? 'it never produces' : 'none of them produces'}.`,
        fix: `Let them qualify for ${tier.name} through metrics they do produce: count sourced and influenced business toward it as one points total, weighted so that sourcing counts most, instead of ${listWords(gates.map((g) => g.name))} alone.`,
      });
    // Not reached in time by a type that could: grouped by the gates left unmet.
    const late = new Map<string, { types: string[]; gates: GateStanding[] }>();
    for (const s of standings) {
      const t = s.tiers[k]!;
      if (t.lockedBy.length || t.reachedMonth !== null) continue;
      const key = t.unmet.map((g) => g.metric).join('+');
      const entry = late.get(key) ?? { types: [], gates: t.unmet };
      entry.types.push(s.type);
      late.set(key, entry);
    }
    for (const { types, gates } of late.values())
      findings.push({
        kind: 'not-reached',
        types,
        tier: tier.id,
        text: `${names(types)} do not reach ${tier.name} within ${horizonWords(horizon)} at their default business case${gates.length ? `, which falls short of ${listWords(gates.map(gateWords))}` : ''}.`,
        fix: `Plan for ${listWords(gates.map((g) => g.name))} in their business case, or give them a path to ${tier.name} through what they do (sourced, influenced, delivered or managed business).`,
      });
  });
  // Tiers that give a type little: of the benefits the tiers add as they go up, it can use at
  // most half. One finding per group of types that cannot use the same ones.
  const stepping = offeredBenefits.filter((b) => {
    const first = benefitAt(d.vendor.tiers[0]!, b);
    const last = benefitAt(d.vendor.tiers.at(-1)!, b);
    return typeof last === 'boolean' ? last && !first : last > (first as number);
  });
  const byTypes = new Map<string, { types: string[]; no: BenefitStanding[]; yes: Benefit[] }>();
  for (const s of standings) {
    const no = s.benefits.filter((b) => !b.usable && stepping.includes(b.benefit));
    if (!stepping.length || no.length * 2 < stepping.length) continue;
    const key = no.map((b) => b.benefit).join('+');
    const entry = byTypes.get(key) ?? {
      types: [],
      no,
      yes: stepping.filter((b) => !no.some((x) => x.benefit === b)),
    };
    entry.types.push(s.type);
    byTypes.set(key, entry);
  }
  const label = (b: Benefit) => lowerFirst(BENEFIT_LABELS[b]);
  for (const { types, no, yes } of byTypes.values()) {
    const reasons = [...new Set(no.map((b) => b.why))].map((why) => {
      const these = no.filter((b) => b.why === why).map((b) => b.benefit);
      const plural = these.length > 1 || PLURAL_BENEFITS.has(these[0]!);
      return `the ${listWords(these.map(label))} ${plural ? 'are' : 'is'} ${why}`;
    });
    findings.push({
      kind: 'benefit-unusable',
      types,
      text: `${names(types)} get little from climbing the tiers: of the ${stepping.length} benefits that grow from ${d.vendor.tiers[0]!.name} to ${d.vendor.tiers.at(-1)!.name}, they can use ${yes.length ? `only the ${listWords(yes.map(label))}` : 'none'}; ${reasons.join('; ')}.`,
      fix: 'Give them something at each tier they can use: a higher referral fee or co-selling for partners that refer, funding for assessments and proofs of concept for partners that advise, instead of margin on resale.',
    });
  }
  findings.sort((a, b) => FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind));

  const top = d.vendor.tiers.at(-1)!;
  const topAudits = tiers.filter((t) => t.tier === top.id);
  const benefitShare = Object.fromEntries(
    standings.map((s) => [
      s.type,
      offeredBenefits.length
        ? s.benefits.filter((b) => b.usable && offeredBenefits.includes(b.benefit)).length /
          offeredBenefits.length
        : 1,
    ]),
  );
  const n = standings.length;
  const canReachTop = topAudits.filter((t) => t.reachable).length;
  const meanShare = n ? Object.values(benefitShare).reduce((a, b) => a + b, 0) / n : 0;
  return {
    horizonMonths: horizon,
    tiers,
    benefits,
    findings,
    score: {
      value: n ? Math.round(50 * (canReachTop / n) + 50 * meanShare) : 0,
      types: n,
      topTier: top.id,
      canReachTop,
      reachTopInHorizon: topAudits.filter((t) => t.month !== null).length,
      benefitShare,
      offeredBenefits,
    },
  };
}
