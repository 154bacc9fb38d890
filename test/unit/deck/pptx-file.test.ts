// Generated files: unzip, parse every XML part (all well-formed), slide count, chart parts,
// notes, the prospect's name, and no chart construct known to make PowerPoint repair a file.
import PptxGenJS from 'pptxgenjs';
import { describe, expect, it } from 'vitest';
import { drawDeck, renderPptx, repairChartXml } from '../../../src/core/deck/render-pptx.ts';
import {
  allChartTriggers,
  chartRepairTriggers,
  deckProblems,
  malformedParts,
  openPptx,
  xmlProblems,
} from '../../helpers/pptx.ts';
import { dataset, deckFor, pptxFor, single } from '../../helpers/deck-fixture.ts';

const prospect = {
  company: 'Fabrikam & Partners <EU>',
  contact: 'Jo "JJ" O\'Neil, CFO',
  region: 'Nordics',
};

describe("every partner type's deck file", () => {
  for (const t of dataset.partnerTypes) {
    it(`${t.id}: well-formed parts, one slide and one notes part per model slide, native charts, the prospect's name`, async () => {
      const { deck, bytes } = await pptxFor(single(t.id), prospect);
      const charts = deck.slides.flatMap((s) => s.blocks).filter((b) => b.type === 'chart').length;
      expect(charts).toBeGreaterThanOrEqual(2);
      const { problems, opened } = await deckProblems(bytes, {
        slides: deck.slides.length,
        prospect: prospect.company,
        charts,
      });
      expect(problems).toEqual([]);
      // The chart parts are native charts with an embedded workbook, so they stay editable.
      expect(opened.names.filter((n) => /^ppt\/embeddings\/.*\.xlsx$/.test(n))).toHaveLength(
        charts,
      );
      expect(opened.slideText[deck.slides.findIndex((s) => s.kind === 'headline')]).toContain(
        deck.figures.npv,
      );
      // Notes carry the model's talk track (pptxgenjs escapes them; the parsed text is the same).
      expect(opened.notes.map((n) => n.slice(0, 40))).toEqual(
        deck.slides.map((s) => s.notes.slice(0, 40)),
      );
      // The logo is embedded as a media part, not linked.
      expect(opened.names.some((n) => /^ppt\/media\/.*\.png$/.test(n))).toBe(true);
      expect([...opened.xml.values()].some((x) => /TargetMode="External"/.test(x))).toBe(false);
    });
  }
});

describe('compression and size', () => {
  it('decks are DEFLATE-compressed and well under 300 KB', async () => {
    const { bytes } = await pptxFor(single('reseller'), prospect);
    const stored = await renderPptx(deckFor(single('reseller'), prospect).deck, {
      compression: false,
    });
    expect(bytes.length).toBeLessThan(300 * 1024);
    expect(bytes.length).toBeLessThan(stored.length * 0.6);
    // Local file headers: compression method 8 (DEFLATE) on the XML parts.
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    let deflated = 0;
    for (let i = 0; i + 30 < bytes.length; i++)
      if (view.getUint32(i, true) === 0x04034b50 && view.getUint16(i + 8, true) === 8) deflated++;
    expect(deflated).toBeGreaterThan(20);
  });
});

