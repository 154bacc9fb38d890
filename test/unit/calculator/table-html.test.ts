// Build-time table bodies are written as one HTML string (src/site/table-html.ts): whatever a
// data file puts in a label must come out as text, and the rows must have the shape the browser
// writes when it recomputes, so the page does not change under the reader.
import { describe, expect, it } from 'vitest';
import { parseFragment } from 'parse5';
import { bodyRowsHtml, escapeHtml } from '../../../src/site/table-html.ts';

type Node = {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  value?: string;
};
const text = (n: Node): string =>
  n.nodeName === '#text' ? (n.value ?? '') : (n.childNodes ?? []).map(text).join('');
const rowsOf = (html: string) =>
  (parseFragment(`<table><tbody>${html}</tbody></table>`).childNodes[0] as Node).childNodes![0]!
    .childNodes!;

describe('table bodies written as HTML', () => {
  it('escapes markup, quotes and ampersands in every cell', () => {
    const hostile = '<img src=x onerror="alert(1)"> & \'quoted\'';
    const html = bodyRowsHtml([[hostile, hostile]]);
    expect(html).not.toContain('<img');
    const [row] = rowsOf(html);
    expect(row!.childNodes!.map(text)).toEqual([hostile, hostile]);
    expect(escapeHtml('a&b<c>"d"\'e')).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&#39;e');
  });

  it('gives each row a row header and numeric cells, as the browser does', () => {
    const rows = rowsOf(
      bodyRowsHtml([
        ['Year 1', '$1,000', '$2,000'],
        ['Year 2', '—', '$3'],
      ]),
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const [th, ...tds] = row.childNodes!;
      expect(th!.nodeName).toBe('th');
      expect(th!.attrs).toEqual([{ name: 'scope', value: 'row' }]);
      for (const td of tds) expect(td.attrs).toEqual([{ name: 'class', value: 'num' }]);
    }
    expect(rows.map((r) => r.childNodes!.map(text))).toEqual([
      ['Year 1', '$1,000', '$2,000'],
      ['Year 2', '—', '$3'],
    ]);
    // The month column is numeric too.
    expect(rowsOf(bodyRowsHtml([['12', '$5']], true))[0]!.childNodes![0]!.attrs).toEqual([
      { name: 'scope', value: 'row' },
      { name: 'class', value: 'num' },
    ]);
  });
});
