// Every example in the marketers' guide (content/guide/index.mdx) is applied, in order, to a copy
// of the minimal valid project, which must stay valid after each one; the "what an error looks
// like" example must produce exactly the messages the guide prints.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/core/diagnostics.ts';
import { loadData } from '../../../src/node/load-data.ts';
import { FIGURE_NAMES } from '../../../src/core/stories/figures.ts';
import { STORY_COMPONENT_NAMES } from '../../../src/core/stories/components.ts';
import { AUDIENCES } from '../../../src/core/schema/content.ts';
import { fixtureCopy } from '../../helpers/fixture.ts';
import { GUIDE, guideSnippets, type Snippet } from '../../helpers/guide-snippets.ts';

const snippets = guideSnippets();
const errorsOf = (root: string) => loadData(root).diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);

/** Set every leaf of `patch` into the YAML document, keeping the rest (and its comments). */
function mergeInto(doc: Document, patch: unknown, path: (string | number)[] = []) {
  if (patch && typeof patch === 'object' && !Array.isArray(patch)) {
    for (const [k, v] of Object.entries(patch)) mergeInto(doc, v, [...path, k]);
  } else doc.setIn(path, patch);
}

function apply(root: string, s: Snippet) {
  const path = join(root, s.meta.title!);
  mkdirSync(dirname(path), { recursive: true });
  if (s.meta.check === 'create' || s.meta.check === 'error') {
    writeFileSync(path, s.text);
  } else if (s.meta.check === 'append') {
    const doc = parseDocument(readFileSync(path, 'utf8'));
    const list = doc.get(s.meta.to!);
    expect(isSeq(list), `${s.meta.title} has a list under ${s.meta.to}`).toBe(true);
    for (const item of parseDocument(s.text).toJS() as unknown[]) doc.addIn([s.meta.to!], doc.createNode(item));
    writeFileSync(path, doc.toString());
  } else if (s.meta.check === 'merge') {
    const doc = parseDocument(readFileSync(path, 'utf8'));
    expect(isMap(doc.contents)).toBe(true);
    mergeInto(doc, parseDocument(s.text).toJS());
    writeFileSync(path, doc.toString());
  } else throw new Error(`guide line ${s.line}: unknown check="${s.meta.check}"`);
}

describe("the marketers' guide", () => {
  it('has checked snippets for a partner type, a vertical, a story, a changed figure, a product, its route, coverage, a partner, a play, credit weights and an error', () => {
    expect(snippets.map((s) => s.meta.check)).toEqual([
      'create', 'append', 'create', 'merge', 'merge',
      'append', 'append', 'append', 'append', 'append',
      'merge', 'error', 'output',
    ]);
    expect(snippets.filter((s) => s.meta.check === 'append').map((s) => s.meta.title)).toEqual([
      'data/verticals.yaml', 'data/vendor.yaml', 'data/routes.yaml', 'data/coverage.yaml', 'data/partners.yaml', 'data/plays.yaml',
    ]);
    for (const s of snippets.filter((x) => x.meta.check !== 'output')) expect(s.meta.title, `guide line ${s.line} names its file`).toBeTruthy();
  });

  it('every snippet, applied in order to the minimal project, keeps it valid', () => {
    const root = fixtureCopy();
    for (const s of snippets.filter((x) => ['create', 'append', 'merge'].includes(x.meta.check!))) {
      apply(root, s);
      expect(errorsOf(root), `after the snippet at guide line ${s.line} (${s.meta.title})`).toEqual([]);
    }
    // The changed figure really changed.
    const type = loadData(root).dataset!.partnerTypes.find((t) => t.id === 'digital-agency')!;
    expect(type.businessCase.defaults.newCustomersPerMonth?.value).toBe(3);
    expect(loadData(root).dataset!.verticals.map((v) => v.id)).toContain('retail');
    // The ecosystem snippets reached their files: a routed product, a target, a partner, a play.
    const d = loadData(root).dataset!;
    expect(d.routes?.routes.map((r) => r.product)).toContain('mail-shield');
    expect(d.coverage?.targets.some((t) => t.type === 'digital-agency' && t.vertical === 'retail')).toBe(true);
    expect(d.partners?.partners.map((p) => p.id)).toContain('brightwave-studio');
    expect(d.plays?.plays.map((p) => p.id)).toContain('retail-mail-rollout');
    expect(d.plays?.creditWeights?.sourced.value).toBe(5);
  });

  it('the error example prints exactly the messages the guide shows', () => {
    const root = fixtureCopy();
    const before = snippets.slice(0, snippets.findIndex((s) => s.meta.check === 'error'));
    for (const s of before) apply(root, s);
    apply(root, snippets.find((s) => s.meta.check === 'error')!);
    const printed = errorsOf(root);
    const shown = snippets.find((s) => s.meta.check === 'output')!.text.trim().split('\n');
    expect(printed.length).toBe(shown.length);
    shown.forEach((line, i) => {
      const pattern = new RegExp(`^${line.split('...').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
      expect(printed[i]).toMatch(pattern);
    });
  });

  it('lists every component, figure name and audience the validator accepts', () => {
    const text = readFileSync(GUIDE, 'utf8');
    for (const c of STORY_COMPONENT_NAMES) expect(text).toContain(`<${c} `);
    for (const f of FIGURE_NAMES) expect(text).toContain(`\`${f}\``);
    for (const a of AUDIENCES) expect(text).toContain(`\`${a}\``);
  });
});
