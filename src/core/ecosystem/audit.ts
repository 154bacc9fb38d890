/**
 * The program audit: can each partner type reach each tier, and use each benefit? For every
 * type x tier, whether the type can reach it (no gate asks for a metric it cannot produce), the
 * month its default business case reaches it, and the gates that lock it out or that it does
 * not meet in time; for every type x benefit, whether it can use it and why. Findings say the
 * same in words, grouped across types, each with the change that fixes it, and a score sums up
 * the program. Tier standings come from program-standing.ts (the engine's tier rules).
 */
import { partnerTypeById, type Dataset } from '../dataset.ts';
import type { Finding } from '../diagnostics.ts';
import { horizonWords, resultWords } from '../wording.ts';
import type { Tier } from '../schema/vendor.ts';
import type { Source } from '../schema/common.ts';
import type { CreditWeights } from '../schema/plays.ts';
import { typeMetrics, type TypeMetrics } from './type-metrics.ts';
import {
  BENEFIT_LABELS,
  BENEFITS,
  benefitAt,
  programStanding,
  type Benefit,
  type GateWhy,
  type TypeBenefitUse,
  type TypeProgramStanding,
} from './program-standing.ts';

export interface TierAudit {
  type: string;
  tier: string;
  /** No gate asks for a metric the type cannot produce. */
  reachable: boolean;
  /** Month the type's default case reaches the tier; null when not within the horizon. */
  month: number | null;
  /** Month every gate is met; null when not within the horizon. */
  eligibleMonth: number | null;
  /** It qualifies but its case does not join: the tier's fee buys nothing it earns on. */
  declined: boolean;
  /**
   * The tier raises a rate the type's case earns on (the engine's rule, simulate.ts). false: it
   * pays the type nothing, so it is not worth joining whether or not the type could reach it.
   */
  pays: boolean;
  /** The gates that lock it out: they ask for a metric it cannot produce. */
  lockedBy: AuditGate[];
  /** The gates its default case has not met by the end of the horizon. */
  unmetBy: AuditGate[];
}

/**
 * How a type stands at a tier, in one word: the /program/ table's cell and the CLI's. A tier that
 * pays the type nothing is `declined` (not worth joining) whatever its reach: locked out, short
 * of its gates or qualified, it is nothing to plan for.
 */
export type ReachState = 'locked' | 'declined' | 'late' | 'reached';
export const reachState = (c: Pick<TierAudit, 'pays' | 'reachable' | 'month'>): ReachState =>
  !c.pays ? 'declined' : !c.reachable ? 'locked' : c.month === null ? 'late' : 'reached';

/** A tier gate as the audit reports it. */
export interface AuditGate {
  metric: string;
  /** The gate in words: "$600,000 of revenue sold or influenced a year", "8 certified people". */
  text: string;
  /** Why it holds the type back. */
  why: string;
}

export interface BenefitAudit {
  type: string;
  benefit: Benefit;
  usable: boolean;
  /** Why, for this type: the benefit's rule and, when it cannot use it, that it cannot. */
  reason: string;
  /** The benefit's rule alone, the same for every type (for a legend under a table). */
  why: string;
}

