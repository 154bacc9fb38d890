// The build's ZIP codec (native zlib) against the browser's (JSZip): the same parts, the same
// repairs, a file JSZip and the deck checks open, and the same bytes on every build.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { needsRepair, renderPptx, repairChartXml } from '../../../src/core/deck/render-pptx.ts';
import { nodeRepack } from '../../../src/node/pptx-repack.ts';
import { readZip, writeZip } from '../../../src/node/zip.ts';
import { deckFor, single } from '../../helpers/decks.ts';
import { chartRepairTriggers, deckProblems } from '../../helpers/pptx.ts';

const prospect = { company: 'Fabrikam & Partners <EU>', contact: 'Jo O\'Neil', region: 'Nordics' };
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('ZIP reader and writer', () => {
  it('round-trips names (UTF-8 too), empty entries and binary data, and JSZip reads the result', async () => {
    const entries = [
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>'.repeat(50)) },
      { name: 'ppt/', data: new Uint8Array() },
      { name: 'ppt/media/é.bin', data: Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256) },
    ];
    for (const compression of [true, false]) {
      const zip = writeZip(entries, compression);
      expect(readZip(zip).map((e) => [e.name, [...e.data]])).toEqual(entries.map((e) => [e.name, [...e.data]]));
      const opened = await JSZip.loadAsync(zip);
      expect(await opened.file('[Content_Types].xml')!.async('string')).toBe('<Types/>'.repeat(50));
      expect([...(await opened.file('ppt/media/é.bin')!.async('uint8array'))]).toEqual([...entries[2]!.data]);
    }
  });

  it('reads archives JSZip deflated', async () => {
    const z = new JSZip();
    z.file('a.xml', '<a>'.repeat(1000));
    const bytes = await z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(text(readZip(bytes)[0]!.data)).toBe('<a>'.repeat(1000));
  });

  it('names the problem when the bytes are not a ZIP archive', () => {
    expect(() => readZip(new TextEncoder().encode('not a zip file at all, just some text here'))).toThrow(/not a ZIP archive/);
  });
});

describe('decks re-packed with native zlib', () => {
  it('hold the same parts as the JSZip path, repaired charts, and pass every deck check', async () => {
    const { deck } = deckFor(single('managed-service-provider'), prospect);
    let raw: Uint8Array | undefined;
    const bytes = await renderPptx(deck, { repack: (r, repair, c) => nodeRepack((raw = r), repair, c) });
    // The browser's path on the same pptxgenjs output: JSZip, and the repair on every chart part.
    const viaJsZip = await JSZip.loadAsync(raw!);
    const viaZlib = readZip(bytes);
    expect(viaZlib.map((e) => e.name)).toEqual(Object.keys(viaJsZip.files));
    for (const e of viaZlib.filter((x) => x.name.endsWith('.xml') || x.name.endsWith('.rels'))) {
      const original = await viaJsZip.file(e.name)!.async('string');
      expect(text(e.data), e.name).toBe(needsRepair(e.name) ? repairChartXml(original) : original);
    }
    const charts = viaZlib.filter((e) => needsRepair(e.name));
    expect(charts.length).toBe(2);
    for (const c of charts) expect(chartRepairTriggers(c.name, text(c.data))).toEqual([]);
    const { problems } = await deckProblems(bytes, { slides: deck.slides.length, prospect: prospect.company, charts: 2 });
    expect(problems).toEqual([]);
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
