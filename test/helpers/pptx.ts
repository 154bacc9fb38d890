// Checks on generated PPTX files, shared by the unit, interop, e2e and bench code: open the
// package, parse every XML part with a strict well-formedness checker, and look for the chart
// constructs known to make PowerPoint ask to repair a file.
import JSZip from 'jszip';

/** Problems that make an XML 1.0 document not well-formed; empty when it is. A strict, small checker. */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  // Characters XML 1.0 allows: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
  const bad = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.exec(xml);
  if (bad)
    problems.push(
      `character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} not allowed in XML at ${bad.index}`,
    );
  const NAME = /^[A-Za-z_:\u00C0-\uFFFD][\w.\-:\u00B7\u00C0-\uFFFD]*$/u;
  const refsOk = (s: string, where: string) => {
    for (const m of s.matchAll(/&([^;&\s<]*)(;?)/g)) {
      const [, body, semi] = m;
      if (!semi) {
        problems.push(`bare & in ${where}`);
        continue;
      }
      if (['amp', 'lt', 'gt', 'quot', 'apos'].includes(body!)) continue;
      const num = /^#x([0-9a-fA-F]+)$/.exec(body!) ?? /^#([0-9]+)$/.exec(body!);
      if (!num) {
        problems.push(`unknown entity &${body}; in ${where}`);
        continue;
      }
      const cp = parseInt(num[1]!, body!.startsWith('#x') ? 16 : 10);
      const ok =
        cp === 9 ||
        cp === 10 ||
        cp === 13 ||
        (cp >= 0x20 && cp <= 0xd7ff) ||
        (cp >= 0xe000 && cp <= 0xfffd) ||
        (cp >= 0x10000 && cp <= 0x10ffff);
      if (!ok) problems.push(`character reference &${body}; is not an XML character`);
    }
  };
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const textOutside = (s: string) => {
    if (s.includes('<')) problems.push('stray <');
    if (s.includes(']]>')) problems.push(']]> in text');
    if (!stack.length && s.trim())
      problems.push(`text outside the root element: ${JSON.stringify(s.trim().slice(0, 30))}`);
    refsOk(s, 'text');
  };
  if (xml.startsWith('\uFEFF')) i = 1;
  const decl = /^<\?xml\s[^?]*\?>/.exec(xml.slice(i));
  if (decl) i += decl[0].length;
  while (i < xml.length && problems.length < 20) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      textOutside(xml.slice(i));
      break;
    }
    textOutside(xml.slice(i, lt));
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) return [...problems, 'unterminated comment'];
      if (xml.slice(lt + 4, end).includes('--')) problems.push('-- inside a comment');
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      if (!stack.length) problems.push('CDATA outside the root element');
      const end = xml.indexOf(']]>', lt);
      if (end < 0) return [...problems, 'unterminated CDATA'];
      i = end + 3;
    } else if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt);
      if (end < 0) return [...problems, 'unterminated processing instruction'];
      if (/^<\?xml[\s?]/i.test(xml.slice(lt))) problems.push('XML declaration not at the start');
      i = end + 2;
    } else if (xml.startsWith('<!', lt)) {
      return [...problems, 'DOCTYPE or other markup declaration in a package part'];
    } else if (xml.startsWith('</', lt)) {
      const end = xml.indexOf('>', lt);
      if (end < 0) return [...problems, 'unterminated end tag'];
      const name = xml.slice(lt + 2, end).trim();
      const open = stack.pop();
      if (open !== name) problems.push(`end tag </${name}> does not match <${open ?? '(none)'}>`);
      i = end + 1;
    } else {
      // Start or empty tag: name, then attributes name="value" or name='value'.
      const m = /^<([^\s/>]+)/.exec(xml.slice(lt, lt + 300));
      if (!m || !NAME.test(m[1]!))
        return [...problems, `bad tag name at ${lt}: ${JSON.stringify(xml.slice(lt, lt + 20))}`];
      const name = m[1]!;
      let j = lt + m[0].length;
      const seen = new Set<string>();
      for (;;) {
        const ws = /^\s*/.exec(xml.slice(j, j + 1000))![0].length;
        j += ws;
        if (xml.startsWith('/>', j)) {
          j += 2;
          if (!stack.length) roots++;
          break;
        }
        if (xml[j] === '>') {
          j += 1;
          if (!stack.length) roots++;
          stack.push(name);
          break;
        }
        if (!ws) return [...problems, `no space before attribute in <${name}> at ${j}`];
        const a = /^([^\s=/>]+)\s*=\s*(["'])/.exec(xml.slice(j, j + 300));
        if (!a || !NAME.test(a[1]!))
          return [
            ...problems,
            `bad attribute in <${name}> at ${j}: ${JSON.stringify(xml.slice(j, j + 30))}`,
          ];
        if (seen.has(a[1]!)) problems.push(`attribute ${a[1]} twice in <${name}>`);
        seen.add(a[1]!);
        j += a[0].length;
        const close = xml.indexOf(a[2]!, j);
        if (close < 0) return [...problems, `unterminated attribute ${a[1]} in <${name}>`];
        const value = xml.slice(j, close);
        if (value.includes('<')) problems.push(`< in attribute ${a[1]} of <${name}>`);
        refsOk(value, `attribute ${a[1]} of <${name}>`);
        j = close + 1;
      }
      i = j;
    }
  }
  if (stack.length) problems.push(`unclosed elements: ${stack.slice(-3).join(' > ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

export interface OpenedPptx {
  zip: JSZip;
  /** Every part name. */
  names: string[];
  /** Text of each XML part (.xml and .rels). */
  xml: Map<string, string>;
  slideCount: number;
  /** Visible text of each slide, in order (the a:t runs joined with spaces). */
  slideText: string[];
  /** Speaker notes of each slide, in order. */
  notes: string[];
  charts: string[];
}

const partNumber = (name: string) => Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
export const runsText = (xml: string) =>
  [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescape(m[1]!)).join(' ');

export async function openPptx(bytes: Uint8Array | ArrayBuffer): Promise<OpenedPptx> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const xml = new Map<string, string>();
  for (const n of names.filter((n) => /\.(xml|rels)$/.test(n)))
    xml.set(n, await zip.file(n)!.async('string'));
  const slides = names
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => partNumber(a) - partNumber(b));
  const notesParts = names
    .filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n))
    .sort((a, b) => partNumber(a) - partNumber(b));
  return {
    zip,
    names,
    xml,
    slideCount: slides.length,
    slideText: slides.map((n) => runsText(xml.get(n)!)),
    // The notes body is the placeholder of type "body"; the slide number field is separate.
    notes: notesParts.map((n) => {
      const body = /<p:ph type="body"[\s\S]*?<\/p:sp>/.exec(xml.get(n)!)?.[0] ?? '';
      return runsText(body);
    }),
    charts: names
      .filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))
      .sort((a, b) => partNumber(a) - partNumber(b)),
  };
}

/** Every XML part that is not well-formed, with its problems. */
export function malformedParts(p: OpenedPptx): string[] {
  return [...p.xml].flatMap(([name, text]) =>
    xmlProblems(text).map((problem) => `${name}: ${problem}`),
  );
}

/**
 * Chart constructs known to make PowerPoint repair a file:
 * - an axis id referenced but not defined by any axis (gitbrent/PptxGenJS#1534);
 * - a colour that is not six hex digits (#588, colour names);
 * - a stacked bar with a single series (#1357);
 * - more than one chart type in one plot area, a combo chart (#1233).
 */
export function chartRepairTriggers(name: string, xml: string): string[] {
  const out: string[] = [];
  const defined = new Set(
    [...xml.matchAll(/<c:(catAx|valAx|serAx|dateAx)>\s*<c:axId val="([^"]+)"/g)].map((m) => m[2]),
  );
  const plot = /<c:plotArea>([\s\S]*)<\/c:plotArea>/.exec(xml)?.[1] ?? '';
  const groups = [...plot.matchAll(/<c:(\w+Chart)>([\s\S]*?)<\/c:\1>/g)];
  for (const [, kind, body] of groups) {
    for (const m of body!.matchAll(/<c:axId val="([^"]+)"/g))
      if (!defined.has(m[1]))
        out.push(`${name}: ${kind} references axis ${m[1]}, which no axis defines (#1534)`);
    const grouping = /<c:grouping val="([^"]+)"/.exec(body!)?.[1];
    const series = (body!.match(/<c:ser>/g) ?? []).length;
    if (
      kind === 'barChart' &&
      (grouping === 'stacked' || grouping === 'percentStacked') &&
      series < 2
    )
      out.push(`${name}: stacked bar with ${series} series (#1357)`);
  }
  for (const m of xml.matchAll(/<c:crossAx val="([^"]+)"/g))
    if (!defined.has(m[1]))
      out.push(`${name}: an axis crosses axis ${m[1]}, which is not defined (#1534)`);
  if (groups.length > 1)
    out.push(
      `${name}: ${groups.length} chart types in one plot area, a combo chart (#1233): ${groups.map((g) => g[1]).join(', ')}`,
    );
  if (!groups.length) out.push(`${name}: no chart in the plot area`);
  for (const m of xml.matchAll(/<a:srgbClr val="([^"]*)"/g))
    if (!/^[0-9A-Fa-f]{6}$/.test(m[1]!))
      out.push(`${name}: colour "${m[1]}" is not six hex digits (#588)`);
  return out;
}

