/**
 * A business case as a query string, and back: the calculator's, the mix builder's and the deck
 * form's link. Pure (no DOM); the syntax and every check are the engine's request parser
 * (`business-case/request.ts`), so a link, a typed value and a CLI flag are judged alike:
 *
 *   ?type=reseller                                  one partner type
 *   ?mix=managed-service-provider=0.6,reseller=0.4  a weighted mix (weights are normalised)
 *   &vertical=healthcare&segment=smb&product=x      pickers (ids)
 *   &dealValue=20000&renewalRate=0.85               overridden assumptions, in registry units
 *
 * Reading never fails: each bad part is dropped and reported as a problem, so a hostile or stale
 * link yields the defaults plus messages (to be shown with textContent), never bad state. The
 * calculator and the deck form both read links with `readCaseUrl` and both show its problems.
 */
import type { Dataset } from './dataset.ts';
import {
  findPartnerType,
  parseMix,
  readOverride,
  requestProblems,
  requestToSearchParams,
  type RequestProblem,
} from './business-case/request.ts';
import type { CaseRequest, MixPart } from './business-case/types.ts';
import { ASSUMPTION_KEYS, isAssumptionKey, type AssumptionKey } from './assumption-registry.ts';

/** What the checks read: ids and aliases. A slimmed dataset with these fields is enough. */
export interface IdSource {
  partnerTypes: Pick<Dataset['partnerTypes'][number], 'id' | 'name' | 'aliases'>[];
  verticals: { id: string }[];
  segments: { id: string }[];
  vendor: { products: { id: string }[] };
}

/** The ids a link is checked against, and nothing else: what a page embeds for the deck form. */
export const caseIds = (dataset: IdSource): IdSource => ({
  partnerTypes: dataset.partnerTypes.map(({ id, name, aliases }) => ({ id, name, aliases })),
  verticals: dataset.verticals.map(({ id }) => ({ id })),
  segments: dataset.segments.map(({ id }) => ({ id })),
  vendor: { products: dataset.vendor.products.map(({ id }) => ({ id })) },
});

export interface UrlProblem {
  /** The query parameter at fault: `type`, `mix`, `vertical`, `segment`, `product` or an assumption key. */
  param: string;
  /** Set when the parameter is an assumption, so the form can show the message beside its field. */
  field?: AssumptionKey;
  message: string;
}

export interface ReadOptions {
  /** The page's own type (a type's calculator has it in the path): `type`/`mix` in the link are ignored. */
  fixedType?: string;
  /** Used when the link names no usable mix (the mix builder's starting point). */
  defaultMix?: readonly MixPart[];
}