export const FINDING_KINDS = [
  'locked-out',
  'benefit-unusable',
  'not-worth-joining',
  'not-reached',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface AuditFinding {
  kind: FindingKind;
  types: string[];
  tier?: string | undefined;
  /** What is wrong, in a sentence. */
  text: string;
  /** The change that fixes it. */
  fix: string;
  /** Sources the fix rests on (the credit weights it suggests). */
  sources: Source[];
}

export interface ProgramAudit {
  horizonMonths: number;
  /** What each type moves besides revenue, with its default case's figures (metrics beyond revenue). */
  metrics: TypeMetrics[];
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

/** "5 : 3 : 1 points per $100 of sourced, influenced and managed business". */
function weightWords(w: CreditWeights, number: (n: number) => string, per: string): string {
  const parts = (['sourced', 'influenced', 'managed', 'delivered', 'transacted'] as const).flatMap(
    (k) => (w[k] ? [{ k, v: w[k].value }] : []),
  );
  return `${parts.map((p) => number(p.v)).join(' : ')} points per ${per} of ${listWords(parts.map((p) => p.k))} business`;
}

/** Where a type stands in the program (program-standing.ts; tests may pass their own). */
export type StandingOf = (d: Dataset, typeId: string) => TypeProgramStanding;

/** Run the audit for every partner type. */
export function programAudit(d: Dataset, standingOf: StandingOf = programStanding): ProgramAudit {
  const words = resultWords({ currency: d.vendor.currency, locale: d.vendor.locale });
  const gate = (g: GateWhy): AuditGate => ({ metric: g.metric, text: g.gate, why: g.why });
  const gateList = (gs: readonly GateWhy[]) => listWords(gs.map((g) => g.gate));
  const standings = d.partnerTypes.map((t) => standingOf(d, t.id));
  const name = (id: string) => partnerTypeById(d, id)?.name ?? id;
  const names = (ids: string[]) =>
    listWords(
      ids.map((id, i) => (i === 0 ? pluralName(name(id)) : lowerFirst(pluralName(name(id))))),
    );
  const tiers: TierAudit[] = standings.flatMap((s) =>
    s.tiers.map((t) => ({
      type: s.type,
      tier: t.tier,
      reachable: t.reachable,
      month: t.reachedMonth,
      eligibleMonth: t.eligibleMonth,
      declined: t.declined,
      pays: t.pays,
      lockedBy: t.lockedBy.map(gate),
      unmetBy: t.short.map(gate),
    })),
  );
  const offeredBenefits = BENEFITS.filter((b) => offered(d.vendor.tiers, b));
  const benefits: BenefitAudit[] = standings.flatMap((s) =>
    s.benefits.map((b) => ({
      type: s.type,
      benefit: b.benefit,
      usable: b.usable,
      why: b.why,
      reason: b.usable
        ? b.why
        : `${b.why} ${pluralName(s.name)} cannot use ${PLURAL_BENEFITS.has(b.benefit) ? 'them' : 'it'}.`,
    })),
  );

  // The fix for tiers a type cannot climb on what it does: a points total over its credits,
  // weighted as the plays file's credit weights (the research's 5 : 3 : 1), cited.
  const weights = d.plays?.creditWeights;
  const weightSources = weights
    ? [
        ...new Set(
          Object.values(weights).flatMap((f) => (f && 'source' in f && f.source ? [f.source] : [])),
        ),
      ].flatMap((id) => d.plays!.sources.find((x) => x.id === id) ?? [])
    : [];
  const by = weightSources.length
    ? `, as the ${listWords(weightSources.map((x) => x.title.split(':')[0]!))} does`
    : '';
  /** "let them qualify for Gold through what they do: ..." */
  const pathClause = (tierName: string, instead: readonly GateWhy[]) =>
    `let them qualify for ${tierName} through what they do: count the business they source, influence and manage toward it as one points total, ${
      weights
        ? `weighted ${weightWords(weights, (n) => words.number(n, 1), words.money(100))}${by}`
        : 'with sourcing weighted most'
    }${instead.length ? `, instead of ${gateList(instead)} alone` : ''}.`;
  /** A gate on business brought (revenue, deals), which credit for sourcing and influencing can replace. */
  const isBusiness = (g: GateWhy) => /revenue|deal|booking/.test(g.metric);
  const capital = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);

  const findings: AuditFinding[] = [];
  const horizon = standings[0]?.horizonMonths ?? 36;
  d.vendor.tiers.forEach((tier, k) => {
    if (k === 0) return;
    // Structural lock-outs, grouped by the gates that lock them.
    const locked = new Map<string, { types: string[]; gates: GateWhy[] }>();
    for (const s of standings) {
      const t = s.tiers[k]!;
      if (!t.lockedBy.length || !t.pays) continue;
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
        text: `${names(types)} cannot reach ${tier.name}: ${tier.name} requires ${gateList(gates)}, which ${types.length === 1 ? 'it never produces' : 'none of them produces'}.`,
        fix: capital(pathClause(tier.name, gates)),
        sources: weightSources,
      });
    // Not reached in time by a type that could: grouped by the gates left unmet.
    const late = new Map<string, { types: string[]; gates: GateWhy[] }>();
    for (const s of standings) {
      const t = s.tiers[k]!;
      if (t.lockedBy.length || t.reachedMonth !== null || t.declined || !t.pays) continue;
      const key = t.short.map((g) => g.metric).join('+');
      const entry = late.get(key) ?? { types: [], gates: t.short };
      entry.types.push(s.type);
      late.set(key, entry);
    }
    for (const { types, gates } of late.values()) {
      // Only a fix that offers the points path rests on the credit weights' source.
      const viaPoints = gates.some(isBusiness);
      findings.push({
        kind: 'not-reached',
        types,
        tier: tier.id,
        text: `${names(types)} do not reach ${tier.name} within ${horizonWords(horizon)} at their default business case${gates.length ? `, which falls short of ${gateList(gates)}` : ''}.`,
        fix: viaPoints
          ? `Either plan for ${gateList(gates)} in their business case, or ${pathClause(tier.name, [])}`
          : `Plan for ${gates.length ? gateList(gates) : `${tier.name}'s gates`} in their business case: it is what keeps them out, not the business they bring.`,
        sources: viaPoints ? weightSources : [],
      });
    }
    // Not worth joining: the tier raises nothing the type's case earns on, whatever its reach.
    // Grouped by how far the types get: qualified, locked out (by the same gates), or short.
    const fee = tier.benefits.programFeeAnnual;
    const buys = fee > 0 ? `its ${words.money(fee)} a year buys` : 'it adds';
    const unpaid = new Map<string, { types: string[]; qualified: boolean; gates: GateWhy[] }>();
    for (const s of standings) {
      const t = s.tiers[k]!;
      if (t.pays) continue;
      const qualified = !t.lockedBy.length && t.eligibleMonth !== null;
      const key = qualified ? 'qualified' : t.lockedBy.map((g) => g.metric).join('+');
      const entry = unpaid.get(key) ?? { types: [], qualified, gates: t.lockedBy };
      entry.types.push(s.type);
      unpaid.set(key, entry);
    }
    for (const { types, qualified, gates } of unpaid.values()) {
      const them = types.length === 1 ? 'it never produces' : 'none of them produces';
      findings.push({
        kind: 'not-worth-joining',
        types,
        tier: tier.id,
        text: qualified
          ? `${names(types)} qualify for ${tier.name} but gain nothing from joining it: ${buys} nothing their business case earns on${fee > 0 ? ', so their case stays at the tier below' : ''}.`
          : gates.length
            ? `${names(types)} would gain nothing from ${tier.name}: ${buys} nothing their business case earns on, and it requires ${gateList(gates)}, which ${them}.`
            : `${names(types)} would gain nothing from ${tier.name}: ${buys} nothing their business case earns on, so it is not worth planning for.`,
        fix: gates.length
          ? `Give ${tier.name} something their business case earns on before opening its gates to them: a way to qualify changes nothing for them while it pays them nothing.`
          : `Give ${tier.name} something their business case earns on${fee > 0 ? ', or waive its fee for them' : ''}; until then, their plan should not aim for it.`,
        sources: [],
      });
    }
  });
  // Tiers that give a type little: of the benefits the tiers add as they go up, it can use at
  // most half. One finding per group of types that cannot use the same ones.
  const stepping = offeredBenefits.filter((b) => {
    const first = benefitAt(d.vendor.tiers[0]!, b);
    const last = benefitAt(d.vendor.tiers.at(-1)!, b);
    return typeof last === 'boolean' ? last && !first : last > (first as number);
  });
  const byTypes = new Map<string, { types: string[]; no: TypeBenefitUse[]; yes: Benefit[] }>();
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
    const why = [...new Set(no.map((b) => b.why))].join(' ');
    findings.push({
      kind: 'benefit-unusable',
      types,
      text: `${names(types)} get little from climbing the tiers: of the ${stepping.length} benefits that grow from ${d.vendor.tiers[0]!.name} to ${d.vendor.tiers.at(-1)!.name}, they can use ${yes.length ? `only the ${listWords(yes.map(label))}` : 'none'}, not the ${listWords(no.map((b) => label(b.benefit)))}. ${why}`,
      // The fix names what these types can use, never a benefit the program says they cannot.
      fix: yes.length
        ? `Make each tier raise what they can use (the ${listWords(yes.map(label))}), or add a benefit their own business earns on, rather than more of the ${listWords(no.map((b) => label(b.benefit)))}, which pay them nothing.`
        : `Add at each tier a benefit their own business earns on: more of the ${listWords(no.map((b) => label(b.benefit)))} pays them nothing.`,
      sources: [],
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
    metrics: d.partnerTypes.map((t) => typeMetrics(d, t.id)),
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

/**
 * Routes that lead a product with a type the program's tiers lock out of every tier above the
 * entry tier: it could lead every deal and never earn status for one. Validate warns at the
 * route's line; the program audit explains the gates.
 */
export function routeLockOuts(d: Dataset, standingOf: StandingOf = programStanding): Finding[] {
  if (!d.routes || d.vendor.tiers.length < 2) return [];
  const standings = new Map<string, ReturnType<StandingOf>>();
  const out: Finding[] = [];
  d.routes.routes.forEach((route, i) =>
    route.lead.forEach((entry, j) => {
      const type = partnerTypeById(d, entry.type);
      if (!type) return;
      const s = standings.get(type.id) ?? standingOf(d, type.id);
      standings.set(type.id, s);
      const above = s.tiers.slice(1);
      if (!above.every((t) => !t.reachable)) return;
      const first = above[0]!;
      out.push({
        path: ['routes', i, 'lead', j, 'type'],
        severity: 'warning',
        message: `\`${entry.type}\` leads \`${route.product}\`, but the program's tiers lock ${lowerFirst(pluralName(type.name))} out of every tier above ${d.vendor.tiers[0]!.name}: ${first.name} requires ${listWords(first.lockedBy.map((g) => g.gate))}, which ${lowerFirst(pluralName(type.name))} do not produce; they would lead its deals and never earn status for them`,
        expected: `another type to lead \`${route.product}\`, or a tier gate ${lowerFirst(pluralName(type.name))} can meet (sourced or influenced business; see the program audit)`,
      });
    }),
  );
  return out;
}
