// The build's ZIP codec (native zlib) against the browser's (JSZip): the same parts, the same
// repairs, a file JSZip and the deck checks open, and the same bytes on every build.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { needsRepair, renderPptx, repairChartXml } from '../../../src/core/deck/render-pptx.ts';
import { nodeRepack, renumberCharts } from '../../../src/node/pptx-repack.ts';
import { readZip, writeZip } from '../../../src/node/zip.ts';
import { deckFor, single } from '../../helpers/decks.ts';
import { chartRepairTriggers, deckProblems } from '../../helpers/pptx.ts';

const prospect = { company: 'Fabrikam & Partners <EU>', contact: "Jo O'Neil", region: 'Nordics' };
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const renumbered = (zip: Uint8Array) => writeZip(renumberCharts(readZip(zip)), false);

describe('ZIP reader and writer', () => {
  it('round-trips names (UTF-8 too), empty entries and binary data, and JSZip reads the result', async () => {
    const entries = [
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>'.repeat(50)) },
      { name: 'ppt/', data: new Uint8Array() },
      {
        name: 'ppt/media/é.bin',
        data: Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256),
      },
    ];
    for (const compression of [true, false]) {
      const zip = writeZip(entries, compression);
      expect(readZip(zip).map((e) => [e.name, [...e.data]])).toEqual(
        entries.map((e) => [e.name, [...e.data]]),
      );
      const opened = await JSZip.loadAsync(zip);
      expect(await opened.file('[Content_Types].xml')!.async('string')).toBe('<Types/>'.repeat(50));
      expect([...(await opened.file('ppt/media/é.bin')!.async('uint8array'))]).toEqual([
        ...entries[2]!.data,
      ]);
    }
  });

  it('reads archives JSZip deflated', async () => {
    const z = new JSZip();
    z.file('a.xml', '<a>'.repeat(1000));
    const bytes = await z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(text(readZip(bytes)[0]!.data)).toBe('<a>'.repeat(1000));
  });

  it('names the problem when the bytes are not a ZIP archive', () => {
    expect(() =>
      readZip(new TextEncoder().encode('not a zip file at all, just some text here')),
    ).toThrow(/not a ZIP archive/);
  });
});

