// Node-only: validate the frontmatter of marketers' Markdown/MDX with the core schemas.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { closest, findingsFromZod, type Diagnostic, type Finding } from '../core/diagnostics.ts';
import {
  GuideFrontmatter,
  Id,
  PlaybookFrontmatter,
  StoryFrontmatter,
} from '../core/schema/index.ts';
import { isStale } from '../core/stories/messages.ts';
import { checkContentBody } from './content-rules.ts';
import { projectSettings } from './project-settings.ts';
import { readSourceText, sourceFilesIn } from './source-files.ts';
import { parseYaml, place } from './yaml-source.ts';

/**
 * Ids content may refer to, taken from whatever data loaded, so content is checked even when
 * data is broken. An id list is undefined when its file did not load: that file has its own
 * message, and content naming its ids is not reported again.
 */
export interface ContentContext {
  typeIds: string[];
  verticalIds?: string[] | undefined;
  segmentIds?: string[] | undefined;
  /** The vendor's tier ids, for `<CaseValue of="tier.<id>...">`; undefined when vendor.yaml did not load. */
  tierIds?: string[] | undefined;
  /** Each type's other names (its name and aliases), for "did you mean" on `msp`. */
  typeNames?: { id: string; names: string[] }[] | undefined;
}

/** A content folder, its frontmatter schema, and the cross-references to check. */
interface ContentCollection<S extends z.ZodType = z.ZodType> {
  dir: string;
  /** One file of the folder, for messages ("two files are the same story"). */
  what: string;
  schema: S;
  references: (fm: z.infer<S>, ctx: ContentContext, file: string) => Finding[];
  /** Frontmatter fields holding ids of data, with the ids they may take (for did-you-mean on bad ids). */
  idFields?: (ctx: ContentContext) => Record<string, { what: string; ids: string[] | undefined }>;
  /** Source ids the body may cite with <Cite source="..."> (none unless the frontmatter lists sources). */
  sourceIds?: (fm: z.infer<S>) => string[];
}

/** Options for content checks; `today` is injectable so tests of date checks are stable. */
export interface ContentOptions {
  today?: Date | undefined;
  /**
   * Run every type x vertical x segment default case against the vendor's plausibility bands and
   * the types' target tiers (warnings). `partnerkit validate` and the build do; other readers
   * skip it, as it runs a few hundred cases.
   */
  checkCases?: boolean | undefined;
  /** Overrides package.json's `partnerkit.staleAfterDays`. */
  staleAfterDays?: number | undefined;
}

export const DEFAULT_STALE_AFTER_DAYS = 180;

/** `"partnerkit": { "staleAfterDays": 180 }` in the project's package.json; 180 when absent. */
export const staleAfterDays = (root: string): number => projectSettings(root).staleAfterDays;

/**
 * A finding when `id` is not among `ids`, with a did-you-mean that ignores case and knows the
 * other names of each id (`msp` -> `managed-service-provider`). Nothing when `ids` is unknown.
 */
export const idRef = (
  what: string,
  path: PropertyKey[],
  id: string,
  ids: string[] | undefined,
  names: { id: string; names: string[] }[] = [],
): Finding[] => {
  if (ids === undefined || ids.includes(id)) return [];
  const lower = id.trim().toLowerCase();
  const byName = names.find((n) => n.names.some((name) => name.trim().toLowerCase() === lower));
  const guess = byName?.id ?? ids.find((i) => i === lower) ?? closest(id, ids);
  const why = byName ? ` (\`${id}\` is one of its names; ${what}s are named by id)` : '';
  return [
    {
      path,
      message: `${what} \`${id}\` does not exist${guess ? `; did you mean \`${guess}\`?${why}` : ''}`,
      expected: ids.length ? `one of ${ids.join(', ')}` : `a ${what} id`,
      found: JSON.stringify(id),
    },
  ];
};

/** The lower-case, dashed form of a file name stem: `Alpha Story` -> `alpha-story`. */
const asId = (stem: string) =>
  stem
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

export const CONTENT_COLLECTIONS: ContentCollection[] = [
  {
    dir: 'playbooks',
    what: 'playbook narrative',
    schema: PlaybookFrontmatter,
    idFields: (ctx) => ({ type: { what: 'partner type', ids: ctx.typeIds } }),
    references: (fm: z.infer<typeof PlaybookFrontmatter>, ctx, file) => {
      const found = idRef('partner type', ['type'], fm.type, ctx.typeIds, ctx.typeNames);
      const stem = file.replace(/^.*\//, '').replace(/\.mdx?$/, '');
      if (!found.length && stem !== fm.type)
        found.push({
          path: ['type'],
          message: 'a playbook file is named after its partner type',
          expected: JSON.stringify(stem),
          found: JSON.stringify(fm.type),
        });
      return found;
    },
  } as ContentCollection,
  {
    dir: 'stories',
    what: 'story',
    schema: StoryFrontmatter,
    idFields: (ctx) => ({
      types: { what: 'partner type', ids: ctx.typeIds },
      verticals: { what: 'vertical', ids: ctx.verticalIds },
      segments: { what: 'segment', ids: ctx.segmentIds },
    }),
    references: (fm: z.infer<typeof StoryFrontmatter>, ctx, file) => {
      const found: Finding[] = [];
      fm.types.forEach((id, i) =>
        found.push(...idRef('partner type', ['types', i], id, ctx.typeIds, ctx.typeNames)),
      );
      fm.verticals.forEach((id, i) =>
        found.push(...idRef('vertical', ['verticals', i], id, ctx.verticalIds)),
      );
      fm.segments.forEach((id, i) =>
        found.push(...idRef('segment', ['segments', i], id, ctx.segmentIds)),
      );
      const seen = new Set<string>();
      fm.sources.forEach((src, i) => {
        if (seen.has(src.id))
          found.push({
            path: ['sources', i, 'id'],
            message: `duplicate source id \`${src.id}\``,
            expected: 'an id used once',
            found: JSON.stringify(src.id),
          });
        seen.add(src.id);
      });
      const stem = file.replace(/^.*\//, '').replace(/\.mdx?$/, '');
      if (!Id.safeParse(stem).success)
        found.push({
          path: [],
          message: `the file name \`${stem}\` becomes the story's address`,
          expected: `a lower-case file name with dashes: rename it to \`${asId(stem) || 'my-story'}${file.slice(file.lastIndexOf('.'))}\``,
          found: JSON.stringify(stem),
        });
      return found;
    },
    sourceIds: (fm: z.infer<typeof StoryFrontmatter>) => fm.sources.map((s) => s.id),
  } as ContentCollection,
  { dir: 'guide', what: 'guide page', schema: GuideFrontmatter, references: () => [] },
];

