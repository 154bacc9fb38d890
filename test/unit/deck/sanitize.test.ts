// Any input text is safe: XML specials, emoji, right-to-left scripts, control characters and
// 5,000-character strings, in the prospect fields and in marketer copy, give well-formed files.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderPptx } from '../../../src/core/deck/render-pptx.ts';
import { DeckInputError } from '../../../src/core/deck/build-deck.ts';
import {
  isRtl,
  sanitizeDeep,
  sanitizeLine,
  sanitizeShared,
  sanitizeText,
} from '../../../src/core/deck/sanitize.ts';
import { deckProblems, malformedParts, openPptx, xmlProblems } from '../../helpers/pptx.ts';
import {
  chartCount,
  dataset,
  deckFor,
  prospectBlock,
  single,
  textFits,
} from '../../helpers/deck-fixture.ts';

const NASTY = [
  '<script>&amp;"\'</script>',
  ']]><![CDATA[',
  'Ünïcödé ✓ 🚀👩‍💻🇫🇷',
  'שותפים בע״מ',
  'شركة الشركاء المحدودة',
  'A\u0000B\u0001C\u0008D\u000BE\u000CF\u001FG\u007FH\u0085I\u009F',
  '\uD800 lone high, lone low \uDC00',
  '\uFFFE\uFFFF non-characters',
  '\u202Eoverride\u202C \u200F mark',
  'tab\there\r\nCRLF\rCR\u2028LS\u2029PS',
  '&#1; &#x0; &lt; not-an-entity &nbsp;',
  'x'.repeat(5000),
  'word '.repeat(1000),
];

/** Strings with a good share of the characters that break PPTX files. */
const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  {
    weight: 2,
    arbitrary: fc.string({
      unit: fc.constantFrom(
        '<',
        '>',
        '&',
        '"',
        "'",
        '\u0000',
        '\u0001',
        '\u000B',
        '\uFFFF',
        '\uD800',
        '\uDC00',
        'ש',
        'ع',
        '🚀',
        '\u202E',
        ' ',
        'a',
        '\n',
        '\r',
      ),
      maxLength: 80,
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 4000, maxLength: 5000 }) },
);

