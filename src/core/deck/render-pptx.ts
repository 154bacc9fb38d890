/**
 * The one renderer: deck model -> PPTX bytes with pptxgenjs, the same code in Node (CLI, build)
 * and in the browser (the "Tailor a deck" form). pptxgenjs and JSZip are imported only when a
 * deck is rendered, so a page that offers the form loads them on the first click.
 *
 * Traps handled here (see the deck tests, which check every chart part for them):
 * - pptxgenjs 4 writes a third <c:axId> into every 2D bar and line chart with no <c:serAx>
 *   behind it (gitbrent/PptxGenJS#1534): PowerPoint then asks to repair the file. The
 *   dangling ids are removed from each chart part after writing.
 * - Colours are six hex digits without '#', never names (#588); stacked bars only with two or
 *   more series (#1357, decided in the model); one chart type per chart, no combos (#1233).
 * - `write()` ignores `compression`; the file is written uncompressed, repaired, then
 *   compressed once with DEFLATE: by JSZip in the browser, by `options.repack` where a faster
 *   codec exists (Node's native zlib, src/node/pptx-repack.ts).
 * - Images are embedded as `data:` URLs (a path would be fetched in the browser).
 */
import type PptxGenJSType from 'pptxgenjs';
import type JSZipType from 'jszip';
import type { Block, ChartBlock, Deck, TableBlock } from './model.ts';
import { SLIDE_H, SLIDE_W } from './model.ts';

type Pptx = PptxGenJSType;
type PptxSlide = ReturnType<Pptx['addSlide']>;
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

/** The parts of a package that need repairs after pptxgenjs writes them. */
export const needsRepair = (part: string): boolean => /^ppt\/charts\/chart\d+\.xml$/.test(part);

/**
 * Re-pack pptxgenjs's uncompressed package: every part in order, each part `needsRepair`
 * names passed through `repair`, then compressed when `compression` is true.
 */
export type Repack = (
  raw: Uint8Array,
  repair: (xml: string) => string,
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

export async function loadPptxGenJS(): Promise<PptxGenJSConstructor> {
  const mod = (await import('pptxgenjs')) as unknown as {
    default: PptxGenJSConstructor | { default: PptxGenJSConstructor };
  };
  const d = mod.default;
  return typeof d === 'function' ? d : d.default;
}

export async function loadJSZip(): Promise<JSZipConstructor> {
  const mod = (await import('jszip')) as unknown as { default: JSZipConstructor };
  return mod.default ?? (mod as unknown as JSZipConstructor);
}

/** Draw the deck with pptxgenjs; returns the presentation, not yet written. */
export function drawDeck(
  deck: Deck,
  PptxGenJS: PptxGenJSConstructor,
  onSlide?: (slide: PptxSlide) => void,
): Pptx {
  const pptx = new PptxGenJS();
  const t = deck.theme;
  const c = t.colours;
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
        x: 0.5,
        y: SLIDE_H - 0.5,
        w: SLIDE_W - 2.2,
        h: 0.35,
        fontFace: t.fonts.body,
        fontSize: t.footerSize,
        color: colour(c.muted),
        valign: 'middle' as const,
        margin: 0,
      },
    },
  };
  const rule = {
    line: {
      x: 0.5,
      y: SLIDE_H - 0.58,
      w: SLIDE_W - 1,
      h: 0,
      line: { color: colour(c.muted), width: 0.5 },
    },
  };
  const slideNumber = {
    x: SLIDE_W - 1.2,
    y: SLIDE_H - 0.5,
    w: 0.7,
    h: 0.35,
    fontFace: t.fonts.body,
    fontSize: t.footerSize,
    color: colour(c.muted),
    align: 'right' as const,
  };
  pptx.defineSlideMaster({
    title: MASTER_TITLE,
    background: { color: colour(c.background) },
    objects: [rule, footer],
    slideNumber,
  });
  pptx.defineSlideMaster({
    title: MASTER_CONTENT,
    background: { color: colour(c.background) },
    objects: [{ image: { ...t.logo.box, data: t.logo.data, altText: t.logo.alt } }, rule, footer],
    slideNumber,
  });

  for (const s of deck.slides) {
    const slide = pptx.addSlide({ masterName: s.kind === 'title' ? MASTER_TITLE : MASTER_CONTENT });
    if (s.kind !== 'title') {
      slide.addText(s.title, {
        x: 0.5,
        y: 0.3,
        w: t.logo.box.x - 0.8,
        h: 0.9,
        fontFace: t.fonts.heading,
        fontSize: s.titleSize,
        bold: true,
        color: colour(c.primary),
        valign: 'middle',
        margin: [0.05, 0.1, 0.05, 0.1],
      });
    }
    for (const b of s.blocks) drawBlock(pptx, slide, b, deck);
    slide.addNotes(s.notes);
    onSlide?.(slide);
  }
  return pptx;
}

