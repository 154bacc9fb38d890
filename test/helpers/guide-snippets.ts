import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const GUIDE = join(import.meta.dirname, '..', '..', 'content', 'guide', 'index.mdx');

export interface Snippet {
  lang: string;
  /** `key="value"` pairs after the language on the fence line. */
  meta: Record<string, string>;
  text: string;
  /** Line of the opening fence in the guide. */
  line: number;
}

/** Every fenced code block of the guide marked with `check="..."`, in order. */
export function guideSnippets(text = readFileSync(GUIDE, 'utf8')): Snippet[] {
  const out: Snippet[] = [];
  const re = /^```(\w+)([^\n]*)\n([\s\S]*?)^```\s*$/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const meta = Object.fromEntries(
      [...m[2]!.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]),
    );
    if (!meta.check) continue;
    out.push({ lang: m[1]!, meta, text: m[3]!, line: text.slice(0, m.index).split('\n').length });
  }
  return out;
}
