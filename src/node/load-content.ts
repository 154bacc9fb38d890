// Node-only: validate the frontmatter of marketers' Markdown/MDX with the core schemas.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { closest, findingsFromZod, type Diagnostic, type Finding } from '../core/diagnostics.ts';
import {
  GuideFrontmatter,
  Id,
  PlaybookFrontmatter,
  StoryFrontmatter,
} from '../core/schema/index.ts';
import { checkMdxBody } from '../core/stories/check-body.ts';
import { isStale } from '../core/stories/messages.ts';
import { parseYaml, place } from './yaml-source.ts';

/** Ids content may refer to; taken from whatever data loaded, so content is checked even when data is broken. */
export interface ContentContext {
  typeIds: string[];
  verticalIds: string[];
  segmentIds: string[];
}

/** A content folder, its frontmatter schema, and the cross-references to check. */
interface ContentCollection<S extends z.ZodType = z.ZodType> {
  dir: string;
  schema: S;
  references: (fm: z.infer<S>, ctx: ContentContext, file: string) => Finding[];
  /** Source ids the body may cite with <Cite source="..."> (none unless the frontmatter lists sources). */
  sourceIds?: (fm: z.infer<S>) => string[];
}

/** Options for content checks; `today` is injectable so tests of the stale-content warning are stable. */
export interface ContentOptions {
  today?: Date | undefined;
  /** Overrides package.json's `partnerkit.staleAfterDays`. */
  staleAfterDays?: number | undefined;
}

export const DEFAULT_STALE_AFTER_DAYS = 180;

/** `"partnerkit": { "staleAfterDays": 180 }` in the project's package.json; 180 when absent. */
export function staleAfterDays(root: string): number {
  const path = join(root, 'package.json');
  if (!existsSync(path)) return DEFAULT_STALE_AFTER_DAYS;
  try {
    const days = (
      JSON.parse(readFileSync(path, 'utf8')) as { partnerkit?: { staleAfterDays?: unknown } }
    ).partnerkit?.staleAfterDays;
    return typeof days === 'number' && days > 0 ? days : DEFAULT_STALE_AFTER_DAYS;
  } catch {
    return DEFAULT_STALE_AFTER_DAYS;
  }
}

/** A finding when `id` is not among `ids`, with a did-you-mean. */
export const idRef = (what: string, path: PropertyKey[], id: string, ids: string[]): Finding[] => {
  if (ids.includes(id)) return [];
  const guess = closest(id, ids);
  return [
    {
      path,
      message: `${what} \`${id}\` does not exist${guess ? `; did you mean \`${guess}\`?` : ''}`,
      expected: `one of ${ids.join(', ')}`,
      found: JSON.stringify(id),
    },
  ];
};

export const CONTENT_COLLECTIONS: ContentCollection[] = [
  {
    dir: 'playbooks',
    schema: PlaybookFrontmatter,
    references: (fm: z.infer<typeof PlaybookFrontmatter>, ctx, file) => {
      const found = idRef('partner type', ['type'], fm.type, ctx.typeIds);
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
    schema: StoryFrontmatter,
    references: (fm: z.infer<typeof StoryFrontmatter>, ctx, file) => {
      const found: Finding[] = [];
      fm.types.forEach((id, i) =>
        found.push(...idRef('partner type', ['types', i], id, ctx.typeIds)),
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
          expected: 'a lower-case file name with dashes, like reseller-owner-margin.mdx',
          found: JSON.stringify(stem),
        });
      return found;
    },
    sourceIds: (fm: z.infer<typeof StoryFrontmatter>) => fm.sources.map((s) => s.id),
  } as ContentCollection,
  { dir: 'guide', schema: GuideFrontmatter, references: () => [] },
];

/** Split `---` frontmatter from a Markdown file; the YAML starts on line 2. */
export function frontmatterOf(text: string): string | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  return m ? m[1] : undefined;
}

export function validateContent(
  root: string,
  ctx: ContentContext,
  options: ContentOptions = {},
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const today = options.today ?? new Date();
  const staleDays = options.staleAfterDays ?? staleAfterDays(root);
  for (const c of CONTENT_COLLECTIONS) {
    const dir = join(root, 'content', c.dir);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)
      .filter((f) => /\.mdx?$/.test(f))
      .sort()) {
      const path = join(dir, name);
      const file = relative(root, path);
      const text = readFileSync(path, 'utf8');
      if (name.startsWith('_')) {
        // A partial: no frontmatter of its own, but its components are checked like any page's.
        out.push(
          ...checkMdxBody(text, { sourceIds: [] }).map((f) => ({
            ...f,
            file,
            severity: 'error' as const,
          })),
        );
        continue;
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
        continue;
      }
      const parsed = parseYaml(file, fm, 1);
      if (parsed.syntaxErrors.length) {
        out.push(...parsed.syntaxErrors);
        continue;
      }
      const result = c.schema.safeParse(parsed.data ?? {});
      if (!result.success) {
        out.push(
          ...findingsFromZod(result.error, c.schema, parsed.data).map((f) => place(parsed, f)),
        );
        // The body is still checked against whatever sources the frontmatter lists.
        const raw = (parsed.data as { sources?: { id?: unknown }[] } | null)?.sources;
        const ids = Array.isArray(raw)
          ? raw.flatMap((s) => (typeof s?.id === 'string' ? [s.id] : []))
          : [];
        out.push(
          ...checkMdxBody(text, { sourceIds: ids }).map((f) => ({
            ...f,
            file,
            severity: 'error' as const,
          })),
        );
        continue;
      }
      out.push(...c.references(result.data, ctx, file).map((f) => place(parsed, f)));
      out.push(
        ...checkMdxBody(text, { sourceIds: c.sourceIds?.(result.data) ?? [] }).map((f) => ({
          ...f,
          file,
          severity: 'error' as const,
        })),
      );
      const reviewed = (result.data as { lastReviewed?: Date }).lastReviewed;
      if (reviewed && isStale(reviewed, today, staleDays)) {
        const days = Math.floor((today.getTime() - reviewed.getTime()) / 86_400_000);
        out.push(
          place(parsed, {
            path: ['lastReviewed'],
            severity: 'warning',
            message: `last reviewed ${days} days ago; check the content is still true and update the date`,
            expected: `a review within ${staleDays} days (package.json \`partnerkit.staleAfterDays\`)`,
            found: reviewed.toISOString().slice(0, 10),
          }),
        );
      }
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
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.mdx?$/.test(f) && !f.startsWith('_'))
    .sort()
    .flatMap((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      const fm = frontmatterOf(text);
      if (fm === undefined) return [];
      const parsed = parseYaml(name, fm, 1);
      const result = StoryFrontmatter.safeParse(parsed.data ?? {});
      if (parsed.syntaxErrors.length || !result.success) return [];
      const body = text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, '');
      return [
        {
          id: name.replace(/\.mdx?$/, ''),
          file: relative(root, join(dir, name)),
          data: result.data,
          body,
        },
      ];
    });
}
