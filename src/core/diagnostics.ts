import type { z } from 'zod';

/** A path into a parsed document, as zod reports it. */
export type DataPath = readonly PropertyKey[];

/** A problem found in a data or content file, before it is placed at a line. */
export interface Finding {
  path: DataPath;
  message: string;
  expected?: string | undefined;
  found?: string | undefined;
  /** Point at the key itself (an unknown field) rather than its value. */
  atKey?: boolean | undefined;
  severity?: 'error' | 'warning' | undefined;
}

/** A finding placed in a file: what a marketer reads. */
export interface Diagnostic extends Finding {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
}

export const formatPath = (path: DataPath): string =>
  path.reduce<string>(
    (out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${String(p)}` : String(p)),
    '',
  );

/** `file:line:column  field  message (expected ..., found ...)` on one line, then an optional hint. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.file}:${d.line}:${d.column}`;
  const field = d.path.length ? ` field \`${formatPath(d.path)}\`:` : '';
  const detail = [
    d.expected && `expected ${d.expected}`,
    d.found !== undefined && `found ${d.found}`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${d.severity === 'warning' ? 'warning' : 'error'} ${where}${field} ${d.message}${detail ? ` (${detail})` : ''}`;
}

/** Describe a value briefly for "found ...". */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'an empty value';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return 'a group of fields';
}

export function valueAt(root: unknown, path: DataPath): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** Levenshtein distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(
        up + 1,
        prev[j - 1]! + 1,
        diag + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1),
      );
      diag = up;
    }
  }
  return prev[b.length]!;
}

export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestScore) [best, bestScore] = [c, d];
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(word.length / 3))
    ? best
    : undefined;
}

type AnySchema = z.core.$ZodType;

/** Walk a schema along a data path, unwrapping optionals, refinements, arrays and records. */
export function schemaAt(schema: AnySchema, path: DataPath): AnySchema | undefined {
  let s: AnySchema | undefined = unwrap(schema);
  for (const p of path) {
    if (!s) return undefined;
    s = objectOption(s);
    const def = s._zod.def as unknown as Record<string, unknown>;
    if (def.type === 'object') s = (def.shape as Record<string, AnySchema>)[String(p)];
    else if (def.type === 'array') s = def.element as AnySchema;
    else if (def.type === 'record') s = def.valueType as AnySchema;
    else return undefined;
    s = s && unwrap(s);
  }
  return s;
}

function unwrap(s: AnySchema): AnySchema {
  let cur = s;
  for (;;) {
    const def = cur._zod.def as unknown as Record<string, unknown>;
    if (
      ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(
        def.type as string,
      )
    )
      cur = def.innerType as AnySchema;
    else if (def.type === 'pipe') cur = def.in as AnySchema;
    else return cur;
  }
}

/** A union of text and a group of fields (a next step) read as its group, where fields are asked for. */
function objectOption(s: AnySchema): AnySchema {
  const def = s._zod.def as unknown as Record<string, unknown>;
  if (def.type !== 'union') return s;
  const options = (def.options as AnySchema[]).map(unwrap);
  return options.find((o) => (o._zod.def as { type: string }).type === 'object') ?? s;
}

export function keysOf(schema: AnySchema, path: DataPath): string[] {
  const at = schemaAt(schema, path);
  const s = at && objectOption(at);
  const def = s?._zod.def as unknown as Record<string, unknown> | undefined;
  return def?.type === 'object' ? Object.keys(def.shape as object) : [];
}

/**
 * "35 looks like a percentage: write 0.35" when a number above 1 (and at most 100) is refused
 * where a fraction between 0 and 1 goes: the commonest slip in a figure.
 */
function percentHint(issue: z.core.$ZodIssue, found: unknown): string | undefined {
  if (typeof found !== 'number' || found <= 1 || found > 100) return undefined;
  const fraction =
    (issue.code === 'too_big' && Number(issue.maximum) === 1) ||
    /between 0 and 1\b/.test(issue.message);
  if (!fraction) return undefined;
  return `${found} looks like a percentage: write ${Number((found / 100).toPrecision(12))}`;
}

/**
 * Text with `: ` in it, unquoted, is read by YAML as a field (`- Margin: the real story` is a
 * group `{ Margin: "the real story" }`): say so where text was expected.
 */
function colonHint(expected: string, found: unknown): string | undefined {
  if (expected !== 'string' || !found || typeof found !== 'object' || Array.isArray(found))
    return undefined;
  const entries = Object.entries(found as Record<string, unknown>);
  if (entries.length !== 1) return undefined;
  const [key, value] = entries[0]!;
  if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) return undefined;
  const text = `${key}:${value === null ? '' : ` ${value as string | number | boolean}`}`;
  return `\`${text}\` reads as a field because of its \`: \`; put the whole text in quotes: "${text}"`;
}

/** Turn zod's issues into findings a marketer can act on. */
export function findingsFromZod(error: z.ZodError, schema: AnySchema, input: unknown): Finding[] {
  return findingsFromIssues(error.issues, schema, input);
}

/** What zod calls a type, as a marketer reads it. */
const kindWords = (expected: string) =>
  expected === 'object' || expected === 'record'
    ? 'a group of fields'
    : expected === 'array'
      ? 'a list'
      : `a ${expected}`;

/** An option's issues that say only "not this kind of value" at the option itself. */
const wrongKind = (issues: readonly z.core.$ZodIssue[]) =>
  issues.length === 1 && issues[0]!.code === 'invalid_type' && issues[0].path.length === 0;

function findingsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  schema: AnySchema,
  input: unknown,
): Finding[] {
  const out: Finding[] = [];
  for (const issue of issues) {
    const path = issue.path;
    const found = valueAt(input, path);
    switch (issue.code) {
      case 'invalid_union': {
        // Either form is accepted (a step as text, or as { step, whenEarning }): report what is
        // wrong inside the form the value has, or, when it has neither, which forms are accepted.
        const fits = issue.errors.find((e) => !wrongKind(e));
        if (fits)
          out.push(
            ...findingsFromIssues(
              fits.map((i) => ({ ...i, path: [...path, ...i.path] })),
              schema,
              input,
            ),
          );
        else
          out.push({
            path,
            message: 'wrong kind of value',
            expected: issue.errors
              .map((e) => (e[0]?.code === 'invalid_type' ? kindWords(e[0].expected) : ''))
              .filter(Boolean)
              .join(' or '),
            found: describeValue(found),
          });
        break;
      }
      case 'unrecognized_keys': {
        const known = keysOf(schema, path);
        for (const key of issue.keys) {
          const guess = closest(key, known);
          out.push({
            path: [...path, key],
            atKey: true,
            message: `unknown field \`${key}\`${guess ? `; did you mean \`${guess}\`?` : ''}`,
            expected: known.length
              ? `one of ${known.map((k) => `\`${k}\``).join(', ')}`
              : 'no field here',
          });
        }
        break;
      }
      case 'invalid_type':
        out.push({
          path,
          message:
            found === undefined
              ? 'required field is missing'
              : (colonHint(issue.expected, found) ?? 'wrong kind of value'),
          // a record (the type's `defaults:`) is a group of fields to a marketer too
          expected: kindWords(issue.expected),
          found: describeValue(found),
        });
        break;
      case 'invalid_value':
        out.push({
          path,
          message: 'not one of the allowed values',
          expected: `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
          found: describeValue(found),
        });
        break;
      default:
        out.push({
          path,
          message: percentHint(issue, found) ?? 'value not accepted',
          expected: issue.message,
          found: describeValue(found),
        });
    }
  }
  return out;
}