describe('decks re-packed with native zlib', () => {
  it('hold the same parts as the JSZip path, repaired charts, and pass every deck check', async () => {
    const { deck } = deckFor(single('managed-service-provider'), prospect);
    let raw: Uint8Array | undefined;
    const bytes = await renderPptx(deck, {
      repack: (r, repair, c) => nodeRepack((raw = r), repair, c),
    });
    // The browser's path on the same pptxgenjs output: JSZip, and the repair on every chart part.
    // Charts numbered from 1 in the deck (renumberCharts), whatever pptxgenjs's counter said.
    const viaJsZip = await JSZip.loadAsync(renumbered(raw!));
    const viaZlib = readZip(bytes);
    expect(viaZlib.map((e) => e.name)).toEqual(Object.keys(viaJsZip.files));
    for (const e of viaZlib.filter((x) => x.name.endsWith('.xml') || x.name.endsWith('.rels'))) {
      const original = await viaJsZip.file(e.name)!.async('string');
      expect(text(e.data), e.name).toBe(needsRepair(e.name) ? repairChartXml(original) : original);
    }
    const charts = viaZlib.filter((e) => needsRepair(e.name));
    expect(charts.length).toBe(2);
    for (const c of charts) expect(chartRepairTriggers(c.name, text(c.data))).toEqual([]);
    const { problems } = await deckProblems(bytes, {
      slides: deck.slides.length,
      prospect: prospect.company,
      charts: 2,
    });
    expect(problems).toEqual([]);
  });

  it('give a deck the same parts whatever its thread rendered before (charts numbered from 1)', async () => {
    const { deck } = deckFor(single('reseller'), prospect);
    const first = await renderPptx(deck, { repack: nodeRepack });
    // pptxgenjs's chart counter moves on with every chart drawn in this module instance.
    await renderPptx(deckFor(single('managed-service-provider'), prospect).deck, {
      repack: nodeRepack,
    });
    const raw = await renderPptx(deck, { compression: false });
    expect(
      readZip(raw)
        .filter((e) => needsRepair(e.name))
        .map((e) => e.name),
    ).not.toContain('ppt/charts/chart1.xml');
    const again = await renderPptx(deck, { repack: nodeRepack });
    // Every part the same, by name and bytes. In this thread pptxgenjs makes the chart workbooks
    // with JSZip, which stamps them with the time; the deck workers' ZIP writer does not, and
    // test/unit/deck/cli.test.ts compares whole files from two runs on several workers.
    const parts = (zip: Uint8Array) =>
      readZip(zip).map((e) => [e.name, e.name.endsWith('.xlsx') ? '' : text(e.data)]);
    expect(parts(again)).toEqual(parts(first));
    const names = readZip(again)
      .map((e) => e.name)
      .filter((n) => /(chart|Worksheet)\d/.test(n));
    expect(names.sort()).toEqual([
      'ppt/charts/_rels/chart1.xml.rels',
      'ppt/charts/_rels/chart2.xml.rels',
      'ppt/charts/chart1.xml',
      'ppt/charts/chart2.xml',
      'ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx',
      'ppt/embeddings/Microsoft_Excel_Worksheet2.xlsx',
    ]);
    const { problems } = await deckProblems(again, {
      slides: deck.slides.length,
      prospect: prospect.company,
      charts: 2,
    });
    expect(problems).toEqual([]);
  });

  it("renumbering renames a chart's parts and every reference to them, and nothing else", () => {
    const part = (name: string, body: string) => ({ name, data: new TextEncoder().encode(body) });
    const out = renumberCharts([
      part(
        '[Content_Types].xml',
        '<Override PartName="/ppt/charts/chart7.xml"/><Override PartName="/ppt/charts/chart9.xml"/>',
      ),
      part(
        'ppt/slides/_rels/slide2.xml.rels',
        '<Relationship Target="../charts/chart9.xml"/><Relationship Target="../charts/chart7.xml"/>',
      ),
      part('ppt/charts/chart7.xml', '<c:chart>chart7.xml stays in a chart part</c:chart>'),
      part(
        'ppt/charts/_rels/chart7.xml.rels',
        '<Relationship Target="../embeddings/Microsoft_Excel_Worksheet7.xlsx"/>',
      ),
      part('ppt/embeddings/Microsoft_Excel_Worksheet7.xlsx', 'xlsx'),
      part('ppt/charts/chart9.xml', '<c:chart/>'),
      part(
        'ppt/charts/_rels/chart9.xml.rels',
        '<Relationship Target="../embeddings/Microsoft_Excel_Worksheet9.xlsx"/>',
      ),
      part('ppt/embeddings/Microsoft_Excel_Worksheet9.xlsx', 'xlsx'),
    ]);
    expect(out.map((e) => e.name)).toEqual([
      '[Content_Types].xml',
      'ppt/slides/_rels/slide2.xml.rels',
      'ppt/charts/chart1.xml',
      'ppt/charts/_rels/chart1.xml.rels',
      'ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx',
      'ppt/charts/chart2.xml',
      'ppt/charts/_rels/chart2.xml.rels',
      'ppt/embeddings/Microsoft_Excel_Worksheet2.xlsx',
    ]);
    expect(out.map((e) => text(e.data))).toEqual([
      '<Override PartName="/ppt/charts/chart1.xml"/><Override PartName="/ppt/charts/chart2.xml"/>',
      '<Relationship Target="../charts/chart2.xml"/><Relationship Target="../charts/chart1.xml"/>',
      '<c:chart>chart7.xml stays in a chart part</c:chart>',
      '<Relationship Target="../embeddings/Microsoft_Excel_Worksheet1.xlsx"/>',
      'xlsx',
      '<c:chart/>',
      '<Relationship Target="../embeddings/Microsoft_Excel_Worksheet2.xlsx"/>',
      'xlsx',
    ]);
  });

  it('compress at least as well as JSZip, and give the same bytes for the same parts', async () => {
    const { deck } = deckFor(single('reseller'), prospect);
    const raw = await renderPptx(deck, { compression: false });
    const jszip = await renderPptx(deck);
    const a = nodeRepack(raw, (x) => x, true) as Uint8Array;
    const b = nodeRepack(raw, (x) => x, true) as Uint8Array;
    expect(a.length).toBeLessThan(jszip.length * 1.02);
    expect(Buffer.compare(a, b)).toBe(0);
  });
});
