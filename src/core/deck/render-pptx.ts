/**
 * The one renderer: deck model -> PPTX bytes with pptxgenjs, the same code in Node (CLI, build)
 * and in the browser (the "Tailor a deck" form). pptxgenjs and JSZip are imported only when a
 * deck is rendered, so a page that offers the form loads them on the first click.
 *
 * Traps handled here (see the deck tests, which check every chart and slide part for them):
 * - What pptxgenjs 4.0.1 writes wrong is repaired in the package after writing
 *   (package-repair.ts): dangling chart axis ids (gitbrent/PptxGenJS#1534), line charts out of
 *   schema order, repeated shape ids, overrides for missing parts, the logo stored twice, app.xml's
 *   word count.
 * - Units: text-box margins and bullet indents are points, table cell margins are points once
 *   the first is 1 or more (inches below: pptxgenjs guesses); the model is in inches and this
 *   file converts. pptxgenjs reads a text box's margin array as [left, right, bottom, top].
 * - Colours are six hex digits without '#', never names (#588); stacked bars only with two or
 *   more series (#1357, decided in the model); one chart type per chart, no combos (#1233).
 * - `write()` ignores `compression`; the file is written uncompressed, repaired, then
 *   compressed once with DEFLATE: by JSZip in the browser, by `options.repack` where a faster
 *   codec exists (Node's native zlib, src/node/pptx-repack.ts).
 * - Images are embedded as `data:` URLs (a path would be fetched in the browser).
 */
import type PptxGenJSType from 'pptxgenjs';
import type JSZipType from 'jszip';
import type {
  Block,
  ChartBlock,
  Deck,
  FigureBlock,
  Inset,
  TableBlock,
  TextBlock,
} from './model.ts';
import { repairPackage, type PackagePart } from './package-repair.ts';
import { readStoredZip } from './stored-zip.ts';
import { TITLE_INSET } from './layout.ts';

type Pptx = PptxGenJSType;
type PptxSlide = ReturnType<Pptx['addSlide']>;
type Border =
  NonNullable<PptxGenJSType.TableCellProps['border']> extends infer B
    ? B extends readonly (infer E)[]
      ? E
      : B
    : never;
export type PptxGenJSConstructor = new () => Pptx;
export type JSZipConstructor = typeof JSZipType;

export interface RenderOptions {
  /** `uint8array` in Node, `blob` for a browser download. */
  output?: 'uint8array' | 'blob';
  /** DEFLATE the package (default true). */
  compression?: boolean;
  /** Pass the libraries in (tests, benches); by default they are imported on first use. */
  PptxGenJS?: PptxGenJSConstructor;
  JSZip?: JSZipConstructor;
  /** Called with each pptxgenjs slide after it is drawn (the bench records the calls). */
  onSlide?: (slide: PptxSlide) => void;
  /** Re-pack the uncompressed package with another ZIP codec (`uint8array` output only). */
  repack?: Repack;
}

/**
 * Re-pack pptxgenjs's uncompressed package: its parts, passed through `repair` (every repair of
 * package-repair.ts), then compressed when `compression` is true.
 */
export type Repack = (
  raw: Uint8Array,
  repair: (parts: readonly PackagePart[]) => PackagePart[],
  compression: boolean,
) => Uint8Array | Promise<Uint8Array>;

const HEX = /^[0-9A-F]{6}$/;
/** Guard at the renderer: a colour that is not six hex digits would make PowerPoint repair the file. */
function colour(c: string): string {
  const h = c.replace('#', '').toUpperCase();
  if (!HEX.test(h)) throw new Error(`deck colour "${c}" is not six hex digits`);
  return h;
}

const MASTER_TITLE = 'PK_TITLE';
const MASTER_CONTENT = 'PK_CONTENT';

// Each library is imported once per thread, not once per deck: a dynamic import resolves its
// specifier again every time (through the deck workers' resolve hook, too).
let pptxGenJS: Promise<PptxGenJSConstructor> | undefined;
let jsZip: Promise<JSZipConstructor> | undefined;

export function loadPptxGenJS(): Promise<PptxGenJSConstructor> {
  return (pptxGenJS ??= import('pptxgenjs').then((m) => {
    const d = (
      m as unknown as { default: PptxGenJSConstructor | { default: PptxGenJSConstructor } }
    ).default;
    return typeof d === 'function' ? d : d.default;
  }));
}