describe('chart repair triggers', () => {
  it('the checker finds each known trigger in raw pptxgenjs output', async () => {
    const p = new PptxGenJS();
    const s = p.addSlide();
    s.addChart(p.ChartType.bar, [{ name: 'only', labels: ['a', 'b'], values: [1, 2] }], {
      x: 1,
      y: 1,
      w: 4,
      h: 3,
      barGrouping: 'stacked',
    });
    // A combo chart: pptxgenjs takes (types, options) here, which its typings do not describe.
    (s.addChart as unknown as (types: unknown[], options: object) => void)(
      [
        {
          type: p.ChartType.bar,
          data: [{ name: 'x', labels: ['a', 'b'], values: [1, 2] }],
          options: {},
        },
        {
          type: p.ChartType.line,
          data: [{ name: 'y', labels: ['a', 'b'], values: [2, 3] }],
          options: { secondaryValAxis: true, secondaryCatAxis: true },
        },
      ],
      { x: 5, y: 1, w: 4, h: 3, valAxes: [{}, {}], catAxes: [{}, { catAxisHidden: true }] },
    );
    const opened = await openPptx((await p.write({ outputType: 'uint8array' })) as Uint8Array);
    const found = allChartTriggers(opened).join('\n');
    expect(found).toMatch(/#1534/); // pptxgenjs 4.0.1 writes a third, undefined axis id on 2D bars
    expect(found).toMatch(/#1357/);
    expect(found).toMatch(/#1233/);
    expect(
      chartRepairTriggers(
        'c.xml',
        '<c:plotArea><c:barChart><c:ser></c:ser><c:ser></c:ser></c:barChart></c:plotArea><a:srgbClr val="red"/>',
      ),
    ).toEqual(['c.xml: colour "red" is not six hex digits (#588)']);
  });

  it('the renderer removes the dangling axis id pptxgenjs writes, and leaves defined ones', () => {
    const xml =
      '<c:plotArea><c:barChart><c:ser/><c:axId val="1"/><c:axId val="2"/><c:axId val="3"/></c:barChart><c:catAx><c:axId val="1"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:crossAx val="1"/></c:valAx></c:plotArea>';
    const fixed = repairChartXml(xml);
    expect(fixed).not.toContain('val="3"');
    expect(chartRepairTriggers('c.xml', fixed)).toEqual([]);
    expect(repairChartXml(fixed)).toBe(fixed);
  });

  it('a single-series bar (a one-stream case) is written as a plain clustered bar, no repair trigger', async () => {
    const { deck } = deckFor(single('reseller'), prospect);
    const one = structuredClone(deck);
    const chart = one.slides
      .find((s) => s.kind === 'business-case')!
      .blocks.find((b) => b.type === 'chart' && b.kind === 'bar')!;
    if (chart.type !== 'chart') throw new Error();
    chart.series = chart.series.slice(0, 1);
    chart.stacked = false; // what the model decides for one series
    const opened = await openPptx(await renderPptx(one));
    expect(allChartTriggers(opened)).toEqual([]);
    const bars = [...opened.xml.entries()].filter(
      ([n, x]) => n.startsWith('ppt/charts/chart') && x.includes('<c:barChart>'),
    );
    expect(bars.length).toBeGreaterThan(0);
    for (const [, xml] of bars) expect(xml).toContain('<c:grouping val="clustered"/>');
  });

  it('a deck model with a one-series stacked bar or a colour name is refused by the renderer', () => {
    const { deck } = deckFor(single('reseller'), prospect);
    const bad = structuredClone(deck);
    const chart = bad.slides.flatMap((s) => s.blocks).find((b) => b.type === 'chart')!;
    if (chart.type !== 'chart') throw new Error();
    chart.series = chart.series.slice(0, 1);
    chart.stacked = true;
    expect(() => drawDeck(bad, PptxGenJS)).toThrow(/#1357/);
    const named = structuredClone(deck);
    named.theme.colours.primary = 'navy';
    expect(() => drawDeck(named, PptxGenJS)).toThrow(/six hex digits/);
  });
});

describe('the XML checker', () => {
  it('accepts well-formed parts and rejects the ways pptxgenjs output goes wrong', () => {
    expect(
      xmlProblems('<?xml version="1.0"?><a x="1" y=\'2\'><b>t &amp; &#x1F600; &lt;</b><c/></a>'),
    ).toEqual([]);
    expect(xmlProblems('<a>\u0001</a>')[0]).toMatch(/U\+0001/);
    expect(xmlProblems('<a>\uD800</a>')[0]).toMatch(/U\+D800/);
    expect(xmlProblems('<a>&</a>')[0]).toMatch(/bare &/);
    expect(xmlProblems('<a>&nbsp;</a>')[0]).toMatch(/unknown entity/);
    expect(xmlProblems('<a>&#1;</a>')[0]).toMatch(/not an XML character/);
    expect(xmlProblems('<a x="1" x="2"/>')[0]).toMatch(/twice/);
    expect(xmlProblems('<a x="<"/>')[0]).toMatch(/< in attribute/);
    expect(xmlProblems('<a><b></a></b>')[0]).toMatch(/does not match/);
    expect(xmlProblems('<a/><b/>')).toContain('2 root elements');
    expect(xmlProblems('<a name="x"y="1"/>')[0]).toMatch(/no space/);
  });

  it('the example decks pass it, part by part', async () => {
    const { bytes } = await pptxFor(
      single('consultancy', { vertical: dataset.verticals[0]!.id }),
      prospect,
    );
    const opened = await openPptx(bytes);
    expect(opened.xml.size).toBeGreaterThan(30);
    expect(malformedParts(opened)).toEqual([]);
  });
});
