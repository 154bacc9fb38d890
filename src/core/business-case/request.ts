/**
 * Reading and checking a case request from text: `--mix msp=0.6,reseller=0.4` and
 * `--set key=value` on the command line, and (through url-state.ts) a link's parameters. A
 * value is read and checked by the same functions either way (`parseNumber`, `readOverride`,
 * `parseMix`, `requestProblems`), so a link and a command give the same case.
 */
import { closest } from '../diagnostics.ts';
import { partnerTypeById, type Dataset } from '../dataset.ts';
import {
  ASSUMPTION_KEYS,
  ASSUMPTIONS,
  assumptionProblem,
  isAssumptionKey,
  type AssumptionKey,
  type AssumptionSpec,
  type Assumptions,
} from '../assumption-registry.ts';
import type { PartnerType } from '../schema/partner-type.ts';
import type { CaseRequest, MixPart } from './types.ts';

export interface RequestProblem {
  field: 'type' | 'mix' | 'vertical' | 'segment' | 'product' | 'set';
  /** The id or key the problem is about, as written. */
  id?: string;
  message: string;
}

/** Thrown by the engine when a request names things that do not exist or values out of range. */
export class CaseRequestError extends Error {
  readonly problems: RequestProblem[];
  constructor(problems: RequestProblem[]) {
    super(problems.map((p) => p.message).join('\n'));
    this.name = 'CaseRequestError';
    this.problems = problems;
  }
}

/** "12", "0.25", "25_000", "1e6" or "10%" (= 0.1); undefined if it is not a number. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  if (!/^[+-]?(?:\d[\d_]*(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?%?$/i.test(t)) return undefined;
  const percent = t.endsWith('%');
  const n = Number(t.replace(/[_%]/g, ''));
  if (!Number.isFinite(n)) return undefined;
  return percent ? n / 100 : n;
}

const rangeText = (key: AssumptionKey) => {
  const s: AssumptionSpec = ASSUMPTIONS[key];
  return `${s.min} to ${s.max}${s.integer ? ', whole numbers' : ''}`;
};

/** Check one override; the message names the key and the allowed range. */
export function overrideProblem(key: string, value: number): RequestProblem | undefined {
  if (!isAssumptionKey(key)) {
    const guess = closest(key, ASSUMPTION_KEYS);
    return {
      field: 'set',
      id: key,
      message: `unknown assumption \`${key}\`${guess ? `; did you mean \`${guess}\`?` : ''} (run with --help for the list)`,
    };
  }
  const problem = assumptionProblem(key, value);
  return problem ? { field: 'set', id: key, message: problem } : undefined;
}

/**
 * One assumption from the text of its value, as a link or a `--set` entry carries it ("30000",
 * "85%", "1_000"): the number, or a problem naming the key and what is allowed.
 */
export function readOverride(
  key: string,
  raw: string,
): { key: AssumptionKey; value: number } | { problem: RequestProblem } {
  if (!isAssumptionKey(key)) return { problem: overrideProblem(key, 0)! };
  const value = parseNumber(raw);
  if (value === undefined)
    return {
      problem: {
        field: 'set',
        id: key,
        message: /^\s*[\d.]+(?:,\d+)+/.test(raw)
          ? `${key} is one number: write thousands as 1000 or 1_000, not ${JSON.stringify(raw.trim())}`
          : `${key} needs a number (got ${JSON.stringify(raw)}); allowed: ${rangeText(key)}`,
      },
    };
  const problem = overrideProblem(key, value);
  return problem ? { problem } : { key, value };
}

/**
 * Parse the command line's `key=value` entries (several may share one string, separated by
 * commas): `["dealValue=30000", "renewalRate=85%,hires=1"]`. Links do not come through here:
 * each URL parameter is one value (`readCaseUrl` in url-state.ts).
 */
export function parseOverrides(entries: readonly string[]): {
  overrides: Partial<Assumptions>;
  problems: RequestProblem[];
} {
  const overrides: Partial<Assumptions> = {};
  const problems: RequestProblem[] = [];
  for (const entry of entries.flatMap((e) => e.split(','))) {
    if (!entry.trim()) continue;
    const eq = entry.indexOf('=');
    if (eq < 0 && /^\d+$/.test(entry.trim())) {
      // `dealValue=1,000` splits into `dealValue=1` and `000`: say so rather than take 1.
      problems.push({
        field: 'set',
        id: entry.trim(),
        message: `commas separate settings; write thousands as 1000 or 1_000, not 1,000 (near ${JSON.stringify(entry.trim())})`,
      });
      continue;
    }
    const read = readOverride(
      (eq < 0 ? entry : entry.slice(0, eq)).trim(),
      eq < 0 ? '' : entry.slice(eq + 1),
    );
    if ('problem' in read) problems.push(read.problem);
    else overrides[read.key] = read.value;
  }
  return { overrides, problems };
}

/** Parse `msp=0.6,reseller=0.4` (weights may be percentages; a lone type needs no weight). Weights are normalised. */
export function parseMix(text: string): { mix: MixPart[]; problems: RequestProblem[] } {
  const problems: RequestProblem[] = [];
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const mix: MixPart[] = [];
  for (const part of parts) {
    const eq = part.indexOf('=');
    const type = (eq < 0 ? part : part.slice(0, eq)).trim();
    const weight = eq < 0 ? (parts.length === 1 ? 1 : undefined) : parseNumber(part.slice(eq + 1));
    if (!type)
      problems.push({ field: 'mix', message: `"${part}" needs a partner type before "="` });
    else if (weight === undefined || weight <= 0)
      problems.push({
        field: 'mix',
        id: type,
        message: `the weight of \`${type}\` must be a number above 0, as in ${type}=0.6 (got ${JSON.stringify(eq < 0 ? '' : part.slice(eq + 1))})`,
      });
    else if (mix.some((m) => m.type === type))
      problems.push({ field: 'mix', id: type, message: `\`${type}\` appears twice in the mix` });
    else mix.push({ type, weight });
  }
  if (!parts.length)
    problems.push({
      field: 'mix',
      message: 'the mix is empty: write it as type=weight,type=weight (e.g. msp=0.6,reseller=0.4)',
    });
  // Weights stay as typed: the engine scales them and says so when they do not add up to 1.
  return { mix, problems };
}