export function loadJSZip(): Promise<JSZipConstructor> {
  return (jsZip ??= import('jszip').then((m) => {
    const mod = m as unknown as { default: JSZipConstructor };
    return mod.default ?? (mod as unknown as JSZipConstructor);
  }));
}

const PT = 72;
/** A text frame's inner margins: pptxgenjs reads a margin array as points [left, right, bottom, top]. */
const textMargin = (i: Inset): [number, number, number, number] => [
  i.x * PT,
  i.x * PT,
  i.y * PT,
  i.y * PT,
];
/** A table cell's margins in points [top, right, bottom, left] (points once the first is 1 or more). */
const cellMargin = (i: Inset): [number, number, number, number] => [
  Math.max(1, i.y * PT),
  i.x * PT,
  i.y * PT,
  i.x * PT,
];

/** Draw the deck with pptxgenjs; returns the presentation, not yet written. */
export function drawDeck(
  deck: Deck,
  PptxGenJS: PptxGenJSConstructor,
  onSlide?: (slide: PptxSlide) => void,
): Pptx {
  const pptx = new PptxGenJS();
  const t = deck.theme;
  const c = t.colours;
  const f = t.frame;
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deck.meta.title;
  pptx.subject = deck.meta.subject;
  pptx.author = deck.meta.author;
  pptx.company = deck.meta.company;
  pptx.theme = { headFontFace: t.fonts.heading, bodyFontFace: t.fonts.body };

  const footer = {
    text: {
      text: t.footer,
      options: {
        ...f.footer,
        fontFace: t.fonts.body,
        fontSize: t.footerSize,
        color: colour(c.muted),
        valign: 'middle' as const,
        margin: 0,
      },
    },
  };
  const rule = {
    line: { ...f.rule, line: { color: colour(c.muted), width: 0.5 } },
  };
  const slideNumber = {
    ...f.pageNumber,
    fontFace: t.fonts.body,
    fontSize: t.footerSize,
    color: colour(c.muted),
    align: 'right' as const,
    valign: 'middle' as const,
    margin: 0,
  };
  pptx.defineSlideMaster({
    title: MASTER_TITLE,
    background: { color: colour(c.background) },
    objects: [footer],
  });
  pptx.defineSlideMaster({
    title: MASTER_CONTENT,
    background: { color: colour(c.background) },
    objects: [{ image: { ...t.logo.box, data: t.logo.data, altText: t.logo.alt } }, rule, footer],
    slideNumber,
  });

  for (const s of deck.slides) {
    const cover = s.kind === 'title' || s.kind === 'closing';
    const slide = pptx.addSlide({ masterName: cover ? MASTER_TITLE : MASTER_CONTENT });
    if (!cover) {
      if (s.section)
        slide.addText(s.section.toUpperCase(), {
          ...f.section,
          fontFace: t.fonts.body,
          fontSize: t.sectionSize,
          bold: true,
          charSpacing: 1,
          color: colour(c.accent),
          valign: 'middle',
          margin: 0,
        });
      slide.addText(s.title, {
        ...f.title,
        fontFace: t.fonts.heading,
        fontSize: s.titleSize,
        bold: true,
        color: colour(c.primary),
        valign: 'top',
        margin: textMargin(TITLE_INSET),
      });
    }
    for (const b of s.blocks) drawBlock(pptx, slide, b, deck);
    slide.addNotes(s.notes);
    onSlide?.(slide);
  }
  return pptx;
}

function drawText(slide: PptxSlide, b: TextBlock, fontFace: string) {
  const frame = {
    ...b.box,
    fontFace,
    fontSize: b.fontSize,
    color: colour(b.color),
    bold: b.bold ?? false,
    align: b.align ?? (b.rtl ? ('right' as const) : ('left' as const)),
    valign: b.valign ?? ('top' as const),
    margin: textMargin(b.inset),
    ...(b.fill ? { fill: { color: colour(b.fill) } } : {}),
    ...(b.rtl ? { rtlMode: true } : {}),
  };
  // One plain paragraph (most text on a slide) as a string: pptxgenjs then reads the frame's
  // options for its run instead of copying every one of them onto a run's own, and writes the same XML.
  if (b.paragraphs.length === 1 && !b.bullets) {
    slide.addText(b.paragraphs[0]!, frame);
    return;
  }
  const last = b.paragraphs.length - 1;
  const bullet =
    b.bullets === 'numbered'
      ? { bullet: { type: 'number' as const, indent: (b.indent ?? 0) * PT } }
      : b.bullets
        ? { bullet: { indent: (b.indent ?? 0) * PT } }
        : {};
  const runs = b.paragraphs.map((p, i) => ({
    text: p,
    options: {
      breakLine: i < last,
      ...bullet,
      ...(b.rtl ? { rtlMode: true } : {}),
      ...(b.paraGap && i < last ? { paraSpaceAfter: b.paraGap } : {}),
    },
  }));
  slide.addText(runs, frame);
}

