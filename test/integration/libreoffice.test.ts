// Interoperability and what a person sees: every build-time deck and a set of tailored ones
// (every audience, mixes, hostile names) convert with LibreOffice (`soffice --headless
// --convert-to pdf`, one invocation for all files, a private profile) to a PDF with one page per
// slide whose text holds the prospect's name and the key figures; no word is drawn past its
// frame or off the slide (PDF word positions against the file's shape geometry); and no slide is
// more than half empty (ink in its content area).
// CI installs libreoffice-impress, poppler-utils and the fonts metric-compatible with Calibri and
// Arial (fonts-crosextra-carlito, fonts-liberation) in .ci/run, so LibreOffice measures text as
// PowerPoint does; a missing tool is an error.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../src/core/deck/model.ts';
import { BODY_BOTTOM, BODY_Y } from '../../src/core/deck/layout.ts';
import { renderDeck } from '../../src/node/decks.ts';
import { DIST } from '../helpers/browser.ts';
import { READY, TAILORED } from '../helpers/deck-cases.ts';
import { deckFor, prospectBlock, sources } from '../helpers/decks.ts';
import { openPptx, type OpenedPptx } from '../helpers/pptx.ts';
import { inkCoverage, overflowProblems, type Area } from '../helpers/rendered.ts';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const TOOLS = [SOFFICE, '/usr/bin/pdfinfo', '/usr/bin/pdftotext', '/usr/bin/pdftoppm'];

interface Case {
  id: string;
  file: string;
  deck: Deck;
  opened: OpenedPptx;
}

const work = mkdtempSync(join(tmpdir(), 'pk-interop-'));
const cases: Case[] = [];
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
const pdfOf = (c: Case) => c.file.replace(/\.pptx$/, '.pdf');

/** The area of each slide that should not be more than half empty, in inches. */
const contentArea = (deck: Deck, i: number): Area => {
  const s = deck.slides[i]!;
  const f = deck.theme.frame.title;
  return s.kind === 'title' || s.kind === 'closing'
    ? { x: 0, y: 0, w: 13.333, h: 6.85 }
    : { x: f.x, y: BODY_Y, w: f.w, h: BODY_BOTTOM - BODY_Y };
};

beforeAll(async () => {
  for (const tool of TOOLS)
    if (!existsSync(tool))
      throw new Error(
        `${tool} not found: install libreoffice-impress and poppler-utils (apt-get install libreoffice-impress poppler-utils), as .ci/run does`,
      );
  const fonts = execFileSync('fc-match', ['Calibri'], { encoding: 'utf8' });
  if (!/Carlito|Calibri/i.test(fonts))
    throw new Error(
      `LibreOffice would draw Calibri with ${fonts.trim()}: install fonts-crosextra-carlito (as .ci/run does) so it measures text as PowerPoint does`,
    );
  // Build-time decks, exactly as dist/ ships them.
  const decksDir = join(DIST, 'decks');
  if (!existsSync(decksDir))
    throw new Error('dist/decks is missing: run `npm run build` (npm test does)');
  for (const c of READY) {
    const type = c.request.mix[0]!.type;
    const file = join(work, `built-${type}.pptx`);
    const bytes = readFileSync(join(decksDir, `${type}.pptx`));
    writeFileSync(file, bytes);
    cases.push({
      id: c.id,
      file,
      deck: deckFor(c.request, c.prospect).deck,
      opened: await openPptx(bytes),
    });
  }
  for (const c of TAILORED) {
    const { deck, bytes } = await renderDeck(sources, c.request, c.prospect, c.audience);
    const file = join(work, `${c.id}.pptx`);
    writeFileSync(file, bytes);
    cases.push({ id: c.id, file, deck, opened: await openPptx(bytes) });
  }
  execFileSync(
    SOFFICE,
    [
      `-env:UserInstallation=file://${join(work, 'profile')}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      work,
      ...cases.map((c) => c.file),
    ],
    { stdio: 'pipe', timeout: 500_000 },
  );
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('LibreOffice opens every deck', () => {
  it('converts them all in one run, one PDF page per slide, with the name and key figures', () => {
    expect(readdirSync(work).filter((f) => f.endsWith('.pdf')).length).toBe(cases.length);
    for (const c of cases) {
      const info = execFileSync('pdfinfo', [pdfOf(c)], { encoding: 'utf8' });
      expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), `${c.id}: pages`).toBe(
        c.deck.slides.length,
      );
      const text = flat(
        execFileSync('pdftotext', ['-enc', 'UTF-8', pdfOf(c), '-'], { encoding: 'utf8' }),
      );
      // The prospect's name as the title slide sets it (emoji may have no glyph in the PDF font).
      const name = flat(
        prospectBlock(c.deck)
          .paragraphs.join(' ')
          .replace(/…$/, '')
          .replace(/\p{Extended_Pictographic}/gu, ''),
      );
      if (/[\u0590-\u08FF]/.test(name))
        // PDF text of mixed-direction lines comes out in visual order: check each word.
        for (const word of name.split(' ')) expect(text, `${c.id}: ${word}`).toContain(word);
      else expect(text, `${c.id}: prospect name`).toContain(name.slice(0, 60));
      const at = c.deck.slides.findIndex((s) => s.kind === 'headline') + 1;
      const page = flat(
        execFileSync(
          'pdftotext',
          ['-enc', 'UTF-8', '-f', String(at), '-l', String(at), pdfOf(c), '-'],
          {
            encoding: 'utf8',
          },
        ),
      );
      for (const figure of [c.deck.figures.npv, c.deck.figures.payback, c.deck.figures.grossProfit])
        expect(page, `${c.id}: ${figure} on page ${at}`).toContain(figure);
    }
  });

  it('draws no word past its frame or off the slide', () => {
    const problems = cases.flatMap((c) =>
      overflowProblems(c.opened, pdfOf(c)).map((p) => `${c.id} ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it('leaves no slide more than half empty', () => {
    const empty: string[] = [];
    for (const c of cases) {
      const used = inkCoverage(
        pdfOf(c),
        c.deck.slides.map((_, i) => contentArea(c.deck, i)),
      );
      used.forEach((u, i) => {
        if (u < 0.5)
          empty.push(
            `${c.id} slide ${i + 1} (${c.deck.slides[i]!.kind}): ${Math.round(u * 100)}% used`,
          );
      });
    }
    expect(empty).toEqual([]);
  });
});