/**
 * Weights scaled to add up to 1. Scaled by the largest first, so weights as large as a double
 * allows (1e308 and 1e308) still give 0.5 and 0.5 rather than overflowing to nothing.
 */
export function normaliseWeights(mix: readonly MixPart[]): MixPart[] {
  const largest = mix.reduce((s, m) => Math.max(s, m.weight), 0);
  const scaled = mix.map((m) => m.weight / largest);
  const total = scaled.reduce((s, w) => s + w, 0);
  return mix.map((m, i) => ({ type: m.type, weight: scaled[i]! / total }));
}

/**
 * What a reader is told when the weights they gave do not add up to 1 (`share`, the CLI's and a
 * link's syntax) or to 100 (`percent`, the mix builder's shares): what they add up to and the
 * weights the case uses. Undefined when they add up.
 */
export function weightNotice(
  mix: readonly MixPart[],
  unit: 'share' | 'percent',
  locale = 'en-US',
  name: (type: string) => string = (type) => type,
): string | undefined {
  if (mix.length < 2) return undefined;
  const whole = unit === 'percent' ? 100 : 1;
  const total = mix.reduce((s, m) => s + m.weight, 0);
  if (Number.isFinite(total) && Math.abs(total - whole) <= 1e-9 * whole) return undefined;
  // Weights as typed, readable however large: 60, 0.25, 1e+308.
  const num = (n: number) =>
    !Number.isFinite(n)
      ? 'more than a number can hold'
      : Math.abs(n) >= 1e9
        ? String(Number(n.toPrecision(6)))
        : new Intl.NumberFormat(locale, { maximumSignificantDigits: 6 }).format(n);
  const pct = (n: number) =>
    new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(n);
  const scaled = normaliseWeights(mix);
  const given =
    unit === 'percent'
      ? `The shares given add up to ${num(total)}%, not 100%`
      : `The weights given (${mix.map((m) => num(m.weight)).join(', ')}) add up to ${num(total)}, not 1`;
  return `${given}; the case scales them to ${scaled.map((m) => `${pct(m.weight)} ${name(m.type)}`).join(', ')}.`;
}

