// The build's ZIP codec (native zlib) against the browser's (JSZip): the same parts, the same
// repairs, a file JSZip and the deck checks open, and the same bytes on every build.
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPptx } from '../../../src/core/deck/render-pptx.ts';
import { repairPackage } from '../../../src/core/deck/package-repair.ts';
import { nodeRepack, renumberCharts } from '../../../src/node/pptx-repack.ts';
import { readZip, writeZip } from '../../../src/node/zip.ts';
import { zipDirectory } from '../../../src/core/deck/stored-zip.ts';
import { deckFor, single } from '../../helpers/deck-fixture.ts';
import { chartRepairTriggers, deckProblems } from '../../helpers/pptx.ts';

const prospect = { company: 'Fabrikam & Partners <EU>', contact: "Jo O'Neil", region: 'Nordics' };
const text = (b: Uint8Array | string) => (typeof b === 'string' ? b : new TextDecoder().decode(b));
const isChart = (name: string) => /^ppt\/charts\/chart\d+\.xml$/.test(name);

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

  it('writes the same archive from text as from its bytes, packed afresh or from its cache', () => {
    const parts = [
      {
        name: 'ppt/slides/slide1.xml',
        data: `<p:sld>${'<a:t>Café – 10%</a:t>'.repeat(40)}</p:sld>`,
      },
      {
        name: 'ppt/slides/slide2.xml',
        data: `<p:sld>${'<a:t>Café – 10%</a:t>'.repeat(40)}</p:sld>`,
      },
      // as long as the slides, and different: found by its text, not its length
      {
        name: 'ppt/slides/slide3.xml',
        data: `<p:sld>${'<a:t>Cafe – 20%</a:t>'.repeat(40)}</p:sld>`,
      },
      { name: '_rels/.rels', data: '<Relationships/>' },
      { name: 'ppt/media/logo.png', data: '<not deflated: an image>'.repeat(20) },
    ];
    const asBytes = parts.map((p) => ({ name: p.name, data: new TextEncoder().encode(p.data) }));
    // Stored, deflated and stored again: a part cached one way is packed the other way when asked.
    for (const compression of [false, true, false, true]) {
      const fromText = writeZip(parts, compression);
      expect(fromText).toEqual(writeZip(asBytes, compression));
      expect(fromText).toEqual(writeZip(parts, compression));
      const read = readZip(fromText);
      expect(read.map((e) => [e.name, text(e.data)])).toEqual(parts.map((p) => [p.name, p.data]));
    }
    // Deflated where it pays, whichever way the part came: the slides, not the image or the tiny part.
    const methods = zipDirectory(writeZip(parts, true)).map((e) => e.method);
    expect(methods).toEqual([8, 8, 8, 0, 0]);
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
    // The browser's path on the same pptxgenjs output: JSZip reads the parts, the same package
    // repairs, charts numbered from 1 in the deck (renumberCharts) whatever pptxgenjs's counter said.
    const zip = await JSZip.loadAsync(raw!);
    const parts = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => !zip.files[n]!.dir)
        .map(async (name) => ({ name, data: await zip.file(name)!.async('uint8array') })),
    );
    const viaJsZip = renumberCharts(repairPackage(parts));
    const viaZlib = readZip(bytes).filter((e) => !e.name.endsWith('/'));
    expect(viaZlib.map((e) => e.name)).toEqual(viaJsZip.map((e) => e.name));
    viaZlib.forEach((e, i) => expect(text(e.data), e.name).toBe(text(viaJsZip[i]!.data)));
    const charts = viaZlib.filter((e) => isChart(e.name));
    const drawn = deck.slides.flatMap((s) => s.blocks).filter((b) => b.type === 'chart').length;
    expect(charts.length).toBe(drawn);
    for (const c of charts) expect(chartRepairTriggers(c.name, text(c.data))).toEqual([]);
    const { problems } = await deckProblems(bytes, {
      slides: deck.slides.length,
      prospect: prospect.company,
      charts: drawn,
    });
    expect(problems).toEqual([]);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('give a deck the same parts whatever its thread rendered before (charts numbered from 1)', async () => {
    // The clock is pinned (Date only): core.xml and the chart workbooks carry the render time to
    // the second, so two renders either side of a second boundary would differ in those alone.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-02T09:30:00Z') });
    const { deck } = deckFor(single('reseller'), prospect);
    const first = await renderPptx(deck, { repack: nodeRepack });
    // pptxgenjs's chart counter moves on with every chart drawn in this module instance.
    await renderPptx(deckFor(single('managed-service-provider'), prospect).deck, {
      repack: nodeRepack,
    });
    const raw = await renderPptx(deck, { compression: false });
    expect(
      readZip(raw)
        .filter((e) => isChart(e.name))
        .map((e) => e.name),
    ).not.toContain('ppt/charts/chart1.xml');
    const again = await renderPptx(deck, { repack: nodeRepack });
    // Every part the same, by name and bytes, the chart workbooks too.
    const parts = (zip: Uint8Array) => readZip(zip).map((e) => [e.name, [...e.data]]);
    expect(parts(again)).toEqual(parts(first));
    const core = text(readZip(again).find((e) => e.name === 'docProps/core.xml')!.data);
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-03-02T09:30:00Z<');
    const names = readZip(again)
      .map((e) => e.name)
      .filter((n) => /(chart|Worksheet)\d/.test(n));
    const drawn = deck.slides.flatMap((s) => s.blocks).filter((b) => b.type === 'chart').length;
    const numbers = Array.from({ length: drawn }, (_, i) => i + 1);
    expect(names.sort()).toEqual(
      [
        ...numbers.map((n) => `ppt/charts/_rels/chart${n}.xml.rels`),
        ...numbers.map((n) => `ppt/charts/chart${n}.xml`),
        ...numbers.map((n) => `ppt/embeddings/Microsoft_Excel_Worksheet${n}.xlsx`),
      ].sort(),
    );
    const { problems } = await deckProblems(again, {
      slides: deck.slides.length,
      prospect: prospect.company,
      charts: drawn,
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
    const a = nodeRepack(raw, (x) => [...x], true) as Uint8Array;
    const b = nodeRepack(raw, (x) => [...x], true) as Uint8Array;
    expect(a.length).toBeLessThan(jszip.length * 1.02);
    expect(Buffer.compare(a, b)).toBe(0);
  });
});
