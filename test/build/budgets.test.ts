// Page-weight budgets, in gzip bytes (deterministic, so asserted exactly; `npm run bench`
// reports the same figures from the same module). 1 KB = 1,000 bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  filesUnder,
  htmlPages,
  isExternal,
  readPage,
  referencesOf,
  cssUrls,
  type ParsedPage,
} from '../helpers/dist-files.ts';
import { kb, PageWeights, type PageWeight } from '../helpers/page-weight.ts';
import { loadData } from '../../src/node/load-data.ts';
import { DIST } from '../helpers/browser.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const PLAYBOOK_BUDGET = 15_000;
const CALCULATOR_BUDGET = 70_000;

const { dataset } = loadData(ROOT);
const weights = new PageWeights(DIST);
const pages = htmlPages(DIST).map((file) => ({ file, parsed: readPage(DIST, file) }));
const weigh = (p: { file: string; parsed: ParsedPage }) => weights.page(p.file, p.parsed);
const explain = (w: PageWeight) =>
  `${w.page}: ${kb(w.upfrontGzip)} up front (inline ${kb(w.inlineGzip)}; ${w.upfront.map((u) => `${u} ${kb(weights.chunk(u)?.gzip ?? 0)}`).join(', ') || 'no files'})`;

describe('JavaScript budgets (gzip, before any interaction)', () => {
  it(`every playbook page loads at most ${kb(PLAYBOOK_BUDGET)}, search excluded`, () => {
    const playbooks = pages.filter((p) =>
      dataset!.partnerTypes.some((t) => p.file === `partners/${t.id}/index.html`),
    );
    expect(playbooks.length).toBe(dataset!.partnerTypes.length);
    const over = playbooks.map(weigh).filter((w) => w.upfrontGzip > PLAYBOOK_BUDGET);
    expect(over.map(explain)).toEqual([]);
  });

  it(`every calculator page loads at most ${kb(CALCULATOR_BUDGET)}`, () => {
    const calculators = pages.filter((p) =>
      p.parsed.elements.some((e) => e.tag === 'pk-calculator'),
    );
    // Every partner type has a business-case page with the calculator, and so does /business-case/.
    expect(calculators.length).toBeGreaterThan(dataset!.partnerTypes.length);
    const over = calculators.map(weigh).filter((w) => w.upfrontGzip > CALCULATOR_BUDGET);
    expect(over.map(explain)).toEqual([]);
  });

  it('pptxgenjs is never in a chunk loaded before the deck button is pressed', () => {
    const offending = pages.flatMap((p) => {
      const w = weigh(p);
      return w.upfront
        .filter((u) => weights.chunk(u)?.pptxgenjs)
        .map((u) => `${w.page} loads ${u} up front`);
    });
    expect(offending).toEqual([]);
    // and where the site ships pptxgenjs at all, some page reaches it on demand (the signature still matches the bundle)
    const pptxChunks = filesUnder(DIST, (f) => f.endsWith('.js')).filter(
      (f) => weights.chunk(`/${f}`)?.pptxgenjs,
    );
    if (pptxChunks.length) {
      const reached = pages.some((p) => weigh(p).onDemand.some((u) => weights.chunk(u)?.pptxgenjs));
      expect(reached, `pptxgenjs chunks ${pptxChunks.join(', ')} are reached by no page`).toBe(
        true,
      );
    }
  });

  it('the schema library (zod) is in no chunk loaded up front: browser scripts read the plain assumption registry', () => {
    const offending = pages.flatMap((p) => {
      const w = weigh(p);
      return w.upfront
        .filter((u) => readFileSync(join(DIST, u), 'utf8').includes('ZodError'))
        .map((u) => `${w.page} loads ${u} up front`);
    });
    expect(offending).toEqual([]);
  });
});

describe('no page loads anything from another origin', () => {
  const foreign = (url: string) => isExternal(url) && !/^(data|blob):/i.test(url);

  it('HTML: scripts, styles, images, icons, frames, media', () => {
    const loads = pages.flatMap((p) =>
      referencesOf(p.parsed)
        .filter((r) => r.load && foreign(r.url))
        .map((r) => `${p.file}: ${r.via} ${r.url}`),
    );
    expect(loads).toEqual([]);
  });

  it('CSS: url() and @import', () => {
    const loads = filesUnder(DIST, (f) => f.endsWith('.css')).flatMap((f) =>
      cssUrls(readFileSync(join(DIST, f), 'utf8'))
        .filter(foreign)
        .map((u) => `${f}: ${u}`),
    );
    expect(loads).toEqual([]);
  });

  it('JavaScript: no import from another origin', () => {
    const loads = filesUnder(DIST, (f) => f.endsWith('.js') || f.endsWith('.mjs')).flatMap((f) => {
      const c = weights.chunk(`/${f}`);
      return c
        ? [...c.staticImports, ...c.dynamicImports].filter(foreign).map((u) => `${f}: ${u}`)
        : [];
    });
    expect(loads).toEqual([]);
  });
});