/** Split `---` frontmatter from a Markdown file; the YAML starts on line 2. */
export function frontmatterOf(text: string): string | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  return m ? m[1] : undefined;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** A finding on an id field that zod refused (`Healthcare`), with the id it most likely meant. */
function withIdGuess(
  f: Finding,
  fields: Record<string, { what: string; ids: string[] | undefined }>,
  raw: unknown,
): Finding {
  const field = fields[String(f.path[0])];
  let value: unknown = raw;
  for (const p of f.path) value = (value as Record<PropertyKey, unknown> | null)?.[p];
  if (!field?.ids || typeof value !== 'string') return f;
  const guess = field.ids.find((id) => id === asId(value)) ?? closest(value, field.ids);
  return guess ? { ...f, message: `${f.message}; did you mean \`${guess}\`?` } : f;
}

/** Folders inside a content folder are not read: say so once for each. */
function subfolderWarnings(root: string, dir: string, what: string): Diagnostic[] {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !/\.mdx?$/.test(e.name))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
  return names.map((name) => ({
    file: `${relative(root, join(dir, name))}/`,
    line: 1,
    column: 1,
    path: [],
    severity: 'warning' as const,
    message: `files in the folder \`${name}/\` are not part of the site`,
    expected: `each ${what} directly in ${relative(root, dir)}/`,
  }));
}

interface FileCheck {
  root: string;
  collection: ContentCollection;
  path: string;
  ctx: ContentContext;
  today: Date;
  staleDays: number;
  out: Diagnostic[];
}

/** A file whose body is still to check, once every file's sources are known. */
interface PendingBody {
  path: string;
  text: string;
  /** undefined when the frontmatter could not be read: citations are then not checked. */
  sourceIds: string[] | undefined;
}

