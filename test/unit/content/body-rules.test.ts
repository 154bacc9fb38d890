// What a marketer reads when a story's body holds something content may not (the body rules in
// src/core/stories/body-rules.ts, through validate's parser): one message at the place, in words.
import { describe, expect, it } from 'vitest';
import { checkContentBody } from '../../../src/node/content-rules.ts';

// A story in a project that does not exist: partials are looked up beside it, never in content/.
const HERE = '/nonexistent/pk-project/content/stories';
const findings = (text: string, path = `${HERE}/x.mdx`) =>
  checkContentBody(path, text, { sourceIds: ['survey'] }).map((f) => `${f.line}:${f.column} ${f.message}`);

describe('the body rules, message by message', () => {
  it.for([
    ['<form action="x">hi</form>', '1:1 `<form>` is not allowed in content (it would send what readers type somewhere)'],
    ['<input name="x" />', '1:1 `<input>` is not allowed in content (it would send what readers type somewhere)'],
    ['<iframe src="https://example.com" />', '1:1 `<iframe>` is not allowed in content (it would embed another page)'],
    ['<blink>x</blink>', '1:1 `<blink>` is not allowed in content'],
    ['<>x</>', '1:1 an empty tag `<>` is not allowed in content'],
    ['<Calout kind="tip">x</Calout>', '1:1 unknown component `<Calout>`; did you mean `<Callout>`?'],
    ['<a.b>x</a.b>', '1:1 unknown component `<a.b>`'],
    ['<Callout knd="tip">x</Callout>', '1:10 unknown prop `knd` on `<Callout>`; did you mean `kind`?'],
    ['<Callout kind={foo}>x</Callout>', '1:10 `kind={foo}` on `<Callout>` is JavaScript, which content may not run'],
    ['<Callout {...props}>x</Callout>', '1:10 `{...props}` on `<Callout>` is JavaScript, which content may not run'],
    ['<Callout kind>x</Callout>', '1:10 `kind` must be written as text in quotes, like kind="..."'],
    ['<Callout onClick="x">x</Callout>', "1:10 `onClick` on `<Callout>` runs JavaScript in the reader's browser"],
    ['<span style="color:red">x</span>', '1:7 attribute `style` is not allowed on `<span>`'],
    ['<Cite source="nope" />', '1:7 source `nope` does not exist'],
    ['<Figure name="nvp" />', '1:9 figure `nvp` does not exist; did you mean `npv`?'],
    ['<Figure name={3} />', '1:9 figure `3` does not exist'],
    ['export const a = 1', '1:1 `export const a = 1` defines code, which content may not contain'],
    ["import { A } from './_x.mdx'", "1:1 `import { A } from './_x.mdx'` imports code into the page; content may import only partials"],
    ["import A from 'react'", "1:1 `import A from 'react'` imports code into the page; content may import only partials"],
    ["import A from './_missing.mdx'", '1:1 the partial `./_missing.mdx` does not exist'],
    ['![x](data:image/png;base64,AAAA)', '1:1 a `data:` address can carry a whole page or a script: `data:image/png;base64,AAAA`'],
    ['<a href="javascript:alert(1)">x</a>', '1:4 a `javascript:` address runs code when it is opened: `javascript:alert(1)`'],
  ])('%s', ([body, message]) => {
    expect(findings(`${body}\n`)).toEqual([message]);
  });

  it('a long expression is quoted shortened; empty and comment expressions are harmless', () => {
    expect(findings(`Text {${'x'.repeat(200)}}\n`)).toEqual([
      `1:6 \`{${'x'.repeat(57)}...}\` is JavaScript, which content may not run`,
    ]);
    expect(findings('Text {}\n')).toEqual([]);
    expect(findings('Text {/* a note */}\n')).toEqual([]);
  });

  it('raw HTML in a Markdown (.md) file is read by the same rules', () => {
    expect(findings('<span onclick="x">hi</span>\n\n<form>x</form>\n', `${HERE}/x.md`)).toEqual([
      "1:1 `onclick` on `<span>` runs JavaScript in the reader's browser",
      '3:1 `<form>` is not allowed in content (it would send what readers type somewhere)',
    ]);
  });
});
