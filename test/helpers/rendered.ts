// What LibreOffice drew, against what the deck file asked for: the words of each PDF page
// (`pdftotext -bbox-layout`) against the frames of its slide (shapes, tables, charts, and the
// layout's footer), and the ink of each page (`pdftoppm -gray`) against its content area.
// Shared by the interop test and `npm run decks:preview`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runsText, type OpenedPptx } from './pptx.ts';

const EMU_PER_PT = 12700;
const PT_PER_IN = 72;

export interface Frame {
  kind: 'text' | 'table' | 'chart' | 'picture';
  /** Points, from the slide's top left. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** The frame's text, letters and digits only, lower case (for matching PDF words). */
  text: string;
  label: string;
}

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

function framesOf(xml: string): Frame[] {
  const out: Frame[] = [];
  const geometry = (part: string) => {
    const off = /<a:off x="(-?\d+)" y="(-?\d+)"\s*\/>/.exec(part);
    const ext = /<a:ext cx="(\d+)" cy="(\d+)"\s*\/>/.exec(part);
    if (!off || !ext) return undefined;
    return {
      x: Number(off[1]) / EMU_PER_PT,
      y: Number(off[2]) / EMU_PER_PT,
      w: Number(ext[1]) / EMU_PER_PT,
      h: Number(ext[2]) / EMU_PER_PT,
    };
  };
  for (const [sp] of xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)) {
    const g = geometry(sp);
    const text = runsText(/<p:txBody>[\s\S]*<\/p:txBody>/.exec(sp)?.[0] ?? '');
    if (g && text.trim())
      out.push({ kind: 'text', ...g, text: squash(text), label: text.trim().slice(0, 50) });
  }
  for (const [gf] of xml.matchAll(/<p:graphicFrame>[\s\S]*?<\/p:graphicFrame>/g)) {
    const g = geometry(gf);
    if (!g) continue;
    if (gf.includes('<a:tbl>'))
      out.push({ kind: 'table', ...g, text: squash(runsText(gf)), label: 'table' });
    else out.push({ kind: 'chart', ...g, text: '', label: 'chart' });
  }
  for (const [pic] of xml.matchAll(/<p:pic>[\s\S]*?<\/p:pic>/g)) {
    const g = geometry(pic);
    if (g) out.push({ kind: 'picture', ...g, text: '', label: 'picture' });
  }
  return out;
}

/** The frames of each slide, in slide order, with its layout's (footer, page number). */
export function slideFrames(p: OpenedPptx): Frame[][] {
  const slides = [...p.xml.keys()]
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  return slides.map((name) => {
    const rels = p.xml.get(name.replace('slides/', 'slides/_rels/').replace(/\.xml$/, '.xml.rels'));
    const layout = /Target="\.\.\/slideLayouts\/(slideLayout\d+\.xml)"/.exec(rels ?? '')?.[1];
    const layoutXml = layout ? (p.xml.get(`ppt/slideLayouts/${layout}`) ?? '') : '';
    return [...framesOf(p.xml.get(name)!), ...framesOf(layoutXml)];
  });
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');

/** Every word LibreOffice drew on each page, with its box in points. */
export function pdfWords(pdf: string): { width: number; height: number; words: Word[] }[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(
    (m) => ({
      width: Number(m[1]),
      height: Number(m[2]),
      words: [
        ...m[3]!.matchAll(
          /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g,
        ),
      ].map((w) => ({
        xMin: Number(w[1]),
        yMin: Number(w[2]),
        xMax: Number(w[3]),
        yMax: Number(w[4]),
        text: unescapeXml(w[5]!),
      })),
    }),
  );
}

/** Horizontal slack for a word against its frame, in points (rounding, glyph overhang). */
const SLACK_X = 1.5;
/** Share of a word's box height that may stand outside its frame at top and bottom (the font's own ascent and descent). */
const TRIM_Y = 0.22;

const inside = (w: Word, f: Frame) => {
  const trim = (w.yMax - w.yMin) * TRIM_Y;
  return (
    w.xMin >= f.x - SLACK_X &&
    w.xMax <= f.x + f.w + SLACK_X &&
    w.yMin + trim >= f.y - 0.5 &&
    w.yMax - trim <= f.y + f.h + 0.5
  );
};

/**
 * Words drawn past their frame or off the slide. A word belongs to the frames whose text holds
 * it (charts hold any word); it must sit inside one of them.
 */
export function overflowProblems(p: OpenedPptx, pdf: string): string[] {
  const frames = slideFrames(p);
  const pages = pdfWords(pdf);
  const out: string[] = [];
  pages.forEach((page, i) => {
    const fs = frames[i] ?? [];
    for (const w of page.words) {
      const key = squash(w.text);
      if (!key) continue;
      const where = `slide ${i + 1}: "${w.text}" at (${Math.round(w.xMin)}, ${Math.round(w.yMin)}) pt`;
      if (w.xMin < -SLACK_X || w.xMax > page.width + SLACK_X || w.yMax > page.height + 0.5) {
        out.push(`${where} runs off the slide`);
        continue;
      }
      // PDF text of right-to-left words comes out in visual order: match it either way.
      const reversed = [...key].reverse().join('');
      const owners = fs.filter(
        (f) => f.kind === 'chart' || f.text.includes(key) || f.text.includes(reversed),
      );
      if (!owners.length) continue; // a glyph LibreOffice split oddly; nothing to hold it against
      if (!owners.some((f) => inside(w, f)))
        out.push(
          `${where} runs past its frame (${owners
            .filter((f) => f.kind !== 'chart')
            .map((f) => `"${f.label}"`)
            .join(' or ')})`,
        );
    }
  });
  return out;
}

export interface Area {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Share of each page's content area (inches) with ink: the area cut into cells of `cell` inches,
 * a cell used when any of its pixels differs from the background (white) by more than a trace.
 */
export function inkCoverage(pdf: string, areas: Area[], cell = 0.25, dpi = 24): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'pk-ink-'));
  try {
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), pdf, join(dir, 'p')]);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort();
    return files.map((f, i) => {
      const { width, pixels } = readPgm(readFileSync(join(dir, f)));
      const a = areas[i]!;
      const px = (inches: number) => Math.round(inches * dpi);
      const step = cell * dpi;
      let used = 0;
      let total = 0;
      for (let cy = a.y; cy < a.y + a.h - 1e-9; cy += cell)
        for (let cx = a.x; cx < a.x + a.w - 1e-9; cx += cell) {
          total++;
          let ink = false;
          for (let y = px(cy); y < px(cy) + step && !ink; y++)
            for (let x = px(cx); x < px(cx) + step && !ink; x++)
              if (255 - pixels[y * width + x]! > 10) ink = true;
          if (ink) used++;
        }
      return total ? used / total : 1;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A binary PGM (P5) image: width, height and 8-bit grey pixels. */
function readPgm(bytes: Uint8Array): { width: number; height: number; pixels: Uint8Array } {
  let at = 0;
  const token = () => {
    while (/\s/.test(String.fromCharCode(bytes[at]!))) at++;
    let t = '';
    while (!/\s/.test(String.fromCharCode(bytes[at]!))) t += String.fromCharCode(bytes[at++]!);
    return t;
  };
  if (token() !== 'P5') throw new Error('not a binary PGM');
  const width = Number(token());
  const height = Number(token());
  token(); // max value
  at++;
  return { width, height, pixels: bytes.subarray(at, at + width * height) };
}

export { PT_PER_IN };