/** Longest message we pass on: the engine quotes what it was given, and a link can be long. */
const MAX_MESSAGE = 240;
const clip = (s: string) => (s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE - 1)}…` : s);

function toUrlProblem(p: RequestProblem): UrlProblem {
  if (p.field === 'set' && p.id !== undefined && isAssumptionKey(p.id))
    return { param: p.id, field: p.id, message: clip(p.message) };
  return { param: p.field === 'set' ? (p.id ?? 'set') : p.field, message: clip(p.message) };
}

/**
 * The one reader of a case link, for the calculator and the deck form alike. Each parameter is
 * read as the one value it is (never turned back into command-line `key=value` text and split
 * on commas, where "1,000" would become 1): `type` an id, `mix` a list of type=weight, each
 * assumption a single number. What fails its check is left out and reported.
 */
export function readCaseUrl(
  input: string | URLSearchParams,
  ids: IdSource,
  options: ReadOptions = {},
): { request: CaseRequest; problems: UrlProblem[] } {
  const params = new URLSearchParams(input);
  const problems: RequestProblem[] = [];
  const one = (name: string): string | undefined => {
    const all = params.getAll(name);
    if (all.length > 1)
      problems.push({
        ...(isAssumptionKey(name)
          ? { field: 'set' as const, id: name }
          : { field: name as RequestProblem['field'] }),
        message: `${name} is in the link ${all.length} times; give it once`,
      });
    return all.length === 1 ? all[0] : undefined;
  };

  let mix: MixPart[] = [];
  if (options.fixedType !== undefined) mix = [{ type: options.fixedType, weight: 1 }];
  else {
    const mixText = one('mix');
    const type = one('type');
    if (mixText !== undefined) {
      const parsed = parseMix(mixText);
      mix = parsed.mix;
      problems.push(...parsed.problems);
    } else if (type) mix = [{ type, weight: 1 }];
    else if (options.defaultMix) mix = options.defaultMix.map((m) => ({ ...m }));
    else if (!params.has('mix') && !params.has('type'))
      problems.push({ field: 'type', message: 'name a partner type (type=…) or a mix (mix=…)' });
  }

  const overrides: CaseRequest['overrides'] = {};
  for (const key of ASSUMPTION_KEYS) {
    if (!params.has(key)) continue;
    const raw = one(key);
    if (raw === undefined) continue;
    const read = readOverride(key, raw);
    if ('problem' in read) problems.push(read.problem);
    else overrides[read.key] = read.value;
  }
  const request: CaseRequest = { mix, overrides };
  for (const field of ['vertical', 'segment', 'product'] as const) {
    const value = one(field);
    if (value) request[field] = value;
  }
  problems.push(...requestProblems(ids as Dataset, request));

  const bad = (field: RequestProblem['field']) => problems.some((p) => p.field === field);
  if (bad('mix') || bad('type') || !request.mix.length)
    request.mix = canonicalMix(options.defaultMix ?? []);
  else
    request.mix = canonicalMix(
      request.mix.map((m) => ({
        type: findPartnerType(ids as Dataset, m.type)?.id ?? m.type,
        weight: m.weight,
      })),
    );
  for (const field of ['vertical', 'segment', 'product'] as const)
    if (bad(field)) delete request[field];
  for (const p of problems)
    if (p.field === 'set' && p.id !== undefined && isAssumptionKey(p.id))
      delete request.overrides?.[p.id];

  // De-duplicate: the parser and the dataset check may both object to one value.
  const seen = new Set<string>();
  const out = problems
    .map(toUrlProblem)
    .filter((p) => (seen.has(p.param + p.message) ? false : (seen.add(p.param + p.message), true)));
  return { request: cleanRequest(request), problems: out };
}

/** Steps a weight is written in: 1/10000, and the written weights always add up to exactly 10000 steps. */
const WEIGHT_STEPS = 10_000;

/**
 * The mix as a link writes it and reads it back: weights normalised and rounded to 4 decimals
 * that add up to exactly 1 (the rounding error goes to the largest). The calculator computes
 * with it, so a reloaded link gives back the same weights and the same numbers.
 */
export function canonicalMix(mix: readonly MixPart[]): MixPart[] {
  const total = mix.reduce(
    (s, m) => s + (Number.isFinite(m.weight) && m.weight > 0 ? m.weight : 0),
    0,
  );
  if (!(total > 0)) return mix.map((m) => ({ ...m }));
  const steps = mix.map((m) => Math.max(1, Math.round((m.weight / total) * WEIGHT_STEPS)));
  const largest = steps.indexOf(Math.max(...steps));
  steps[largest]! += WEIGHT_STEPS - steps.reduce((s, n) => s + n, 0);
  return mix.map((m, i) => ({ type: m.type, weight: steps[i]! / WEIGHT_STEPS }));
}

export interface WriteOptions {
  /** Leave `type`/`mix` out: the page's path carries the type. */
  mixInPath?: boolean;
}

/** "?type=reseller&dealValue=20000", or "" when there is nothing to say. Parameters in a stable order. */
export function caseSearch(request: CaseRequest, options: WriteOptions = {}): string {
  const clean = cleanRequest(request);
  const params = requestToSearchParams({ ...clean, mix: canonicalMix(clean.mix) });
  if (options.mixInPath) {
    params.delete('type');
    params.delete('mix');
  }
  // ":", "," and "=" inside a value are legal in a query; unescaped they keep shared links readable.
  const text = params
    .toString()
    .replaceAll('%2C', ',')
    .replaceAll('%3D', '=')
    .replaceAll('%3A', ':');
  return text ? `?${text}` : '';
}

/** The request without empty pickers or non-finite overrides: what a link and an event carry. */
export function cleanRequest(request: CaseRequest): CaseRequest {
  const overrides: Partial<Record<AssumptionKey, number>> = {};
  for (const [k, v] of Object.entries(request.overrides ?? {}))
    if (isAssumptionKey(k) && typeof v === 'number' && Number.isFinite(v)) overrides[k] = v;
  const out: CaseRequest = {
    mix: request.mix.map((m) => ({ type: m.type, weight: m.weight })),
    overrides,
  };
  if (request.vertical) out.vertical = request.vertical;
  if (request.segment) out.segment = request.segment;
  if (request.product) out.product = request.product;
  return out;
}
