/**
 * Text safety at the deck model's edge. pptxgenjs escapes & < > " ' in most places but writes
 * control characters, lone surrogates and U+FFFE/U+FFFF as they come, which XML 1.0 forbids:
 * PowerPoint then refuses the file and LibreOffice opens it empty. Every string that reaches
 * the deck model (data, templates, a prospect's name typed in a form) goes through here once.
 */

/** Longest string kept (in UTF-16 units) before fitting shortens it further; bounds the work. */
export const MAX_TEXT = 10_000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Line and paragraph breaks that are not "\n": PowerPoint's own vertical tab, form feed, NEL, LS, PS.
const BREAKS = /\r\n?|[\v\f\u0085\u2028\u2029]/g;
// Forbidden or invisible-but-harmful: C0 controls (tab and newline kept), DEL, C1 controls, non-characters.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/g;

// Bidirectional embeddings, overrides and isolates: one U+202E in a prospect's name reverses every
// footer after it. Zero-width spaces, word joiners and BOMs: invisible, so a name of nothing but
// them looks empty on the slide while passing a "required" check.
const BIDI_AND_INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF\u180E]/g;
// Zero-width (non-)joiners shape emoji sequences and Persian or Indic words between two visible
// characters; anywhere else they are invisible padding.
const STRAY_JOINERS = /(^|[\s\u200C\u200D])[\u200C\u200D]+|[\u200C\u200D]+(?=[\s]|$)/gu;

// Printable ASCII on one line, no space at either end: already clean (and NFC), as most of a
// deck's strings are (ids, names, figures); one test instead of six passes.
const CLEAN_ASCII = /^[\x21-\x7E](?:[\x20-\x7E]*[\x21-\x7E])?$/;

/** A scalar's text; objects have none of their own ("[object Object]" on a slide helps no one). */
function scalarText(input: unknown): string {
  switch (typeof input) {
    case 'string':
      return input;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(input);
    default:
      return '';
  }
}

/** One clean string: valid XML 1.0 characters only, NFC, "\n" as the one line break, trimmed. */
export function sanitizeText(input: unknown, max = MAX_TEXT): string {
  let s = scalarText(input);
  if (s.length <= max && CLEAN_ASCII.test(s)) return s;
  if (s.length > max * 2) s = s.slice(0, max * 2);
  s = s
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(BREAKS, '\n')
    .replace(CONTROLS, '')
    .replace(BIDI_AND_INVISIBLE, '')
    .replace(/\t/g, ' ');
  for (let prev = ''; prev !== s;) {
    prev = s;
    s = s.replace(STRAY_JOINERS, '$1');
  }
  s = s.normalize('NFC');
  s = s
    .replace(/[ \u00A0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (s.length > max) {
    let cut = max;
    // Never split a surrogate pair.
    if (/[\uD800-\uDBFF]/.test(s[cut - 1]!)) cut--;
    s = `${s.slice(0, cut)}…`;
  }
  return s;
}

/** A one-line string (names, titles, footers): breaks become spaces. */
export const sanitizeLine = (input: unknown, max = MAX_TEXT): string =>
  sanitizeText(input, max).replace(/\s*\n\s*/g, ' ');

/**
 * For the few fields pptxgenjs writes without escaping (the company in docProps/app.xml, slide
 * master names): XML specials become look-alike typography, so the part stays well-formed.
 */
export const xmlInert = (input: string): string =>
  sanitizeLine(input, 500)
    .replace(/&/g, '+')
    .replace(/</g, '‹')
    .replace(/>/g, '›')
    .replace(/"/g, '”')
    .replace(/'/g, '’');

/**
 * Every string inside a value, cleaned; numbers, booleans and structure untouched. What is clean
 * already is returned as it is, not copied (a deck's business case is thousands of numbers, all
 * clean, and copying them was most of the cost): treat the result as read-only.
 */
export function sanitizeDeep<T>(value: T): T {
  if (typeof value === 'string') return sanitizeText(value) as T;
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const clean = sanitizeDeep(v);
      if (clean !== v) (out ??= value.slice())[i] = clean;
    }
    return (out ?? value) as T;
  }
  const record = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const k of Object.keys(record)) {
    const v = record[k];
    const clean = sanitizeDeep(v);
    if (clean !== v) (out ??= { ...record })[k] = clean;
  }
  return (out ?? value) as T;
}

const cleaned = new WeakMap<object, unknown>();

/**
 * `sanitizeDeep` of a value every deck of a build reads (the vendor, the templates), cleaned once
 * per object: the vendor's program names partner types, so cleaning it for each deck made a
 * build of N types do N² work. The result is shared: treat it as read-only.
 */
export function sanitizeShared<T extends object>(value: T): T {
  let out = cleaned.get(value) as T | undefined;
  if (out === undefined) cleaned.set(value, (out = sanitizeDeep(value)));
  return out;
}

/** Whether a string holds right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko...) before any left-to-right letter. */
export function isRtl(text: string): boolean {
  for (const ch of text) {
    if (
      /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|[\u{10800}-\u{10FFF}]|[\u{1E800}-\u{1EFFF}]/u.test(
        ch,
      )
    )
      return true;
    if (/\p{L}/u.test(ch)) return false;
  }
  return false;
}
