/**
 * Repairs to the package pptxgenjs 4.0.1 writes, for the details PowerPoint repairs or misreads
 * and strict readers reject. Pure string and byte work on the parts, shared by the browser
 * (JSZip) and the Node codec (src/node/pptx-repack.ts):
 * - charts: axis ids no axis defines (gitbrent/PptxGenJS#1534); line charts without the
 *   `c:grouping` the schema requires, with `c:invertIfNegative` (bar series only) and
 *   `c:marker` after `c:dLbls`; `c:tickLblSkip` after `c:noMultiLvlLbl`, where PowerPoint ignores
 *   it (#731);
 * - slides, layouts and masters: shape ids repeated on one slide (a table takes the slide
 *   number + 1, whatever else has it), renumbered in order;
 * - [Content_Types].xml: overrides for slide masters that were never written;
 * - media: the logo stored once per slide that shows it, kept once;
 * - docProps/app.xml: the word and paragraph counts, which pptxgenjs leaves at 0.
 */

export interface PackagePart {
  name: string;
  /** The part's bytes, or its text (an XML part as written, UTF-8 once it is zipped). */
  data: Uint8Array | string;
}

const text = new TextDecoder();
/** A part's text: decoded from its bytes, or as it was handed over. */
const textOf = (data: Uint8Array | string): string =>
  typeof data === 'string' ? data : text.decode(data);

/** Remove axis ids referenced in a chart but defined by no axis element (#1534). */
function dropDanglingAxisIds(xml: string): string {
  const defined = new Set(
    [...xml.matchAll(/<c:(?:catAx|valAx|serAx|dateAx)>\s*<c:axId val="(\d+)"\s*\/>/g)].map(
      (m) => m[1],
    ),
  );
  return xml.replace(/<c:axId val="(\d+)"\s*\/>/g, (whole, id: string) =>
    defined.has(id) ? whole : '',
  );
}

/** A line series in schema order: no invertIfNegative, the marker before the data labels. */
function repairLineSeries(ser: string): string {
  let s = ser.replace(/<c:invertIfNegative val="[^"]*"\s*\/>/g, '');
  const marker = /<c:marker>[\s\S]*?<\/c:marker>/.exec(s)?.[0];
  const dLbls = s.indexOf('<c:dLbls>');
  if (marker && dLbls >= 0 && s.indexOf(marker) > dLbls) {
    s = s.replace(marker, '');
    s = s.replace('<c:dLbls>', `${marker}<c:dLbls>`);
  }
  return s;
}

/** Line charts as CT_LineChart orders them: grouping first, series in order. */
function repairLineCharts(xml: string): string {
  return xml.replace(/<c:lineChart>([\s\S]*?)<\/c:lineChart>/g, (_, body: string) => {
    let b = body.replace(/<c:ser>[\s\S]*?<\/c:ser>/g, repairLineSeries);
    if (!/<c:grouping /.test(b)) b = `<c:grouping val="standard"/>${b}`;
    return `<c:lineChart>${b}</c:lineChart>`;
  });
}

/** CT_CatAx puts tickLblSkip (and tickMarkSkip) before noMultiLvlLbl. */
function repairCategoryAxes(xml: string): string {
  return xml.replace(/<c:catAx>([\s\S]*?)<\/c:catAx>/g, (_, body: string) => {
    const skips = [...body.matchAll(/\s*<c:(?:tickLblSkip|tickMarkSkip) val="[^"]*"\s*\/>/g)].map(
      (m) => m[0].trim(),
    );
    if (!skips.length) return `<c:catAx>${body}</c:catAx>`;
    let b = body.replace(/\s*<c:(?:tickLblSkip|tickMarkSkip) val="[^"]*"\s*\/>/g, '');
    b = b.replace(/(\s*<c:noMultiLvlLbl )/, `${skips.join('')}$1`);
    return `<c:catAx>${b}</c:catAx>`;
  });
}

/** Every repair one chart part needs; a repaired part comes back unchanged. */
export function repairChartXml(xml: string): string {
  return repairCategoryAxes(repairLineCharts(dropDanglingAxisIds(xml)));
}

// A shape id, a paragraph's start or end, or a text run (its text in group 1).
const SLIDE_TOKENS = /<p:cNvPr id="\d+"|<a:p>|<\/a:p>|<a:t>([^<]*)<\/a:t>/g;

