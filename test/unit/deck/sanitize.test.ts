// Any input text is safe: XML specials, emoji, right-to-left scripts, control characters and
// 5,000-character strings, in marketer copy, give well-formed files (hostile prospect fields:
// test/integration/hostile-prospect-decks.test.ts, a property over whole decks).
import fc from 'fast-check';
import { NASTY, nastyString } from '../../helpers/nasty-text.ts';
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
import { deckProblems, xmlProblems } from '../../helpers/pptx.ts';
import { chartCount, dataset, deckFor, single, textFits } from '../../helpers/deck-fixture.ts';

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

  it('returns what is clean already as it is, and copies only the way to what it cleans', () => {
    const clean = { id: 'msp', months: [1, 2, 3], tiers: [{ name: 'Gold', at: new Date(0) }] };
    expect(sanitizeDeep(clean)).toBe(clean);
    const dirty = { ok: { n: [1, 2] }, list: [{ a: 'x' }, { a: 'y\u0000' }], s: 'z' };
    const out = sanitizeDeep(dirty);
    expect(out).toEqual({ ok: { n: [1, 2] }, list: [{ a: 'x' }, { a: 'y' }], s: 'z' });
    expect(out.ok).toBe(dirty.ok);
    expect(out.list[0]).toBe(dirty.list[0]);
    expect(dirty.list[1]!.a).toBe('y\u0000'); // the input is not changed
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