/** Check a file's frontmatter; what its body is to be checked against, unless it cannot be read. */
function checkContentFile({
  root,
  collection: c,
  path,
  ctx,
  today,
  staleDays,
  out,
}: FileCheck): PendingBody | undefined {
  const file = relative(root, path);
  const text = readSourceText(root, path, out);
  if (text === undefined) return undefined;
  let pending: PendingBody | undefined;
  const body = (sourceIds: string[] | undefined) => {
    pending = { path, text, sourceIds };
  };
  if (path.slice(path.lastIndexOf('/') + 1).startsWith('_')) {
    body([]); // a partial: no frontmatter of its own, but its body is checked like any page's
    return pending;
  }
  const fm = frontmatterOf(text);
  if (fm === undefined) {
    out.push({
      file,
      line: 1,
      column: 1,
      path: [],
      severity: 'error',
      message: 'no frontmatter',
      expected: 'a block between `---` lines at the top of the file',
    });
    body([]);
    return pending;
  }
  const parsed = parseYaml(file, fm, 1);
  if (parsed.syntaxErrors.length) {
    out.push(...parsed.syntaxErrors);
    body(undefined); // the body's safety does not wait for its frontmatter
    return pending;
  }
  const result = c.schema.safeParse(parsed.data ?? {});
  if (!result.success) {
    const fields = c.idFields?.(ctx) ?? {};
    out.push(
      ...findingsFromZod(result.error, c.schema, parsed.data).map((f) =>
        place(parsed, withIdGuess(f, fields, parsed.data)),
      ),
    );
    // The body is still checked against whatever sources the frontmatter lists.
    const raw = (parsed.data as { sources?: { id?: unknown }[] } | null)?.sources;
    body(Array.isArray(raw) ? raw.flatMap((s) => (typeof s?.id === 'string' ? [s.id] : [])) : []);
    return pending;
  }
  out.push(...c.references(result.data, ctx, file).map((f) => place(parsed, f)));
  body(c.sourceIds?.(result.data) ?? []);
  const reviewed = (result.data as { lastReviewed?: Date }).lastReviewed;
  if (!reviewed) return pending;
  // A day's grace: "today" where the marketer is may be tomorrow in UTC.
  if (reviewed.getTime() > today.getTime() + 86_400_000) {
    out.push(
      place(parsed, {
        path: ['lastReviewed'],
        message: 'the review date is in the future',
        expected: `the date the content was last checked, no later than ${day(today)}`,
        found: day(reviewed),
      }),
    );
  } else if (isStale(reviewed, today, staleDays)) {
    const days = Math.floor((today.getTime() - reviewed.getTime()) / 86_400_000);
    out.push(
      place(parsed, {
        path: ['lastReviewed'],
        severity: 'warning',
        message: `last reviewed ${days} days ago; check the content is still true and update the date`,
        expected: `a review within ${staleDays} days (package.json \`partnerkit.staleAfterDays\`)`,
        found: day(reviewed),
      }),
    );
  }
  return pending;
}

export function validateContent(
  root: string,
  ctx: ContentContext,
  options: ContentOptions = {},
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const today = options.today ?? new Date();
  const staleDays = options.staleAfterDays ?? staleAfterDays(root);
  const fault = (path: string, e: unknown) =>
    // A fault in a check must not hide the other files' messages.
    out.push({
      file: relative(root, path),
      line: 1,
      column: 1,
      path: [],
      severity: 'error',
      message: `could not be checked: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
      expected: 'a file Partnerkit can read (please report this message)',
    });
  const bodies: PendingBody[] = [];
  for (const c of CONTENT_COLLECTIONS) {
    const dir = join(root, 'content', c.dir);
    out.push(...subfolderWarnings(root, dir, c.what));
    const files = sourceFilesIn(root, dir, { extensions: ['.mdx', '.md'], what: c.what }, out);
    for (const path of files) {
      try {
        const pending = checkContentFile({ root, collection: c, path, ctx, today, staleDays, out });
        if (pending) bodies.push(pending);
      } catch (e) {
        fault(path, e);
      }
    }
  }
  // Which file lists each source, so a citation of another story's source says where it is.
  const listedIn = new Map<string, string>();
  for (const b of bodies)
    for (const id of b.sourceIds ?? [])
      if (!listedIn.has(id)) listedIn.set(id, relative(root, b.path));
  for (const b of bodies) {
    try {
      const file = relative(root, b.path);
      const findings = checkContentBody(b.path, b.text, {
        sourceIds: b.sourceIds,
        sourcesElsewhere: listedIn,
        tierIds: ctx.tierIds,
      });
      out.push(...findings.map((f) => ({ ...f, file, severity: 'error' as const })));
    } catch (e) {
      fault(b.path, e);
    }
  }
  return out;
}

/** A story as the Node side reads it: the same shape as Astro's collection entry (`id`, `data`). */
export interface StoryEntry {
  id: string;
  file: string;
  data: StoryFrontmatter;
  /** The MDX text after the frontmatter. */
  body: string;
}

/**
 * Every story whose frontmatter is valid, drafts included (filter with `visibleStories`), for
 * the CLI and decks. Run `loadData` first for the messages about the invalid ones.
 */
export function loadStories(root: string): StoryEntry[] {
  const dir = join(root, 'content', 'stories');
  const ignored: Diagnostic[] = []; // reported by validation
  return sourceFilesIn(
    root,
    dir,
    { extensions: ['.mdx', '.md'], what: 'story', skipPartials: true },
    ignored,
  ).flatMap((path) => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const text = readSourceText(root, path, ignored);
    const fm = text === undefined ? undefined : frontmatterOf(text);
    if (text === undefined || fm === undefined) return [];
    const parsed = parseYaml(name, fm, 1);
    const result = StoryFrontmatter.safeParse(parsed.data ?? {});
    if (parsed.syntaxErrors.length || !result.success) return [];
    const body = text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, '');
    return [
      {
        id: name.replace(/\.mdx?$/, ''),
        file: relative(root, path),
        data: result.data,
        body,
      },
    ];
  });
}
