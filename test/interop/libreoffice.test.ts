// Interoperability: every build-time deck and a set of tailored ones convert with LibreOffice
// (`soffice --headless --convert-to pdf`, one invocation for all files, a private profile) to a
// PDF with one page per slide whose text holds the prospect's name and the key figures.
// CI installs libreoffice-impress and poppler-utils (.ci/run); a missing tool is an error.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../src/core/deck/model.ts';
import { renderPptx } from '../../src/core/deck/render-pptx.ts';
import { GENERIC_PROSPECT } from '../../src/core/deck/tailor.ts';
import { DIST } from '../helpers/browser.ts';
import { dataset, deckFor, single } from '../helpers/decks.ts';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const PDFINFO = '/usr/bin/pdfinfo';
const PDFTOTEXT = '/usr/bin/pdftotext';

interface Case {
  file: string;
  deck: Deck;
  /** The name as the deck writes it (fitted), which the PDF must hold. */
  name: string;
}

const work = mkdtempSync(join(tmpdir(), 'pk-interop-'));
const cases: Case[] = [];
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

beforeAll(() => {
  for (const tool of [SOFFICE, PDFINFO, PDFTOTEXT]) {
    if (!existsSync(tool))
      throw new Error(
        `${tool} not found: install libreoffice-impress and poppler-utils (apt-get install libreoffice-impress poppler-utils), as .ci/run does`,
      );
  }
}, 10_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('LibreOffice opens every deck', () => {
  it('converts the build-time decks and tailored ones in one soffice run, one PDF page per slide', async () => {
    // Build-time decks, exactly as dist/ ships them.
    const decksDir = join(DIST, 'decks');
    expect(existsSync(decksDir), 'dist/decks is missing: run `npm run build` (npm test does)').toBe(
      true,
    );
    for (const t of dataset.partnerTypes) {
      const src = join(decksDir, `${t.id}.pptx`);
      expect(existsSync(src), src).toBe(true);
      const file = join(work, `built-${t.id}.pptx`);
      writeFileSync(file, execFileSync('cat', [src]));
      cases.push({
        file,
        deck: deckFor(single(t.id), { company: GENERIC_PROSPECT }).deck,
        name: GENERIC_PROSPECT,
      });
    }
    // Tailored decks: XML specials, a mix with a vertical and segment, right-to-left text, emoji, a long name.
    const tailored: [string, Parameters<typeof deckFor>[0], Parameters<typeof deckFor>[1]][] = [
      [
        'specials',
        {
          mix: [
            { type: 'reseller', weight: 0.6 },
            { type: 'managed-service-provider', weight: 0.4 },
          ],
          vertical: dataset.verticals[0]!.id,
          segment: dataset.segments[0]!.id,
        },
        { company: 'Smith & Jones <Advisory> "SJA"', contact: "Pat O'Brien, COO" },
      ],
      ['rtl', single('consultancy'), { company: 'שותפים Partners בע״מ', region: 'ישראל' }],
      [
        'emoji',
        single('referral-partner', { overrides: { newCustomersPerMonth: 4 } }),
        { company: 'Rocket Referrals 🚀', contact: 'Zoë Ångström' },
      ],
      [
        'long',
        single('systems-integrator'),
        {
          company:
            'Consolidated International Systems Integration and Digital Transformation Services Group of Northern Europe Holdings Limited',
        },
      ],
    ];
    for (const [id, request, prospect] of tailored) {
      const { deck } = deckFor(request, prospect);
      const file = join(work, `tailored-${id}.pptx`);
      writeFileSync(file, await renderPptx(deck));
      const title = deck.slides[0]!.blocks.find((b) => b.type === 'text')!;
      const shown =
        title.type === 'text' ? title.paragraphs.slice(1).join(' ').replace(/^× /, '') : '';
      cases.push({ file, deck, name: shown.replace(/…$/, '') });
    }

    const profile = `file://${join(work, 'profile')}`;
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        ...cases.map((c) => c.file),
      ],
      { stdio: 'pipe', timeout: 400_000 },
    );
    const pdfs = readdirSync(work).filter((f) => f.endsWith('.pdf'));
    expect(pdfs.length).toBe(cases.length);

    for (const c of cases) {
      const pdf = c.file.replace(/\.pptx$/, '.pdf');
      const info = execFileSync(PDFINFO, [pdf], { encoding: 'utf8' });
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
      expect(pages, `${c.file}: pages`).toBe(c.deck.slides.length);
      const text = flat(execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
      // The prospect's name as written on the title slide (emoji may have no glyph in the PDF font: compare the rest).
      const name = flat(c.name.replace(/\p{Extended_Pictographic}/gu, ''));
      const rtl = /[\u0590-\u08FF]/.test(name);
      if (rtl) {
        // PDF text of mixed-direction lines comes out in visual order: check each word.
        for (const word of name.split(' ')) expect(text, `${c.file}: ${word}`).toContain(word);
      } else expect(text, `${c.file}: prospect name`).toContain(name.slice(0, 60));
      // The key figures, formatted as on the business-case slide.
      const bc = c.deck.slides.findIndex((s) => s.kind === 'business-case') + 1;
      const page = flat(
        execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', '-f', String(bc), '-l', String(bc), pdf, '-'], {
          encoding: 'utf8',
        }),
      );
      for (const figure of [c.deck.figures.npv, c.deck.figures.payback, c.deck.figures.grossProfit])
        expect(page, `${c.file}: ${figure} on page ${bc}`).toContain(figure);
    }
  }, 600_000);
});
