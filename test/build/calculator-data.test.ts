// A business-case page carries the case as text and the calculator's settings, not the data:
// the engine's slice of the dataset is a JSON file beside the page, fetched once the page is up
// (the mix page carried 65 KB of JSON ahead of its content, which a phone on a slow network
// downloaded before its first paint).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseDataset } from '../../src/core/calculator-dataset.ts';
import { bindDefaultProse } from '../../src/core/prose-tokens.ts';
import { loadData } from '../../src/node/load-data.ts';
import { DIST } from '../helpers/browser.ts';

const { dataset } = loadData(join(import.meta.dirname, '..', '..'));
const d = bindDefaultProse(dataset!);
const pages = [
  { page: 'business-case/index.html', data: '/business-case/case-data.json', types: undefined },
  ...d.partnerTypes.map((t) => ({
    page: `partners/${t.id}/business-case/index.html`,
    data: `/partners/${t.id}/business-case/case-data.json`,
    types: [t.id],
  })),
];

describe('calculator data', () => {
  it.for(pages)('$page names its data file and carries no dataset itself', ({ page, data }) => {
    const html = readFileSync(join(DIST, page), 'utf8');
    const settings = /<script type="application\/json" id="pk-case-data">([\s\S]*?)<\/script>/.exec(
      html,
    );
    expect(settings).not.toBeNull();
    expect(JSON.parse(settings![1]!)).toMatchObject({ dataHref: data });
    // the engine's data (each type's revenue streams, its defaults) is not in the page
    expect(html.includes('"revenueStreams":'), 'revenue streams in the page').toBe(false);
    expect(html.length).toBeLessThan(150_000);
  });

  it.for(pages)(
    "$page's deck form reads the link against the types the calculator does",
    ({ page, types }) => {
      const html = readFileSync(join(DIST, page), 'utf8');
      const ids = /<script type="application\/json" data-case-ids>([\s\S]*?)<\/script>/.exec(html);
      expect(ids).not.toBeNull();
      // A type's page fixes its type: it names that type alone (with every type on every type's
      // page, a site of N types wrote N² ids); the mix builder names them all.
      expect(
        (JSON.parse(ids![1]!) as { partnerTypes: { id: string }[] }).partnerTypes.map((t) => t.id),
      ).toEqual(types ?? d.partnerTypes.map((t) => t.id));
    },
  );

  it.for(pages)('$data is the engine’s slice of the dataset', ({ data, types }) => {
    const file = join(DIST, data);
    expect(existsSync(file), data).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(
      JSON.parse(JSON.stringify(caseDataset(d, types))),
    );
  });
});