const XML_CHAR = /^[\t\n\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('sanitizeText', () => {
  it('leaves only XML 1.0 characters, whatever the input (property)', () => {
    fc.assert(
      fc.property(nastyString, (s) => {
        const clean = sanitizeText(s);
        expect(clean).toMatch(XML_CHAR);
        expect(xmlProblems(`<a b="${esc(clean)}">${esc(clean)}</a>`)).toEqual([]);
        expect(sanitizeText(clean)).toBe(clean); // idempotent
        expect(sanitizeLine(s)).not.toMatch(/\n/);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps what people write: accents, emoji, Hebrew, Arabic, XML specials', () => {
    expect(sanitizeText('Ünïcödé ✓ 🚀👩‍💻')).toBe('Ünïcödé ✓ 🚀👩‍💻');
    expect(sanitizeText('<Acme & "Sons">')).toBe('<Acme & "Sons">');
    expect(sanitizeText('שותפים')).toBe('שותפים');
    expect(sanitizeText('A\u0000B\u000BC\u001FD')).toBe('AB\nCD');
    expect(sanitizeText('\uD800x\uDC00')).toBe('\uFFFDx\uFFFD');
    expect(sanitizeText('a\r\nb\rc')).toBe('a\nb\nc');
    expect(sanitizeText('x'.repeat(20_000)).length).toBeLessThanOrEqual(10_001);
    expect(isRtl('שותפים בע״מ')).toBe(true);
    expect(isRtl('Acme שותפים')).toBe(false);
    expect(sanitizeDeep({ a: ['\u0001x'], n: 3, b: true })).toEqual({ a: ['x'], n: 3, b: true });
  });

  it('plain one-line ASCII (the quick path) is kept as is, and still trimmed and bounded', () => {
    expect(sanitizeText('Northwind IT, Inc. (EMEA)  #42')).toBe('Northwind IT, Inc. (EMEA)  #42');
    expect(sanitizeText(' padded ')).toBe('padded');
    expect(sanitizeText('a\tb')).toBe('a b');
    expect(sanitizeText('x'.repeat(30), 10)).toBe(`${'x'.repeat(10)}…`);
    expect(sanitizeText('x'.repeat(10), 10)).toBe('x'.repeat(10));
  });

  it('cleans what every deck reads once per object, and a different object afresh', () => {
    const vendor = { name: 'Acme\u0007', program: { producedBy: ['a\u0000', 'b'] } };
    const first = sanitizeShared(vendor);
    expect(first).toEqual({ name: 'Acme', program: { producedBy: ['a', 'b'] } });
    expect(sanitizeShared(vendor)).toBe(first); // the same clean copy, not cleaned again
    const other = { ...vendor, name: 'Other\u0007' };
    expect(sanitizeShared(other)).toEqual({ ...first, name: 'Other' });
  });
});

describe('decks from hostile input are well-formed and fitted', () => {
  it('nasty prospect fields (property): every XML part parses, the name is on a slide, text fits', async () => {
    await fc.assert(
      fc.asyncProperty(nastyString, nastyString, nastyString, async (company, contact, region) => {
        const clean = sanitizeLine(company);
        fc.pre(clean.length > 0);
        const { deck } = deckFor(single('reseller'), { company, contact, region });
        for (const s of deck.slides)
          for (const b of s.blocks) if (b.type === 'text') expect(textFits(b), s.kind).toBe(true);
        const opened = await openPptx(await renderPptx(deck));
        expect(malformedParts(opened)).toEqual([]);
        expect(opened.slideCount).toBe(deck.slides.length);
        // The title slide holds the name, or its fitted, shortened start.
        expect(prospectBlock(deck).paragraphs.join(' ')).toBeTruthy();
        expect(opened.slideText[0]).toContain(clean.slice(0, 12).trim());
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('nasty marketer copy in the data (names, objections, sources, footers) still gives a clean file', async () => {
    const ds = structuredClone(dataset);
    const t = ds.partnerTypes.find((x) => x.id === 'consultancy')!;
    t.name = `Advisers <&> "Ltd" \u0001 ${'🚀'.repeat(5)}`;
    t.summary = 'שותפים בע״מ '.repeat(300);
    t.values = NASTY;
    t.objections = NASTY.map((n, i) => ({
      id: `o${i}`,
      objection: n,
      response: NASTY[(i + 3) % NASTY.length]!,
    }));
    t.collaboratesWith = [{ with: 'reseller', how: NASTY.join(' ') }];
    t.sources = [
      { id: 's', title: NASTY[0]!, url: 'https://example.com/?a=1&b=<2>', reliability: 'low' },
    ];
    ds.vendor.nextSteps = NASTY;
    ds.vendor.name = 'Vendor & Co <"\u000B">';
    const { deck } = deckFor(single('consultancy'), { company: 'ok' }, ds);
    for (const s of deck.slides)
      for (const b of s.blocks) if (b.type === 'text') expect(textFits(b), s.kind).toBe(true);
    const { problems } = await deckProblems(await renderPptx(deck), {
      slides: deck.slides.length,
      prospect: 'ok',
      charts: chartCount(deck),
    });
    expect(problems).toEqual([]);
  });
});

describe('hostile prospect names', () => {
  it('bidirectional controls and zero-width characters are stripped; joiners inside a word stay', () => {
    expect(sanitizeLine('Acme\u202E Confidential')).toBe('Acme Confidential');
    expect(sanitizeLine('\u2066Dana\u2069 Levi\u200F')).toBe('Dana Levi\u200F');
    expect(sanitizeLine('\u200BNorth\u200Bwind\u2060\uFEFF')).toBe('Northwind');
    expect(sanitizeLine('\u200D\u200C')).toBe('');
    expect(sanitizeLine('👩\u200D💻 Labs')).toBe('👩\u200D💻 Labs');
  });

  it('a name that is empty once they are gone is refused, like an empty one', () => {
    for (const company of ['\u200B\u200B', '\u202E\u202C', '\u0001\u0002', '   '])
      expect(() => deckFor(single('reseller'), { company }), JSON.stringify(company)).toThrow(
        DeckInputError,
      );
  });
});