export const allChartTriggers = (p: OpenedPptx) =>
  p.charts.flatMap((c) => chartRepairTriggers(c, p.xml.get(c)!));

/** The standard checks on a deck file: problems found (empty when it passes). */
export async function deckProblems(
  bytes: Uint8Array | ArrayBuffer,
  expect: { slides: number; prospect: string; charts?: number },
): Promise<{ problems: string[]; opened: OpenedPptx }> {
  const opened = await openPptx(bytes);
  const problems = [...malformedParts(opened), ...allChartTriggers(opened)];
  if (opened.slideCount !== expect.slides)
    problems.push(`${opened.slideCount} slides, expected ${expect.slides}`);
  if (opened.notes.length !== opened.slideCount)
    problems.push(`${opened.notes.length} notes parts for ${opened.slideCount} slides`);
  opened.notes.forEach((n, i) => {
    if (!n.trim()) problems.push(`slide ${i + 1} has no speaker notes`);
  });
  if (expect.charts !== undefined && opened.charts.length !== expect.charts)
    problems.push(`${opened.charts.length} charts, expected ${expect.charts}`);
  if (!opened.slideText.join(' ').includes(expect.prospect))
    problems.push(
      `the prospect's name ${JSON.stringify(expect.prospect.slice(0, 40))} is on no slide`,
    );
  return { problems, opened };
}

