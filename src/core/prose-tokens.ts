/**
 * Prose bound to the case. A sentence in a partner type's YAML (an objection's answer, a note)
 * or in MDX that states what the business case assumes takes the value from the case through a
 * token, so it cannot drift from the numbers beside it:
 *
 *   The case includes {assumption.hires} of an engineer on the rota, at {assumption.hireCostAnnual} a year.
 *
 * Tokens (in braces; MDX uses <CaseValue of="..." /> with the same names):
 *   assumption.<key>      an input of the case, in its unit ("$110,000", "15%", "0.75")
 *   figure.<name>         a key figure, as the calculator shows it (npv, irrAnnual, roi, grossProfit,
 *                         recurringShare, breakEvenCustomers); paybackMonth in prose ("in month 14")
 *   grossProfit.<stream>  gross profit from a stream over the horizon ("$262,000")
 *   revenue.<stream>      revenue from a stream over the horizon
 *   share.<stream>        a stream's gross profit as a share of the product's list value sold ("7%")
 *   cost.<item>           a cost over the horizon
 *   tier.<id>.<benefit>   a tier's benefit (discount, rebate, mdfRate, referralFee, referralFeeCap,
 *                         programFeeAnnual, nfrLicences, trainingVouchers), its `name`, or
 *                         `reached` ("in month 8", "not within three years")
 *   horizon               the case's horizon ("three years")
 *   plan.tier             the tier the type's plan aims for (`businessCase.targetTier`), by name
 *   plan.certifiedPeople  the certified people the case plans: those it certifies and its hires,
 *                         who certify as they ramp (what the tiers' certified-people gates count)
 * `partnerkit validate` reports an unknown token at its file, line and field, with a
 * did-you-mean. Pages bind a type's prose to its default case; a deck binds it to its own case.
 */
import { ASSUMPTION_KEYS, ASSUMPTIONS, isAssumptionKey } from './assumption-registry.ts';
import { COST_ITEMS, type CaseResult, type CostItem } from './business-case/types.ts';
import { closest, type DataPath, type Finding } from './diagnostics.ts';
import { formatter, keyFigures } from './result-display.ts';
import type { PartnerType } from './schema/partner-type.ts';
import type { Dataset } from './dataset.ts';
import { defaultCase } from './business-case/run-case.ts';
import type { Tier } from './schema/vendor.ts';
import { FIGURES, FIGURE_NAMES, isFigureName } from './stories/figures.ts';
import { isStreamKind, STREAM_KINDS } from './stream-kinds.ts';
import { horizonWords, resultWords, wholePeople } from './wording.ts';

/** A token in prose: `{assumption.hires}`. */
export const TOKEN = /\{([A-Za-z][\w.-]*)\}/g;

const TIER_FIELDS = [
  'name',
  'reached',
  'discount',
  'rebate',
  'mdfRate',
  'referralFee',
  'referralFeeCap',
  'programFeeAnnual',
  'nfrLicences',
  'trainingVouchers',
  'marketplaceFeeRebate',
] as const;
type TierField = (typeof TIER_FIELDS)[number];
type BenefitField = Exclude<TierField, 'name' | 'reached'>;
/** A tier's benefit as a number: most are fields of `benefits`, the marketplace fee rebate is nested. */
const benefitAmount = (tier: Tier, field: BenefitField): number =>
  field === 'marketplaceFeeRebate' ? tier.benefits.marketplace.feeRebate : tier.benefits[field];
const isCost = (s: string): s is CostItem => (COST_ITEMS as readonly string[]).includes(s);

/** Every token a file may use, for "did you mean". */
export function tokenNames(tierIds: readonly string[]): string[] {
  return [
    ...ASSUMPTION_KEYS.map((k) => `assumption.${k}`),
    ...FIGURE_NAMES.map((n) => `figure.${n}`),
    ...STREAM_KINDS.flatMap((s) => [`grossProfit.${s}`, `revenue.${s}`, `share.${s}`]),
    ...COST_ITEMS.map((c) => `cost.${c}`),
    ...tierIds.flatMap((id) => TIER_FIELDS.map((f) => `tier.${id}.${f}`)),
    'horizon',
    'plan.tier',
    'plan.certifiedPeople',
  ];
}

/**
 * Why a token name is not one, with a did-you-mean; undefined when it is. Without the tier ids
 * (a check that cannot see vendor.yaml) any tier id is accepted and only its field is checked.
 */