function drawBlock(pptx: Pptx, slide: PptxSlide, b: Block, deck: Deck) {
  const t = deck.theme;
  const font = (f: 'heading' | 'body') => (f === 'heading' ? t.fonts.heading : t.fonts.body);
  switch (b.type) {
    case 'text': {
      const last = b.paragraphs.length - 1;
      const runs = b.paragraphs.map((p, i) => ({
        text: p,
        options: {
          breakLine: i < last,
          ...(b.bullets === 'numbered'
            ? { bullet: { type: 'number' as const } }
            : b.bullets
              ? { bullet: true }
              : {}),
          ...(b.rtl ? { rtlMode: true } : {}),
          paraSpaceAfter: b.bullets ? 4 : 0,
        },
      }));
      slide.addText(runs, {
        ...b.box,
        fontFace: font(b.font),
        fontSize: b.fontSize,
        color: colour(b.color),
        bold: b.bold ?? false,
        align: b.align ?? (b.rtl ? 'right' : 'left'),
        valign: b.valign ?? 'top',
        margin: [0.05, 0.1, 0.05, 0.1],
        ...(b.fill ? { fill: { color: colour(b.fill) } } : {}),
        ...(b.rtl ? { rtlMode: true } : {}),
      });
      return;
    }
    case 'figure':
      slide.addText(
        [
          {
            text: b.value,
            options: { fontSize: b.valueSize, bold: true, color: colour(b.color), breakLine: true },
          },
          { text: b.label, options: { fontSize: b.labelSize, color: colour(t.colours.muted) } },
        ],
        {
          ...b.box,
          fontFace: t.fonts.body,
          align: 'center',
          valign: 'middle',
          fill: { color: colour(b.fill) },
          margin: [0.05, 0.1, 0.05, 0.1],
        },
      );
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
  const head = b.header.map((h) => ({
    text: h,
    options: { bold: true, color: colour(b.headerColor), fill: { color: colour(b.headerFill) } },
  }));
  const rows = b.rows.map((r) => r.map((cell) => ({ text: cell })));
  slide.addTable([head, ...rows], {
    x: b.box.x,
    y: b.box.y,
    w: b.colW.reduce((a, w) => a + w, 0),
    colW: b.colW,
    rowH: b.rowHeights,
    fontFace,
    fontSize: b.fontSize,
    color: colour(b.color),
    valign: 'top',
    margin: [0.04, 0.08, 0.04, 0.08],
    border: { type: 'solid', pt: 0.5, color: colour(b.border) },
    autoPage: false,
  });
}

function drawChart(pptx: Pptx, slide: PptxSlide, b: ChartBlock, deck: Deck) {
  const t = deck.theme;
  if (b.stacked && b.series.length < 2)
    throw new Error(
      'a stacked bar needs two or more series (pptxgenjs #1357): the model should have made it clustered',
    );
  const data = b.series.map((s) => ({ name: s.name, labels: b.categories, values: s.values }));
  const muted = colour(t.colours.muted);
  const text = colour(t.colours.text);
  slide.addChart(b.kind === 'bar' ? pptx.ChartType.bar : pptx.ChartType.line, data, {
    ...b.box,
    chartColors: b.colors.map(colour),
    showTitle: true,
    title: b.title,
    titleFontFace: t.fonts.body,
    titleFontSize: 13,
    titleColor: text,
    showLegend: b.showLegend,
    legendPos: 'b',
    legendFontFace: t.fonts.body,
    legendFontSize: 10,
    legendColor: text,
    catAxisLabelColor: muted,
    catAxisLabelFontFace: t.fonts.body,
    catAxisLabelFontSize: 10,
    valAxisLabelColor: muted,
    valAxisLabelFontFace: t.fonts.body,
    valAxisLabelFontSize: 10,
    valAxisLabelFormatCode: b.valueFormat,
    valGridLine: { color: 'D9DEE5', size: 0.5, style: 'solid' },
    catAxisLineShow: true,
    ...(b.labelEvery ? { catAxisLabelFrequency: String(b.labelEvery) } : {}),
    ...(b.kind === 'bar'
      ? {
          barDir: 'col' as const,
          barGrouping: b.stacked ? ('stacked' as const) : ('clustered' as const),
          barGapWidthPct: 60,
        }
      : { lineDataSymbol: 'none' as const, lineSize: 2 }),
  });
}

/**
 * Remove axis ids referenced in a chart but defined by no axis element (gitbrent/PptxGenJS#1534).
 * Pure string work on one chart part; a chart without dangling ids comes back unchanged.
 */
export function repairChartXml(xml: string): string {
  const defined = new Set(
    [...xml.matchAll(/<c:(?:catAx|valAx|serAx|dateAx)>\s*<c:axId val="(\d+)"\s*\/>/g)].map(
      (m) => m[1],
    ),
  );
  return xml.replace(/<c:axId val="(\d+)"\s*\/>/g, (whole, id: string) =>
    defined.has(id) ? whole : '',
  );
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
    return options.repack(raw, repairChartXml, options.compression !== false);
  const zip = await JSZip.loadAsync(raw);
  for (const name of Object.keys(zip.files).filter(needsRepair)) {
    const xml = await zip.file(name)!.async('string');
    const fixed = repairChartXml(xml);
    if (fixed !== xml) zip.file(name, fixed);
  }
  const compression = options.compression === false ? 'STORE' : 'DEFLATE';
  if (options.output === 'blob') {
    return zip.generateAsync({
      type: 'blob',
      compression,
      compressionOptions: { level: 6 },
      mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    });
  }
  return zip.generateAsync({ type: 'uint8array', compression, compressionOptions: { level: 6 } });
}