/**
 * What the issue calls a clean file, part by part:
 * - line charts with `c:grouping`, no `c:invertIfNegative`, `c:marker` before `c:dLbls` in each
 *   series; `c:tickLblSkip` before `c:noMultiLvlLbl` in each category axis (schema order);
 * - shape ids unique on every slide, layout and master;
 * - every [Content_Types].xml override names a part the package holds;
 * - no media part stored twice;
 * - app.xml counts the slides' words.
 */
export async function cleanFileProblems(p: OpenedPptx): Promise<string[]> {
  const out: string[] = [];
  for (const name of p.charts) {
    const xml = p.xml.get(name)!;
    for (const [, body] of xml.matchAll(/<c:lineChart>([\s\S]*?)<\/c:lineChart>/g)) {
      if (!/^\s*<c:grouping val="[^"]+"\s*\/>/.test(body!))
        out.push(`${name}: line chart without c:grouping first`);
      if (/<c:invertIfNegative/.test(body!))
        out.push(`${name}: c:invertIfNegative in a line chart`);
      for (const [ser] of body!.matchAll(/<c:ser>[\s\S]*?<\/c:ser>/g)) {
        const marker = ser.indexOf('<c:marker>');
        const dLbls = ser.indexOf('<c:dLbls>');
        if (marker >= 0 && dLbls >= 0 && marker > dLbls)
          out.push(`${name}: c:marker after c:dLbls in a line series`);
      }
    }
    for (const [, ax] of xml.matchAll(/<c:catAx>([\s\S]*?)<\/c:catAx>/g)) {
      const skip = ax!.indexOf('<c:tickLblSkip');
      const noMulti = ax!.indexOf('<c:noMultiLvlLbl');
      if (skip >= 0 && noMulti >= 0 && skip > noMulti)
        out.push(`${name}: c:tickLblSkip after c:noMultiLvlLbl`);
    }
  }
  for (const [name, xml] of p.xml) {
    if (!/^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(name)) continue;
    const ids = [...xml.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => m[1]!);
    const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (dup.length) out.push(`${name}: shape ids repeated: ${[...new Set(dup)].join(', ')}`);
  }
  const types = p.xml.get('[Content_Types].xml') ?? '';
  for (const m of types.matchAll(/<Override PartName="\/([^"]+)"/g))
    if (!p.names.includes(m[1]!))
      out.push(`[Content_Types].xml overrides ${m[1]}, which is not in the package`);
  const media = p.names.filter((n) => n.startsWith('ppt/media/'));
  const bytes = await Promise.all(media.map((n) => p.zip.file(n)!.async('uint8array')));
  bytes.forEach((b, i) => {
    const j = bytes.findIndex((c) => c.length === b.length && c.every((x, k) => x === b[k]));
    if (j < i) out.push(`${media[i]} stores the same bytes as ${media[j]}`);
  });
  const words = Number(/<Words>(\d+)<\/Words>/.exec(p.xml.get('docProps/app.xml') ?? '')?.[1] ?? 0);
  const counted = p.slideText.join(' ').split(/\s+/).filter(Boolean).length;
  if (words < counted * 0.8 || words > counted * 1.2)
    out.push(`docProps/app.xml says ${words} words; the slides hold about ${counted}`);
  return out;
}

/** Chart series names of a deck (the `c:tx` of each series), by chart part. */
export const seriesNames = (p: OpenedPptx): string[] =>
  p.charts.flatMap((c) =>
    [...p.xml.get(c)!.matchAll(/<c:ser>[\s\S]*?<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/g)].map(
      (m) => m[1]!,
    ),
  );

/** Table cell text of each slide. */
export const tableText = (p: OpenedPptx): string[] =>
  [...p.xml.entries()]
    .filter(([n]) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .flatMap(([, xml]) =>
      [...xml.matchAll(/<a:tbl>[\s\S]*?<\/a:tbl>/g)].map((m) => runsText(m[0])),
    );

/** The paragraphs of each slide (runs of one `a:p` joined), so sentence checks see sentences. */
export const slideParagraphs = (p: OpenedPptx): string[][] =>
  [...p.xml.entries()]
    .filter(([n]) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort(([a], [b]) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]))
    .map(([, xml]) =>
      [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)]
        .map((m) => runsText(m[1]!).replace(/ +/g, ' ').trim())
        .filter(Boolean),
    );
