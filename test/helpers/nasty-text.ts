// Text that breaks PPTX files: XML specials, emoji, right-to-left scripts, control characters,
// lone surrogates and 5,000-character strings (shared by the sanitizer's unit tests and the
// hostile-input deck property test).
import fc from 'fast-check';

export const NASTY = [
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
export const nastyString = fc.oneof(
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
