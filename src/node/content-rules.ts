// Node-only: the content rules (src/core/stories/body-rules.ts) on real files, through the MDX
// compiler the build uses (@mdx-js/mdx, with remark-gfm as Astro adds it). Two entry points:
// - `checkContentBody`, for `partnerkit validate`: parses one file and returns its findings,
//   syntax errors included, in plain words at file, line and column;
// - `remarkContentRules`, the remark plugin astro.config.mjs gives the Markdown processor, so the
//   build runs the same rules on what it compiles and stops before anything is written.
import { createProcessor } from '@mdx-js/mdx';
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import remarkGfm from 'remark-gfm';
import { formatDiagnostic, type Diagnostic } from '../core/diagnostics.ts';
import {
  checkContentTree,
  type BodyContext,
  type BodyFinding,
  type ContentNode,
  type HtmlElement,
} from '../core/stories/body-rules.ts';

type Parse5Node = DefaultTreeAdapterMap['node'];

/** The elements of a piece of raw HTML, as the browser's parser (parse5, as rehype-raw) reads it. */
export function htmlElements(html: string): HtmlElement[] {
  const out: HtmlElement[] = [];
  const walk = (node: Parse5Node) => {
    if ('tagName' in node) {
      const loc = node.sourceCodeLocation;
      out.push({
        name: node.tagName,
        attributes: node.attrs.map((a) => ({ name: a.name, value: a.value })),
        line: loc?.startLine ?? 1,
        column: loc?.startCol ?? 1,
      });
    }
    const children = 'childNodes' in node ? node.childNodes : [];
    for (const child of children) walk(child);
    if ('content' in node && node.content) walk(node.content); // <template>
  };
  walk(parseFragment(html, { sourceCodeLocationInfo: true }));
  return out;
}

/** The same parser the build's MDX compiler runs (remark-parse, remark-mdx for .mdx, remark-gfm). */
const processors = {
  mdx: createProcessor({ format: 'mdx', remarkPlugins: [remarkGfm] }),
  md: createProcessor({ format: 'md', remarkPlugins: [remarkGfm] }),
};

interface ParseError {
  reason?: string;
  message: string;
  line?: number;
  column?: number;
  ruleId?: string;
  source?: string;
  place?: { line?: number; column?: number; start?: { line: number; column: number } };
}

const lineStarts = (text: string) => {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
};

/** The last `<` or `{` at or before a position: where the tag or expression a parser choked on began. */
function openerBefore(text: string, line: number, column: number, char: '<' | '{') {
  const starts = lineStarts(text);
  let offset = Math.min((starts[line - 1] ?? 0) + column - 1, text.length - 1);
  while (offset >= 0 && text[offset] !== char) offset--;
  if (offset < 0) return { line, column };
  let l = 0;
  while (l + 1 < starts.length && starts[l + 1]! <= offset) l++;
  return { line: l + 1, column: offset - starts[l]! + 1 };
}

