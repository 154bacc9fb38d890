// The build compiles marketers' MDX and Markdown with the processor astro.config.mjs sets, and
// that processor runs the content rules: what `partnerkit validate` refuses, the build refuses
// too, before a line of the file runs. These tests drive the very processor object of the config.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../../astro.config.mjs';
import { remarkContentRules } from '../../../src/node/content-rules.ts';

type Renderer = { process: (content: string, path: string, frontmatter: object) => Promise<{ code: string }> };
interface Processor {
  options: { remarkPlugins: unknown[] };
  createMdxRenderer: (shared: object, mdx: object) => Promise<Renderer>;
  createRenderer: (shared: object) => Promise<{ render: (content: string, opts: object) => Promise<{ code: string }> }>;
}
const processor = config.markdown!.processor as unknown as Processor;
const ROOT = join(import.meta.dirname, '..', '..', '..');

/** A story file inside this repo's content/ (the rules apply there only), compiled as the build does. */
async function compileMdx(body: string, dir = join(ROOT, 'content', 'stories'), name = 'x.mdx') {
  const renderer = await processor.createMdxRenderer(
    { syntaxHighlight: 'prism', gfm: true, smartypants: true },
    { optimize: false, srcDir: new URL('../../../src/', import.meta.url), sourcemap: false },
  );
  return renderer.process(body, join(dir, name), { sources: [{ id: 'survey' }] });
}

describe('the build runs the content rules on what it compiles', () => {
  it('astro.config.mjs gives the Markdown processor (which MDX inherits) the content rules', () => {
    const plugins = processor.options.remarkPlugins.map((p: unknown) =>
      Array.isArray(p) ? (p[0] as unknown) : p,
    );
    expect(plugins).toContain(remarkContentRules);
  });

  it.each([
    ["import fs from 'node:fs';\n\n{fs.readFileSync('/etc/passwd', 'utf8')}\n", /imports code into the page/],
    ['The build runs as {process.env.HOME}.\n', /`\{process\.env\.HOME\}` is JavaScript/],
    ['<script>alert(1)</script>\n', /`<script>` is not allowed/],
    ['<img src="x.png" onerror="alert(1)" />\n', /`onerror` on `<img>` runs JavaScript/],
    ['[x](javascript:alert(1))\n', /a `javascript:` address runs code/],
  ])('refuses %j with the same message as validate', async (body, says) => {
    await expect(compileMdx(body)).rejects.toThrow(says);
    await expect(compileMdx(body)).rejects.toThrow(/content\/stories\/x\.mdx:\d+:\d+/);
  });

  it('compiles a story that keeps to the rules, citations checked against its frontmatter', async () => {
    const { code } = await compileMdx('Pays back at <Figure name="paybackMonth" />, per <Cite source="survey" />.\n');
    expect(code).toContain('paybackMonth');
    await expect(compileMdx('Per <Cite source="nope" />.\n')).rejects.toThrow(/source `nope` does not exist/);
  });

  it('applies to Markdown (.md) content too', async () => {
    const renderer = await processor.createRenderer({ syntaxHighlight: 'prism', gfm: true, smartypants: true });
    await expect(
      renderer.render('See <img src=x onerror=alert(1)>.\n', { fileURL: new URL(`file://${join(ROOT, 'content', 'stories', 'x.md')}`), frontmatter: {} }),
    ).rejects.toThrow(/`onerror` on `<img>` runs JavaScript/);
  });

  it('leaves MDX outside content/ (engineers\' pages) alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pk-page-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'page.mdx'), '');
    const { code } = await compileMdx("export const answer = 42;\n\n{answer}\n", dir, 'page.mdx');
    expect(code).toContain('answer');
  });
});