export interface RepairedSlide {
  xml: string;
  /** Words and non-empty paragraphs of the slide's text, as PowerPoint counts them into app.xml. */
  words: number;
  paragraphs: number;
}

/**
 * A slide's (layout's, master's) shape ids numbered 1, 2, 3... in document order, unique on the
 * slide, and its words and paragraphs counted, in one pass over its XML: a paragraph runs from
 * <a:p> to the first </a:p> after it, its text is that of its <a:t> runs.
 */
export function repairSlide(xml: string): RepairedSlide {
  let next = 1;
  let words = 0;
  let paragraphs = 0;
  // The text of the paragraph open, if one is.
  let runs: string | undefined;
  const out = xml.replace(SLIDE_TOKENS, (token: string, text: string | undefined) => {
    if (text !== undefined) {
      if (runs !== undefined) runs += text;
    } else if (token === '<a:p>') runs ??= '';
    else if (token === '</a:p>') {
      const t = runs?.trim();
      if (t) {
        paragraphs++;
        words += t.split(/\s+/).length;
      }
      runs = undefined;
    } else return `<p:cNvPr id="${next++}"`;
    return token;
  });
  return { xml: out, words, paragraphs };
}

/** Only overrides for parts the package holds. */
export function pruneContentTypes(xml: string, names: ReadonlySet<string>): string {
  return xml.replace(/<Override PartName="\/([^"]+)"[^>]*\/>/g, (whole, part: string) =>
    names.has(part) ? whole : '',
  );
}

const bytesEqual = (a: Uint8Array | string, b: Uint8Array | string) => {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

const SHAPES_PART = /^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/;
const CHART_PART = /^ppt\/charts\/chart\d+\.xml$/;
const MEDIA_PART = /^ppt\/media\//;

/** The package with every repair applied, parts in their order. */
export function repairPackage(parts: readonly PackagePart[]): PackagePart[] {
  // Media stored more than once (the logo on the title slide and on the master): keep the first.
  const media = parts.filter((p) => MEDIA_PART.test(p.name));
  const sameAs = new Map<string, string>();
  media.forEach((p, i) => {
    const first = media.slice(0, i).find((q) => !sameAs.has(q.name) && bytesEqual(q.data, p.data));
    if (first) sameAs.set(p.name, first.name);
  });
  const kept = parts.filter((p) => !sameAs.has(p.name));
  const names = new Set(kept.map((p) => p.name));
  let words = 0;
  let paragraphs = 0;
  const out = kept.map((p) => {
    if (CHART_PART.test(p.name)) {
      const xml = textOf(p.data);
      const fixed = repairChartXml(xml);
      return fixed === xml ? p : { name: p.name, data: fixed };
    }
    if (SHAPES_PART.test(p.name)) {
      const xml = textOf(p.data);
      const fixed = repairSlide(xml);
      if (p.name.startsWith('ppt/slides/')) {
        words += fixed.words;
        paragraphs += fixed.paragraphs;
      }
      return fixed.xml === xml ? p : { name: p.name, data: fixed.xml };
    }
    if (p.name === '[Content_Types].xml')
      return { name: p.name, data: pruneContentTypes(textOf(p.data), names) };
    if (sameAs.size && p.name.endsWith('.rels')) {
      let xml = textOf(p.data);
      let changed = false;
      for (const [dup, first] of sameAs) {
        const from = `media/${dup.slice('ppt/media/'.length)}"`;
        if (xml.includes(from)) {
          xml = xml.split(from).join(`media/${first.slice('ppt/media/'.length)}"`);
          changed = true;
        }
      }
      return changed ? { name: p.name, data: xml } : p;
    }
    return p;
  });
  // app.xml comes after the slides in pptxgenjs's order; count once every slide is read.
  const app = out.findIndex((p) => p.name === 'docProps/app.xml');
  if (app >= 0) {
    const xml = textOf(out[app]!.data)
      .replace(/<Words>\d*<\/Words>/, `<Words>${words}</Words>`)
      .replace(/<Paragraphs>\d*<\/Paragraphs>/, `<Paragraphs>${paragraphs}</Paragraphs>`);
    out[app] = { name: out[app]!.name, data: xml };
  }
  return out;
}