function drawFigure(slide: PptxSlide, b: FigureBlock, fontFace: string) {
  slide.addText(
    [
      {
        text: b.value,
        options: { fontSize: b.valueSize, bold: true, color: colour(b.color), breakLine: true },
      },
      { text: b.label, options: { fontSize: b.labelSize, color: colour(b.labelColor) } },
    ],
    {
      ...b.box,
      fontFace,
      // The frame's size is what pptxgenjs writes as each paragraph's end mark: the label's, so
      // the label's line is not set at the value's height.
      fontSize: b.labelSize,
      align: b.align,
      valign: 'middle',
      margin: textMargin(b.inset),
      ...(b.fill ? { fill: { color: colour(b.fill) } } : {}),
    },
  );
}

function drawBlock(pptx: Pptx, slide: PptxSlide, b: Block, deck: Deck) {
  const t = deck.theme;
  const font = (f: 'heading' | 'body') => (f === 'heading' ? t.fonts.heading : t.fonts.body);
  switch (b.type) {
    case 'text':
      drawText(slide, b, font(b.font));
      return;
    case 'figure':
      drawFigure(slide, b, t.fonts.body);
      return;
    case 'shape':
      slide.addShape(pptx.ShapeType.rect, {
        ...b.box,
        fill: { color: colour(b.fill) },
        line: { type: 'none' },
      });
      return;
    case 'image':
      slide.addImage({ ...b.box, data: b.data, altText: b.alt });
      return;
    case 'table':
      drawTable(slide, b, t.fonts.body);
      return;
    case 'chart':
      drawChart(pptx, slide, b, deck);
      return;
  }
}

function drawTable(slide: PptxSlide, b: TableBlock, fontFace: string) {
  const none: Border = { type: 'none' };
  const rule: Border = { type: 'solid', pt: 0.75, color: colour(b.border) };
  const head = b.header.map((h, i) => ({
    text: h,
    options: {
      bold: true,
      color: colour(b.headerColor),
      fill: { color: colour(b.headerFill) },
      align: b.align[i] ?? 'left',
      valign: 'bottom' as const,
      border: [none, none, none, none] as [Border, Border, Border, Border],
    },
  }));
  const rows = b.rows.map((r, ri) =>
    r.map((cell, i) => ({
      text: cell,
      options: {
        align: b.align[i] ?? 'left',
        bold: b.totalRow === true && ri === b.rows.length - 1,
        ...(ri % 2 === 1 ? { fill: { color: colour(b.stripe) } } : {}),
        border: [none, none, rule, none] as [Border, Border, Border, Border],
      },
    })),
  );
  slide.addTable([head, ...rows], {
    x: b.box.x,
    y: b.box.y,
    w: b.colW.reduce((a, w) => a + w, 0),
    // The frame's height: without it pptxgenjs writes 1 in, whatever the rows add up to.
    h: b.rowHeights.reduce((a, h) => a + h, 0),
    colW: b.colW,
    rowH: b.rowHeights,
    fontFace,
    fontSize: b.fontSize,
    color: colour(b.color),
    valign: 'top',
    margin: cellMargin(b.margin),
    autoPage: false,
  });
}