/** An MDX syntax error in plain words, at the character to change. */
export function explainMdxError(text: string, e: ParseError): BodyFinding {
  const reason = (e.reason ?? e.message).split('\n')[0]!;
  const ranged = /\((\d+):(\d+)-\d+:\d+\)/.exec(reason);
  const line = e.line ?? e.place?.start?.line ?? e.place?.line ?? Number(ranged?.[1] ?? 1);
  const column = e.column ?? e.place?.start?.column ?? e.place?.column ?? Number(ranged?.[2] ?? 1);
  const tag = /`<([^>`]+)>`/.exec(reason)?.[1];
  const closing = /`<\/([^>`]+)>`/.exec(reason)?.[1];
  const at = (pos: { line: number; column: number }, message: string, expected: string) => ({
    path: [],
    ...pos,
    message,
    expected,
  });
  const source = e.source ?? '';
  if (source.includes('mdx-jsx') && e.ruleId === 'unexpected-closing-slash')
    return at(
      { line, column },
      'a closing tag here closes nothing that is open',
      'the closing tag removed, or its opening tag added before it',
    );
  if (source.includes('mdx-jsx') && e.ruleId === 'end-tag-mismatch' && closing && tag)
    return at(
      { line, column },
      `\`</${closing}>\` closes a tag that is not open here: \`<${tag}>\` must be closed first`,
      `\`</${tag}>\` before \`</${closing}>\``,
    );
  if (source.includes('mdx-jsx') && e.ruleId === 'end-tag-mismatch' && tag) {
    const pos = ranged ? { line: Number(ranged[1]), column: Number(ranged[2]) } : { line, column };
    const name = tag.split(/\s/)[0]!;
    return /before the end of/.test(reason)
      ? at(
          pos,
          `\`<${name}>\` is opened in this paragraph but not closed in it`,
          `\`</${name}>\` in the same paragraph, or a self-closing tag: \`<${name} ... />\``,
        )
      : at(
          pos,
          `\`<${name}>\` is opened here but never closed`,
          `\`</${name}>\` after its text, on a line of its own`,
        );
  }
  if (source.includes('mdx-jsx')) {
    const lt = openerBefore(text, line, column, '<');
    const next = text.split('\n')[lt.line - 1]?.[lt.column] ?? '';
    if (next === '!')
      return at(
        lt,
        'an HTML comment `<!-- -->` is not allowed in MDX',
        'an MDX comment: {/* your note */}',
      );
    if (/before attribute value/.test(reason))
      return at({ line, column }, 'an attribute value must be in quotes', 'name="value"');
    return at(
      lt,
      'a `<` in text starts a tag',
      "`&lt;` for the sign, or the words 'less than' (a tag must be a component such as <Callout>)",
    );
  }
  if (source.includes('mdx-expression')) {
    return at(
      openerBefore(text, line, column, '{'),
      'a `{` in text starts a JavaScript expression, which content may not contain',
      'the brace written as `\\{` (and `\\}`), or words instead',
    );
  }
  if (source.includes('mdxjs-esm'))
    return at(
      { line, column: 1 },
      'a line starting with `import` or `export` is read as code',
      "the sentence reworded so it does not start with that word, or an import of a partial: import Intro from './_intro.mdx'",
    );
  return at({ line, column }, `the file cannot be read as MDX: ${reason}`, 'valid MDX');
}

/** Replace the frontmatter with blank lines, so the body keeps its line numbers. */
const withoutFrontmatter = (text: string) =>
  text.replace(/^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/, (fm) => fm.replace(/[^\n]/g, ''));

/**
 * Check one content file's body: parse it as the build's compiler does (a syntax error is one
 * finding, in plain words) and apply the content rules to the tree.
 */
export function checkContentBody(
  path: string,
  text: string,
  ctx: Omit<BodyContext, 'parseHtml' | 'partialExists'>,
): BodyFinding[] {
  const format = path.endsWith('.md') ? 'md' : 'mdx';
  const body = withoutFrontmatter(text);
  let tree: ContentNode;
  try {
    tree = processors[format].parse(body) as unknown as ContentNode;
  } catch (e) {
    return [explainMdxError(body, e as ParseError)];
  }
  return checkContentTree(tree, {
    ...ctx,
    parseHtml: htmlElements,
    partialExists: (source) => existsSync(join(dirname(path), source)),
  });
}

export interface ContentRulesOptions {
  /** The project: only files in its content/ folder are marketers' content. */
  root: string;
}

interface CompiledFile {
  path?: string;
  data: { astro?: { frontmatter?: Record<string, unknown> } };
}

/**
 * The remark plugin of the build: the content rules on every file in content/ that Astro
 * compiles (MDX and Markdown), failing the build with the same messages as validate. Pages and
 * components written by engineers (src/) are not content and are left alone.
 */
export function remarkContentRules(options: ContentRulesOptions) {
  const content = join(options.root, 'content') + sep;
  return (tree: unknown, file: CompiledFile) => {
    if (!file.path?.startsWith(content)) return;
    const sources = file.data.astro?.frontmatter?.sources;
    const sourceIds = Array.isArray(sources)
      ? sources.flatMap((s: unknown) =>
          s && typeof (s as { id?: unknown }).id === 'string' ? [(s as { id: string }).id] : [],
        )
      : [];
    const findings = checkContentTree(tree as ContentNode, {
      sourceIds,
      parseHtml: htmlElements,
      partialExists: (source) => existsSync(join(dirname(file.path!), source)),
    });
    if (!findings.length) return;
    const rel = relative(options.root, file.path);
    const lines = findings.map((f) =>
      formatDiagnostic({ ...f, file: rel, severity: 'error' } satisfies Diagnostic),
    );
    throw new Error(
      `${rel} breaks the content rules (run \`npx partnerkit validate\`):\n${lines.join('\n')}`,
    );
  };
}