export function tokenProblem(
  name: string,
  tierIds: readonly string[] | undefined,
): string | undefined {
  const [head, a, b, ...rest] = name.split('.');
  const ok =
    rest.length === 0 &&
    ((head === 'horizon' && a === undefined) ||
      (head === 'plan' && (a === 'tier' || a === 'certifiedPeople') && b === undefined) ||
      (head === 'assumption' && b === undefined && a !== undefined && isAssumptionKey(a)) ||
      (head === 'figure' && b === undefined && a !== undefined && isFigureName(a)) ||
      (['grossProfit', 'revenue', 'share'].includes(head ?? '') &&
        b === undefined &&
        a !== undefined &&
        isStreamKind(a)) ||
      (head === 'cost' && b === undefined && a !== undefined && isCost(a)) ||
      (head === 'tier' &&
        a !== undefined &&
        (tierIds === undefined || tierIds.includes(a)) &&
        b !== undefined &&
        (TIER_FIELDS as readonly string[]).includes(b)));
  if (ok) return undefined;
  const guess = closest(name, tokenNames(tierIds ?? []));
  return `unknown token \`{${name}}\`${guess ? `; did you mean \`{${guess}}\`?` : ''}`;
}

export interface ProseContext {
  result: CaseResult;
  tiers: readonly Tier[];
  /** The partner type whose prose this is: in a mix, its own tiers (each type climbs alone). */
  type?: string | undefined;
  /** The tier its plan aims for (`businessCase.targetTier`); without one, the entry tier. */
  targetTier?: string | undefined;
}

/**
 * People certified by the end of the case: those it certifies, and its hires, who certify as they
 * ramp, counted in whole people as the tier slide counts them ("this case has 3"): a quarter of
 * an engineer's time bought in is not one more certified person.
 */
const certifiedPeople = (r: CaseResult): number =>
  wholePeople(r.assumptions.certifications + r.assumptions.hires);

/** The tier a plan aims for: its target, else the entry tier. */
const planTier = (ctx: ProseContext): Tier | undefined =>
  ctx.tiers.find((t) => t.id === ctx.targetTier) ?? ctx.tiers[0];

/** The text a token stands for in this case. */
export function tokenValue(name: string, ctx: ProseContext): string {
  const r = ctx.result;
  const w = resultWords({ currency: r.currency, locale: r.locale });
  const [head, a = '', b = ''] = name.split('.');
  if (head === 'horizon') return horizonWords(r.assumptions.horizonMonths);
  if (head === 'plan' && a === 'tier') return planTier(ctx)?.name ?? '';
  if (head === 'plan' && a === 'certifiedPeople') return w.number(certifiedPeople(r), 2);
  if (head === 'assumption' && isAssumptionKey(a)) {
    const unit = ASSUMPTIONS[a].unit;
    return unit === 'count' ? w.number(r.assumptions[a], 2) : w.assumption(unit, r.assumptions[a]);
  }
  if (head === 'figure' && isFigureName(a)) {
    if (a === 'paybackMonth')
      return w.payback(r.summary.paybackMonth, r.assumptions.horizonMonths).prose;
    const view = FIGURES[a].view;
    return keyFigures(r, formatter({ currency: r.currency, locale: r.locale })).find(
      (f) => f.id === view,
    )!.value;
  }
  if ((head === 'grossProfit' || head === 'revenue' || head === 'share') && isStreamKind(a)) {
    if (head === 'grossProfit') return w.money(r.summary.grossProfitByStream[a]);
    if (head === 'revenue') return w.money(r.summary.revenueByStream[a]);
    return r.summary.bookings > 0
      ? w.percent(r.summary.grossProfitByStream[a] / r.summary.bookings)
      : w.percent(0);
  }
  if (head === 'cost' && isCost(a)) return w.money(r.summary.costsByItem[a]);
  if (head === 'tier') {
    const tier = ctx.tiers.find((t) => t.id === a);
    if (tier) {
      const field = b as TierField;
      switch (field) {
        case 'name':
          return tier.name;
        case 'reached': {
          const lane = r.laneTiers.find((l) => l.type === ctx.type);
          const step = (lane?.tiers ?? r.tiers).find((t) => t.id === a);
          return w.tierReached(step?.reachedMonth ?? null, r.assumptions.horizonMonths).prose;
        }
        case 'referralFeeCap':
        case 'programFeeAnnual':
          return w.money(benefitAmount(tier, field));
        case 'nfrLicences':
        case 'trainingVouchers':
          return w.number(benefitAmount(tier, field), 0);
        default:
          return w.percent(benefitAmount(tier, field));
      }
    }
  }
  return `{${name}}`;
}

/**
 * Whether a token states nothing to act on in this case: an amount of zero (no one to certify,
 * no vouchers), or the plan's tier when it is the entry tier (joining is all the plan asks).
 */
export const tokenStatesNothing = (name: string, ctx: ProseContext): boolean =>
  name === 'plan.tier' ? planTier(ctx) === ctx.tiers[0] : tokenAmount(name, ctx) === 0;

/**
 * The number a token states in this case (an input, a cost, a tier's benefit), or undefined for
 * one that states words (a tier's name, when it is reached, the horizon, a key figure).
 */
export function tokenAmount(name: string, ctx: ProseContext): number | undefined {
  const r = ctx.result;
  const [head, a = '', b = ''] = name.split('.');
  if (head === 'plan' && a === 'certifiedPeople') return certifiedPeople(r);
  if (head === 'assumption' && isAssumptionKey(a)) return r.assumptions[a];
  if (head === 'cost' && isCost(a)) return r.summary.costsByItem[a];
  if ((head === 'grossProfit' || head === 'revenue') && isStreamKind(a))
    return head === 'grossProfit' ? r.summary.grossProfitByStream[a] : r.summary.revenueByStream[a];
  if (head === 'tier') {
    const tier = ctx.tiers.find((t) => t.id === a);
    const field = b as TierField;
    if (!tier || field === 'name' || field === 'reached') return undefined;
    return benefitAmount(tier, field);
  }
  return undefined;
}

/** A text with every token replaced by its value in this case. */
export const bindProse = (text: string, ctx: ProseContext): string =>
  text.replace(TOKEN, (_, name: string) => tokenValue(name, ctx));

/** Every string in a value, bound (the structure and everything else kept). */
function bindDeep<T>(value: T, ctx: ProseContext): T {
  if (typeof value === 'string') return bindProse(value, ctx) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => bindDeep(v, ctx)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bindDeep(v, ctx)])) as T;
  return value;
}

/** A partner type with its prose bound to a case (ids and numbers untouched: tokens live in prose only). */
export const bindType = (type: PartnerType, ctx: ProseContext): PartnerType =>
  bindDeep(type, { ...ctx, type: type.id, targetTier: type.businessCase.targetTier });

/** Every unknown token in a partner type's prose, placed at its field. */
export function tokenFindings(
  value: unknown,
  /** The vendor's tier ids; undefined when vendor.yaml itself failed (its errors come first). */
  tierIds: readonly string[] | undefined,
  path: DataPath = [],
): Finding[] {
  if (typeof value === 'string')
    return [...value.matchAll(TOKEN)].flatMap((m) => {
      const problem = tokenProblem(m[1]!, tierIds);
      return problem
        ? [
            {
              path,
              message: problem,
              expected:
                'a token such as {assumption.hires}, {figure.paybackMonth} or {grossProfit.resale}',
              found: JSON.stringify(m[0]),
            },
          ]
        : [];
    });
  if (Array.isArray(value)) return value.flatMap((v, i) => tokenFindings(v, tierIds, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => tokenFindings(v, tierIds, [...path, k]));
  return [];
}

const hasToken = (t: PartnerType) => /\{[A-Za-z][\w.-]*\}/.test(JSON.stringify(t));

/**
 * A partner type as pages show it: its prose bound to its default case (the case its
 * business-case page opens with, `defaultCase`), or the type as it is when its prose holds no
 * token. Pass `known` when the caller has run that case already (a ready deck has: its case is the
 * type's default); its key figures are all the tokens read.
 */
export function boundType(dataset: Dataset, type: PartnerType, known?: CaseResult): PartnerType {
  if (!hasToken(type)) return type;
  return bindType(type, {
    result: known ?? defaultCase(dataset, type.id),
    tiers: dataset.vendor.tiers,
  });
}

/**
 * The dataset as pages show it: each partner type bound by `boundType`. Types without tokens are
 * kept as they are, so a kit of thousands of types runs no case it does not need.
 */
export function bindDefaultProse(dataset: Dataset): Dataset {
  if (!dataset.partnerTypes.some(hasToken)) return dataset;
  return { ...dataset, partnerTypes: dataset.partnerTypes.map((t) => boundType(dataset, t)) };
}
