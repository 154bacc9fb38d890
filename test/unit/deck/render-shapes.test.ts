// The renderer on blocks the shipped sequences draw rarely (src/core/deck/render-pptx.ts):
// numbered and bulleted paragraphs, filled text boxes, a stacked bar chart with its values on
// the bars, and a browser download (a Blob, stored without compression). Each file still opens
// and passes the XML checks.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { loadPptxGenJS, renderPptx } from '../../../src/core/deck/render-pptx.ts';
import type { Block, Deck } from '../../../src/core/deck/model.ts';
import { malformedParts, openPptx } from '../../helpers/pptx.ts';
import { deckFor, single } from '../../helpers/deck-fixture.ts';

function withExtraSlide(deck: Deck): Deck {
  const blocks = deck.slides.flatMap((s) => s.blocks);
  const text = blocks.find((b): b is Extract<Block, { type: 'text' }> => b.type === 'text')!;
  const chart = blocks.find(
    (b): b is Extract<Block, { type: 'chart' }> =>
      b.type === 'chart' && b.kind === 'bar' && b.series.length > 1,
  )!;
  const extra: Block[] = [
    { ...text, paragraphs: ['First step', 'Second step'], bullets: 'numbered', indent: undefined },
    {
      ...text,
      paragraphs: ['A point', 'Another point'],
      bullets: true,
      indent: undefined,
      box: { ...text.box, y: text.box.y + 1 },
    },
    { ...text, paragraphs: ['On a tint'], fill: 'EEF2F7', box: { ...text.box, y: text.box.y + 2 } },
    { ...chart, stacked: true, showValues: true },
  ];
  const base = deck.slides[1]!;
  return { ...deck, slides: [...deck.slides, { ...base, title: 'Extra shapes', blocks: extra }] };
}

describe('rarely drawn blocks', () => {
  it('numbered and bulleted text, a filled box and a stacked chart with values: a clean file', async () => {
    const { deck } = deckFor(single('reseller'), { company: 'Northwind' });
    const extended = withExtraSlide(deck);
    expect(extended.slides.at(-1)!.blocks.some((b) => b.type === 'chart')).toBe(true);
    const opened = await openPptx(await renderPptx(extended));
    expect(malformedParts(opened)).toEqual([]);
    expect(opened.slideText.at(-1)).toMatch(/First step.*Second step/s);
    const xml = [...opened.xml.entries()].filter(([n]) => /ppt\/slides\/slide\d+\.xml$/.test(n));
    const last = xml
      .sort(([a], [b]) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]))
      .at(-1)![1];
    expect(last).toMatch(/<a:buAutoNum /);
    expect(last).toMatch(/<a:buChar /);
  });

  it('a one-paragraph text box, drawn from a string, is written as the same paragraph as a run', async () => {
    // drawText passes a lone plain paragraph as a string (cheaper in pptxgenjs): the XML must be
    // what the paragraph as a run of its own gives, whatever the text and the frame's options.
    const PptxGenJS = await loadPptxGenJS();
    const slideXml = async (
      draw: (slide: ReturnType<InstanceType<typeof PptxGenJS>['addSlide']>) => void,
    ) => {
      const pptx = new PptxGenJS();
      draw(pptx.addSlide());
      const zip = await JSZip.loadAsync(await pptx.write({ outputType: 'uint8array' }));
      return zip.file('ppt/slides/slide1.xml')!.async('string');
    };
    const frame = {
      x: 1,
      y: 1,
      w: 4,
      h: 1,
      fontFace: 'Calibri',
      fontSize: 14,
      color: '1F2937',
      bold: false,
      align: 'left' as const,
      valign: 'top' as const,
      margin: [7.2, 7.2, 3.6, 3.6] as [number, number, number, number],
    };
    const variants = [
      {},
      { fill: { color: 'EEF2F7' }, bold: true },
      { rtlMode: true, align: 'right' as const },
    ];
    for (const text of ['Plain words', '', 'Fabrikam & <Partners> "quoted"', 'שותפים בע״מ'])
      for (const extra of variants) {
        const rtl = 'rtlMode' in extra ? { rtlMode: true } : {};
        const asString = await slideXml((s) => s.addText(text, { ...frame, ...extra }));
        const asRun = await slideXml((s) =>
          s.addText([{ text, options: { breakLine: false, ...rtl } }], { ...frame, ...extra }),
        );
        expect(asString).toBe(asRun);
        expect(asString.includes('<a:t>')).toBe(text !== '');
      }
  });

  it('a browser download is a Blob of a PowerPoint file, stored or compressed as asked', async () => {
    const { deck } = deckFor(single('referral-partner'), { company: 'Northwind' });
    const blob = await renderPptx(deck, { output: 'blob', compression: false });
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.type).toBe(
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    );
    const stored = new Uint8Array(await blob.arrayBuffer());
    const deflated = await renderPptx(deck);
    expect(stored.length).toBeGreaterThan(deflated.length);
    expect(malformedParts(await openPptx(stored))).toEqual([]);
  });
});
