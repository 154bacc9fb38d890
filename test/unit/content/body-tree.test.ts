// The body rules on trees other parsers could hand them (src/core/stories/body-rules.ts
// checkContentTree): nodes without positions, code without a parsed program, attributes written
// as expressions, raw HTML where no HTML parser is given, addresses hidden behind control
// characters. Each still gives one located message, never a crash.
import { describe, expect, it } from 'vitest';
import {
  checkContentTree,
  urlProblem,
  type ContentNode,
} from '../../../src/core/stories/body-rules.ts';

const pos = (line: number, column = 1) => ({ start: { line, column } });
const run = (children: ContentNode[], ctx: Parameters<typeof checkContentTree>[1] = { sourceIds: [] }) =>
  checkContentTree({ type: 'root', children }, ctx).map((f) => `${f.line}:${f.column} ${f.message}`);

describe('the body rules on unusual trees', () => {
  it('a node without a position is placed at its parent', () => {
    const para: ContentNode = {
      type: 'paragraph',
      position: pos(4, 3),
      children: [{ type: 'mdxTextExpression', value: 'x()' }],
    };
    expect(run([para])).toEqual(['4:3 `{x()}` is JavaScript, which content may not run']);
  });

  it('import or export text with no parsed program is refused as code', () => {
    expect(run([{ type: 'mdxjsEsm', position: pos(1), value: 'import x' }])).toEqual([
      '1:1 `import x` is code, which content may not contain',
    ]);
    expect(run([{ type: 'mdxjsEsm', position: pos(1) }])).toEqual([
      '1:1 `` is code, which content may not contain',
    ]);
  });

  it('an import of a partial with no specifiers is not a partial import', () => {
    const esm: ContentNode = {
      type: 'mdxjsEsm',
      position: pos(2),
      value: "import './_intro.mdx'",
      data: { estree: { body: [{ type: 'ImportDeclaration', source: { value: './_intro.mdx' } }] } },
    };
    expect(run([esm])).toEqual([
      "2:1 `import './_intro.mdx'` imports code into the page; content may import only partials",
    ]);
  });

  it('attributes written as expressions, and a component with none', () => {
    const el: ContentNode = {
      type: 'mdxJsxFlowElement',
      name: 'Callout',
      position: pos(3),
      attributes: [{ type: 'mdxJsxExpressionAttribute', value: '...rest', position: pos(3, 10) }],
    };
    expect(run([el])).toEqual(['3:10 `{...rest}` on `<Callout>` is JavaScript, which content may not run']);
    expect(run([{ type: 'mdxJsxFlowElement', name: 'Callout', position: pos(5) }])).toEqual([]);
  });

  it('raw HTML with no HTML parser given (an .mdx file) is refused', () => {
    expect(run([{ type: 'html', position: pos(6), value: '<b>x</b>' }])).toEqual([
      '6:1 raw HTML is not allowed here',
    ]);
    expect(run([{ type: 'html', position: pos(6) }])).toEqual(['6:1 raw HTML is not allowed here']);
  });

  it('raw HTML on its second line is placed at that line', () => {
    const parseHtml = () => [{ name: 'form', attributes: [], line: 2, column: 4 }];
    expect(run([{ type: 'html', position: pos(7, 5), value: '<p>\n   <form>' }], { sourceIds: [], parseHtml })).toEqual([
      '8:4 `<form>` is not allowed in content (it would send what readers type somewhere)',
    ]);
  });

  it('a root with no children has nothing to say', () => {
    expect(checkContentTree({ type: 'root' }, { sourceIds: [] })).toEqual([]);
  });
});

describe('addresses', () => {
  it('control characters and spaces before a scheme do not hide it; safe schemes pass', () => {
    expect(urlProblem('java\tscript:alert(1)')).toBe('a `javascript:` address runs code when it is opened');
    expect(urlProblem('java\u0085script:alert(1)')).toBe('a `javascript:` address runs code when it is opened');
    expect(urlProblem('vbscript:x')).toBe('a `vbscript:` address runs code when it is opened');
    expect(urlProblem('ftp://example.com')).toBe('`ftp:` addresses are not allowed');
    expect(urlProblem('https://example.com')).toBeUndefined();
    expect(urlProblem('/stories/')).toBeUndefined();
    expect(urlProblem('mailto:a@example.com')).toBeUndefined();
  });
});