/** `managed-service-provider=0.6,reseller=0.4`: the inverse of parseMix. */
export const formatMix = (mix: readonly MixPart[]): string =>
  mix.map((m) => `${m.type}=${+m.weight.toFixed(4)}`).join(',');

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const initials = (id: string) =>
  id
    .split('-')
    .map((w) => w[0])
    .join('');

/**
 * Find a partner type by id, alias ("MSP", "Value-added distributor (VAD)" answers to "vad"),
 * or the initials of its id ("msp" for managed-service-provider). Ambiguous short names do not match.
 */
export function findPartnerType(dataset: Dataset, ref: string): PartnerType | undefined {
  const exact = partnerTypeById(dataset, ref);
  if (exact) return exact;
  const want = slug(ref);
  if (!want) return undefined;
  const byName = (t: PartnerType) => {
    const names = [t.name, ...t.aliases];
    return names.some(
      (n) => slug(n) === want || [...n.matchAll(/\(([^)]+)\)/g)].some((m) => slug(m[1]!) === want),
    );
  };
  for (const test of [
    (t: PartnerType) => t.id === want,
    byName,
    (t: PartnerType) => initials(t.id) === want,
  ]) {
    const hits = dataset.partnerTypes.filter(test);
    if (hits.length === 1) return hits[0];
    if (hits.length > 1) return undefined;
  }
  return undefined;
}

const unknown = (
  field: RequestProblem['field'],
  what: string,
  id: string,
  known: readonly string[],
): RequestProblem => {
  const guess = closest(id, known);
  return {
    field,
    id,
    message: `unknown ${what} \`${id}\`${guess ? `; did you mean \`${guess}\`?` : ''} (known: ${known.join(', ')})`,
  };
};

/**
 * Every problem with a request against a dataset: unknown ids (with a "did you mean"),
 * weights that are not positive numbers, overrides that are unknown or out of range.
 */
export function requestProblems(dataset: Dataset, request: CaseRequest): RequestProblem[] {
  const problems: RequestProblem[] = [];
  if (!request.mix.length)
    problems.push({ field: 'mix', message: 'name at least one partner type' });
  for (const m of request.mix) {
    if (!findPartnerType(dataset, m.type))
      problems.push(
        unknown(
          'type',
          'partner type',
          m.type,
          dataset.partnerTypes.map((t) => t.id),
        ),
      );
    if (!Number.isFinite(m.weight) || m.weight <= 0)
      problems.push({
        field: 'mix',
        id: m.type,
        message: `the weight of \`${m.type}\` must be a number above 0 (got ${m.weight})`,
      });
  }
  if (request.vertical !== undefined && !dataset.verticals.some((v) => v.id === request.vertical))
    problems.push(
      unknown(
        'vertical',
        'vertical',
        request.vertical,
        dataset.verticals.map((v) => v.id),
      ),
    );
  if (request.segment !== undefined && !dataset.segments.some((s) => s.id === request.segment))
    problems.push(
      unknown(
        'segment',
        'segment',
        request.segment,
        dataset.segments.map((s) => s.id),
      ),
    );
  if (
    request.product !== undefined &&
    !dataset.vendor.products.some((p) => p.id === request.product)
  )
    problems.push(
      unknown(
        'product',
        'product',
        request.product,
        dataset.vendor.products.map((p) => p.id),
      ),
    );
  for (const [key, value] of Object.entries(request.overrides ?? {})) {
    if (value === undefined) continue;
    const p = overrideProblem(key, value);
    if (p) problems.push(p);
  }
  return problems;
}

/** URL state: `?mix=…&vertical=…&segment=…&product=…&dealValue=30000…` (one parameter per override). */
export function requestToSearchParams(request: CaseRequest): URLSearchParams {
  const params = new URLSearchParams();
  const [only] = request.mix;
  if (request.mix.length === 1 && only) params.set('type', only.type);
  else params.set('mix', formatMix(request.mix));
  if (request.vertical) params.set('vertical', request.vertical);
  if (request.segment) params.set('segment', request.segment);
  if (request.product) params.set('product', request.product);
  for (const key of ASSUMPTION_KEYS) {
    const v = request.overrides?.[key];
    if (v !== undefined) params.set(key, String(v));
  }
  return params;
}
