// Two YAML parsers, one meaning: a well-formed file is read by js-yaml (fast) and a file with a
// problem by `yaml` (positions for the message). Every fixture and the scalars where YAML
// versions disagree must give the same values either way (test/contract/yaml-source.test.ts
// checks every YAML file the project ships).
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

// Every fixture (the shipped data, templates and content are checked in test/contract/).
const yamlTexts = filesUnder(join(ROOT, 'test', 'fixtures'), (f) => /\.ya?ml$/.test(f))
  // Broken-input cases are broken on purpose (test/unit/broken-input.test.ts reads them).
  .filter((f) => !relative(ROOT, f).startsWith(join('test', 'fixtures', 'cases')))
  .map((f) => ({ name: relative(ROOT, f), text: readFileSync(f, 'utf8') }));

describe('the fast YAML path reads what the reference parser reads', () => {
  it(`covers the fixtures (${yamlTexts.length})`, () => {
    expect(yamlTexts.length).toBeGreaterThan(5);
  });
  for (const { name, text } of yamlTexts) {
    it(name, () => {
      expect(parseYaml(name, text).data).toEqual(reference(text));
    });
  }

  it('scalars where YAML 1.1 and 1.2 differ, numbers, dates, quoting, multi-line text', () => {
    const text = [
      'a: yes',
      'b: no',
      'c: on',
      'd: off',
      'e: True',
      'f: FALSE',
      'g: ~',
      'h: null',
      'i: 010',
      'j: 0o17',
      'k: 0x1F',
      'l: 1_000',
      'm: 1e3',
      'n: .5',
      'o: -.inf',
      'p: 2026-11-01',
      'q: 2026-11-01T10:00:00Z',
      'r: "quoted: yes"',
      "s: 'single'",
      't: 12:30',
      'u: |\n  line one\n  line two\n',
      'v: >\n  folded\n  text\n',
      'w: [1, "two", three]',
      'x: {y: 1}',
      'z: "*not an alias*"',
      'aa: 3.10',
      'ab: +5',
    ].join('\n');
    expect(parseYaml('t.yaml', text).data).toEqual(reference(text));
  });

  it('sends files with problems or anchors to the reference parser, which places them', () => {
    const dup = parseYaml('d.yaml', 'a: 1\nb: 2\na: 3\n');
    expect(dup.syntaxErrors[0]).toMatchObject({
      line: 3,
      message: expect.stringMatching(/field `a` is written twice/),
    });
    const broken = parseYaml('b.yaml', 'name: x\n  oops: [\n');
    expect(broken.syntaxErrors.length).toBeGreaterThan(0);
    const anchors = 'base: &b {x: 1}\nuse: *b\n';
    expect(parseYaml('a.yaml', anchors).data).toEqual({ base: { x: 1 }, use: { x: 1 } });
    expect(parseYaml('e.yaml', '').data ?? null).toBeNull();
    expect(parseYaml('l.yaml', '- a\n- b\n').data).toEqual(['a', 'b']);
  });

  it('still places a finding in a fast-read file at its line (positions are parsed on demand)', () => {
    const parsed = parseYaml('p.yaml', 'id: x\nname: y\nlist:\n  - one\n  - two\n');
    const node = parsed.doc.getIn(['list', 1], true) as { range: [number, number, number] };
    expect(parsed.lineCounter.linePos(node.range[0]).line).toBe(5);
  });
});
