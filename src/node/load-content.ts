// Node-only: validate the frontmatter of marketers' Markdown/MDX with the core schemas.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { closest, findingsFromZod, type Diagnostic, type Finding } from '../core/diagnostics.ts';
import { PlaybookFrontmatter } from '../core/schema/index.ts';
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
}

/** A finding when `id` is not among `ids`, with a did-you-mean. */
export const idRef = (what: string, path: PropertyKey[], id: string, ids: string[]): Finding[] => {
  if (ids.includes(id)) return [];
  const guess = closest(id, ids);
  return [{ path, message: `${what} \`${id}\` does not exist${guess ? `; did you mean \`${guess}\`?` : ''}`, expected: `one of ${ids.join(', ')}`, found: JSON.stringify(id) }];
};

export const CONTENT_COLLECTIONS: ContentCollection[] = [
  {
    dir: 'playbooks',
    schema: PlaybookFrontmatter,
    references: (fm: z.infer<typeof PlaybookFrontmatter>, ctx, file) => {
      const found = idRef('partner type', ['type'], fm.type, ctx.typeIds);
      const stem = file.replace(/^.*\//, '').replace(/\.mdx?$/, '');
      if (!found.length && stem !== fm.type) found.push({ path: ['type'], message: 'a playbook file is named after its partner type', expected: JSON.stringify(stem), found: JSON.stringify(fm.type) });
      return found;
    },
  } as ContentCollection,
];

/** Split `---` frontmatter from a Markdown file; the YAML starts on line 2. */
export function frontmatterOf(text: string): string | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  return m ? m[1] : undefined;
}

export function validateContent(root: string, ctx: ContentContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const c of CONTENT_COLLECTIONS) {
    const dir = join(root, 'content', c.dir);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((f) => /\.mdx?$/.test(f) && !f.startsWith('_')).sort()) {
      const path = join(dir, name);
      const file = relative(root, path);
      const fm = frontmatterOf(readFileSync(path, 'utf8'));
      if (fm === undefined) {
        out.push({ file, line: 1, column: 1, path: [], severity: 'error', message: 'no frontmatter', expected: 'a block between `---` lines at the top of the file' });
        continue;
      }
      const parsed = parseYaml(file, fm, 1);
      if (parsed.syntaxErrors.length) {
        out.push(...parsed.syntaxErrors);
        continue;
      }
      const result = c.schema.safeParse(parsed.data ?? {});
      if (!result.success) {
        out.push(...findingsFromZod(result.error, c.schema, parsed.data).map((f) => place(parsed, f)));
        continue;
      }
      out.push(...c.references(result.data, ctx, file).map((f) => place(parsed, f)));
    }
  }
  return out;
}
