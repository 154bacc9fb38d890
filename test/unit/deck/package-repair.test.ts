// The package repairs, on the XML pptxgenjs 4.0.1 writes (trimmed to what each repair reads), and
// on a whole rendered deck: a clean file by every check in cleanFileProblems.
import { describe, expect, it } from 'vitest';
import {
  pruneContentTypes,
  repairSlide,
  repairChartXml,
  repairPackage,
} from '../../../src/core/deck/package-repair.ts';
import { renderPptx } from '../../../src/core/deck/render-pptx.ts';
import { cleanFileProblems, openPptx } from '../../helpers/pptx.ts';
import { deckFor, single } from '../../helpers/deck-fixture.ts';

/** Words and paragraphs of several slides, as the repair adds them up for app.xml. */
const countWords = (slides: readonly string[]) =>
  slides
    .map(repairSlide)
    .reduce((n, s) => ({ words: n.words + s.words, paragraphs: n.paragraphs + s.paragraphs }), {
      words: 0,
      paragraphs: 0,
    });

// A line chart as pptxgenjs writes it: no grouping, invertIfNegative and the marker after the
// data labels in the series, tickLblSkip after noMultiLvlLbl.
const LINE = `<c:chartSpace><c:chart><c:plotArea><c:lineChart><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:spPr/><c:invertIfNegative val="0"/><c:dLbls><c:showVal val="0"/></c:dLbls><c:marker><c:symbol val="none"/></c:marker><c:cat/><c:val/><c:smooth val="0"/></c:ser><c:dLbls><c:showVal val="0"/></c:dLbls><c:marker val="1"/><c:axId val="1"/><c:axId val="2"/><c:axId val="3"/></c:lineChart><c:catAx><c:axId val="1"/><c:crossAx val="2"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:noMultiLvlLbl val="1"/> <c:tickLblSkip val="6"/></c:catAx><c:valAx><c:axId val="2"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;

describe('chart repairs', () => {
  it('a line chart gets its grouping, loses invertIfNegative, and its marker moves before the labels', () => {
    const fixed = repairChartXml(LINE);
    expect(fixed).toMatch(/<c:lineChart><c:grouping val="standard"\/><c:varyColors/);
    expect(fixed).not.toContain('invertIfNegative');
    const ser = /<c:ser>[\s\S]*?<\/c:ser>/.exec(fixed)![0];
    expect(ser.indexOf('<c:marker>')).toBeLessThan(ser.indexOf('<c:dLbls>'));
    expect(fixed).not.toContain('<c:axId val="3"/>');
    expect(fixed.indexOf('<c:tickLblSkip val="6"/>')).toBeLessThan(
      fixed.indexOf('<c:noMultiLvlLbl'),
    );
    // Idempotent: a repaired part comes back unchanged.
    expect(repairChartXml(fixed)).toBe(fixed);
  });

  it('a bar chart keeps its invertIfNegative (allowed there) and its grouping', () => {
    const bar =
      '<c:plotArea><c:barChart><c:barDir val="col"/><c:grouping val="stacked"/><c:ser><c:invertIfNegative val="0"/></c:ser><c:axId val="1"/></c:barChart><c:catAx><c:axId val="1"/></c:catAx></c:plotArea>';
    expect(repairChartXml(bar)).toBe(bar);
  });
});

describe('slide and package repairs', () => {
  it('shape ids are numbered in order, so a table no longer shares its id with a text box', () => {
    const slide =
      '<p:cNvPr id="1" name=""/><p:cNvPr id="2" name="Text 0"/><p:cNvPr id="3" name="Text 1"/><p:cNvPr id="3" name="Table 0"/><p:cNvPr id="25" name="Slide Number"/>';
    expect([...repairSlide(slide).xml.matchAll(/id="(\d+)"/g)].map((m) => m[1])).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
  });

  it('content-type overrides for parts that were never written are dropped', () => {
    const types =
      '<Types><Override PartName="/ppt/slides/slide1.xml" ContentType="a"/><Override PartName="/ppt/slideMasters/slideMaster2.xml" ContentType="b"/></Types>';
    expect(pruneContentTypes(types, new Set(['ppt/slides/slide1.xml']))).toBe(
      '<Types><Override PartName="/ppt/slides/slide1.xml" ContentType="a"/></Types>',
    );
  });

  it('words and paragraphs are counted from the slides, empty paragraphs aside', () => {
    expect(
      countWords([
        '<a:p><a:r><a:t>You break even</a:t></a:r><a:r><a:t> in month 7</a:t></a:r></a:p><a:p></a:p>',
        '<a:p><a:r><a:t>Next steps</a:t></a:r></a:p>',
      ]),
    ).toEqual({ words: 8, paragraphs: 2 });
  });

  it('one pass numbers the ids and counts the words as the two separate passes did', () => {
    // The two passes repairSlide replaced, kept here as the reference.
    const numbered = (xml: string) => {
      let next = 1;
      return xml.replace(/<p:cNvPr id="\d+"/g, () => `<p:cNvPr id="${next++}"`);
    };
    const counted = (xml: string) => {
      let words = 0;
      let paragraphs = 0;
      for (const p of xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
        const runs = [...p[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('');
        if (!runs.trim()) continue;
        paragraphs++;
        words += runs.trim().split(/\s+/).length;
      }
      return { words, paragraphs };
    };
    const slides = [
      '<p:sp><p:cNvPr id="2" name="a"/><a:p><a:r><a:t>Fabrikam &amp; Co</a:t></a:r><a:br/><a:r><a:t>  two  </a:t></a:r></a:p></p:sp><p:cNvPr id="25" name="n"/>',
      // a paragraph not closed, text outside any, a stray end, an empty run, one inside another
      '<a:t>loose</a:t></a:p><a:p><a:t></a:t></a:p><a:p><a:t>a x</a:t><a:p><a:t>b c</a:t></a:p><a:t>d</a:t></a:p><a:p><a:t>open',
      '<p:cNvPr id="x"/><p:cNvPr id="7"/><a:pPr/><a:p><a:pPr algn="r"/><a:t>שותפים בע״מ</a:t><a:t>—9%</a:t></a:p>',
      '',
    ];
    for (const xml of slides) {
      const { xml: out, words, paragraphs } = repairSlide(xml);
      expect(out).toBe(numbered(xml));
      expect({ words, paragraphs }).toEqual(counted(xml));
    }
    expect(countWords(slides)).toEqual({ words: 9, paragraphs: 3 });
  });

  it('media stored twice is kept once, and the relationships point at the copy kept', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const logo = Uint8Array.from([137, 80, 78, 71, 1, 2, 3]);
    const out = repairPackage([
      { name: '[Content_Types].xml', data: enc('<Types/>') },
      { name: 'ppt/media/image-1-1.png', data: logo },
      { name: 'ppt/media/image-1003-1.png', data: logo.slice() },
      {
        name: 'ppt/slideMasters/_rels/slideMaster1.xml.rels',
        data: enc('<Relationship Target="../media/image-1003-1.png"/>'),
      },
    ]);
    expect(out.map((p) => p.name)).toEqual([
      '[Content_Types].xml',
      'ppt/media/image-1-1.png',
      'ppt/slideMasters/_rels/slideMaster1.xml.rels',
    ]);
    expect(out[2]!.data).toBe('<Relationship Target="../media/image-1-1.png"/>');
  });
});

describe('a rendered deck', () => {
  it('fails the clean-file checks as pptxgenjs writes it, before the repairs (the checks can fail)', async () => {
    const { deck } = deckFor(single('reseller'), { company: 'Northwind' });
    const unrepaired = await renderPptx(deck, { repack: (raw) => raw });
    const problems = (await cleanFileProblems(await openPptx(unrepaired))).join('\n');
    expect(problems).toMatch(/line chart without c:grouping first/);
    expect(problems).toMatch(/c:invertIfNegative in a line chart/);
    expect(problems).toMatch(/shape ids repeated/);
    expect(problems).toMatch(/overrides ppt\/slideMasters\/slideMaster\d+\.xml, which is not in/);
    expect(problems).toMatch(/stores the same bytes as/);
  });

  it('passes every clean-file check (browser path, JSZip)', async () => {
    const { deck } = deckFor(single('consultancy'), { company: 'Northwind' });
    const opened = await openPptx(await renderPptx(deck));
    expect(await cleanFileProblems(opened)).toEqual([]);
    expect(opened.names.filter((n) => n.startsWith('ppt/media/'))).toHaveLength(1);
  });
});
