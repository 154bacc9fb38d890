// Two YAML parsers, one meaning (src/node/yaml-source.ts): every YAML file the project ships
// (data, templates) and the frontmatter of every Markdown/MDX file in content/ read the same
// with the fast path as with the reference parser.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/node/yaml-source.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const reference = (text: string) =>
  parseDocument(text, { uniqueKeys: true }).toJS({ maxAliasCount: 100 }) as unknown;

function filesUnder(dir: string, test: (f: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p, test) : test(p) ? [p] : [];
  });
}

const yamlTexts = [
  ...['data', 'templates']
    .flatMap((d) => filesUnder(join(ROOT, d), (f) => /\.ya?ml$/.test(f)))
    .map((f) => ({ name: relative(ROOT, f), text: readFileSync(f, 'utf8') })),
  ...filesUnder(join(ROOT, 'content'), (f) => /\.mdx?$/.test(f)).flatMap((f) => {
    const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(f, 'utf8'));
    return m ? [{ name: relative(ROOT, f), text: m[1]! }] : [];
  }),
];

describe('the fast YAML path reads the shipped files as the reference parser does', () => {
  it(`covers the project's files (${yamlTexts.length})`, () => {
    expect(yamlTexts.length).toBeGreaterThan(30);
  });
  for (const { name, text } of yamlTexts) {
    it(name, () => {
      expect(parseYaml(name, text).data).toEqual(reference(text));
    });
  }
});