function drawChart(pptx: Pptx, slide: PptxSlide, b: ChartBlock, deck: Deck) {
  const t = deck.theme;
  if (b.stacked && b.series.length < 2)
    throw new Error(
      'a stacked bar needs two or more series (pptxgenjs #1357): the model should have made it clustered',
    );
  // Horizontal bars are drawn bottom-up: reversed, the first category reads first.
  const flip = <T>(xs: readonly T[]) => (b.horizontal ? [...xs].reverse() : [...xs]);
  const data = b.series.map((s) => ({
    name: s.name,
    labels: flip(b.categories),
    values: flip(s.values),
  }));
  const muted = colour(t.colours.muted);
  const text = colour(t.colours.text);
  slide.addChart(b.kind === 'bar' ? pptx.ChartType.bar : pptx.ChartType.line, data, {
    ...b.box,
    chartColors: b.colors.map(colour),
    showTitle: false,
    showLegend: b.showLegend,
    legendPos: 'b',
    legendFontFace: t.fonts.body,
    legendFontSize: b.fontSize,
    legendColor: text,
    catAxisLabelColor: muted,
    catAxisLabelFontFace: t.fonts.body,
    catAxisLabelFontSize: b.fontSize,
    catAxisLabelRotate: 0,
    catAxisLineShow: true,
    catAxisLineColor: 'B8C2CC',
    valAxisLabelColor: muted,
    valAxisLabelFontFace: t.fonts.body,
    valAxisLabelFontSize: b.fontSize,
    valAxisLabelFormatCode: b.valueFormat,
    valAxisLineShow: false,
    valGridLine: { color: 'E1E6EC', size: 0.75, style: 'solid' },
    ...(b.showValues
      ? {
          showValue: true,
          dataLabelFormatCode: b.valueFormat,
          dataLabelFontFace: t.fonts.body,
          dataLabelFontSize: b.fontSize,
          dataLabelColor: text,
          dataLabelPosition: b.stacked ? ('ctr' as const) : ('outEnd' as const),
        }
      : {}),
    ...(b.kind === 'bar'
      ? {
          barDir: b.horizontal ? ('bar' as const) : ('col' as const),
          barGrouping: b.stacked ? ('stacked' as const) : ('clustered' as const),
          barGapWidthPct: b.horizontal ? 35 : 55,
          ...(b.stacked ? { barOverlapPct: 100 } : {}),
        }
      : { lineDataSymbol: 'none' as const, lineSize: 2.5 }),
  });
}

/** Render a deck to PPTX bytes (or a Blob in the browser). */
export async function renderPptx(
  deck: Deck,
  options: RenderOptions & { output: 'blob' },
): Promise<Blob>;
export async function renderPptx(
  deck: Deck,
  options?: RenderOptions & { output?: 'uint8array' },
): Promise<Uint8Array>;
export async function renderPptx(
  deck: Deck,
  options: RenderOptions = {},
): Promise<Uint8Array | Blob> {
  const [PptxGenJS, JSZip] = await Promise.all([
    options.PptxGenJS ?? loadPptxGenJS(),
    options.JSZip ?? loadJSZip(),
  ]);
  const pptx = drawDeck(deck, PptxGenJS, options.onSlide);
  // Uncompressed first (write() never compresses), so the repair reads it back cheaply.
  const raw = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  if (options.repack && options.output !== 'blob')
    return options.repack(raw, repairPackage, options.compression !== false);
  const zip = await JSZip.loadAsync(raw);
  // The parts straight from the stored bytes (a compressed one, should there be any, through JSZip).
  const parts = await Promise.all(
    readStoredZip(raw)
      .filter((e) => !e.name.endsWith('/'))
      .map(async (e) => ({
        name: e.name,
        data: e.data ?? (await zip.file(e.name)!.async('uint8array')),
      })),
  );
  const names = parts.map((p) => p.name);
  // Only what the repairs changed or dropped is written back.
  const before = new Map(parts.map((p) => [p.name, p.data]));
  const repaired = repairPackage(parts);
  const kept = new Set(repaired.map((p) => p.name));
  for (const name of names) if (!kept.has(name)) zip.remove(name);
  for (const p of repaired) if (before.get(p.name) !== p.data) zip.file(p.name, p.data);
  const out = zip;
  const compression = options.compression === false ? 'STORE' : 'DEFLATE';
  if (options.output === 'blob') {
    return out.generateAsync({
      type: 'blob',
      compression,
      compressionOptions: { level: 6 },
      mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    });
  }
  return out.generateAsync({ type: 'uint8array', compression, compressionOptions: { level: 6 } });
}

export { repairChartXml, repairPackage } from './package-repair.ts';
