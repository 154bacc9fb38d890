// npm run decks:preview [-- --ready-only] [-- --only <id,id>]
//
// Renders every ready deck (and, unless --ready-only, the tailored set the tests look at: every
// audience, mixes, hostile names) as the build renders them, converts them with LibreOffice and
// writes, under bench/results/decks-preview/ (git-ignored):
// - <id>.pptx and <id>.pdf;
// - sheet-<id>.png: a contact sheet of every slide, for a person to review after any deck change;
// - index.html: all the sheets on one page;
// - report.txt: words drawn past their frame and slides more than half empty (the interop
//   test's checks), so what fails the tests can be seen before it runs.
// Needs soffice, pdftoppm and pdftotext (poppler-utils), and Debian's Chromium for the sheets.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { BODY_BOTTOM, BODY_Y } from '../src/core/deck/layout.ts';
import type { Deck } from '../src/core/deck/model.ts';
import { loadDeckSources } from '../src/node/deck-sources.ts';
import { renderDeck } from '../src/node/decks.ts';
import { READY, TAILORED } from '../test/helpers/deck-cases.ts';
import { openPptx } from '../test/helpers/pptx.ts';
import { inkCoverage, overflowProblems } from '../test/helpers/rendered.ts';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench', 'results', 'decks-preview');
const { values } = parseArgs({
  options: {
    'ready-only': { type: 'boolean', default: false },
    only: { type: 'string' },
    dpi: { type: 'string', default: '40' },
  },
});

const log = (s: string) => process.stderr.write(`${s}\n`);
for (const tool of ['soffice', 'pdftoppm', 'pdftotext'])
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
  } catch {
    throw new Error(`${tool} not found: apt-get install libreoffice-impress poppler-utils`);
  }

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const src = loadDeckSources(ROOT);
const only = values.only?.split(',');
const wanted = [...READY, ...(values['ready-only'] ? [] : TAILORED)].filter(
  (c) => !only || only.includes(c.id),
);

const decks = new Map<string, Deck>();
for (const c of wanted) {
  const { deck, bytes } = await renderDeck(src, c.request, c.prospect, c.audience);
  writeFileSync(join(OUT, `${c.id}.pptx`), bytes);
  decks.set(c.id, deck);
}
log(`rendered ${wanted.length} decks; converting with LibreOffice…`);
execFileSync(
  'soffice',
  [
    `-env:UserInstallation=file://${join(OUT, '.profile')}`,
    '--headless',
    '--norestore',
    '--convert-to',
    'pdf',
    '--outdir',
    OUT,
    ...wanted.map((c) => join(OUT, `${c.id}.pptx`)),
  ],
  { stdio: 'ignore', timeout: 900_000 },
);
rmSync(join(OUT, '.profile'), { recursive: true, force: true });

const report: string[] = [];
const pages = new Map<string, string[]>();
for (const c of wanted) {
  const pdf = join(OUT, `${c.id}.pdf`);
  const deck = decks.get(c.id)!;
  const opened = await openPptx(execFileSync('cat', [join(OUT, `${c.id}.pptx`)]));
  for (const p of overflowProblems(opened, pdf)) report.push(`${c.id} ${p}`);
  const f = deck.theme.frame.title;
  inkCoverage(
    pdf,
    deck.slides.map((s) =>
      s.kind === 'title' || s.kind === 'closing'
        ? { x: 0, y: 0, w: 13.333, h: 6.85 }
        : { x: f.x, y: BODY_Y, w: f.w, h: BODY_BOTTOM - BODY_Y },
    ),
  ).forEach((u, i) => {
    if (u < 0.5)
      report.push(
        `${c.id} slide ${i + 1} (${deck.slides[i]!.kind}) is ${Math.round((1 - u) * 100)}% empty`,
      );
  });
  const dir = join(OUT, c.id);
  mkdirSync(dir);
  execFileSync('pdftoppm', ['-png', '-r', values.dpi, pdf, join(dir, 'slide')]);
  pages.set(
    c.id,
    readdirSync(dir)
      .filter((n) => n.endsWith('.png'))
      .sort()
      .map((n) => `${c.id}/${n}`),
  );
}

/** One deck's slides in a grid, three across, with slide numbers and kinds. */
const sheetHtml = (id: string) => `<!doctype html><meta charset="utf-8"><style>
body{margin:0;padding:16px;background:#5b6570;font:14px system-ui,sans-serif;color:#fff}
h1{font-size:18px;margin:0 0 12px}.g{display:grid;grid-template-columns:repeat(3,1fr);gap:12px}
figure{margin:0}img{width:100%;display:block;box-shadow:0 1px 4px #0006}figcaption{margin-top:4px}
</style><h1>${id}</h1><div class="g">${pages
  .get(id)!
  .map(
    (p, i) =>
      `<figure><img src="${p}"><figcaption>${i + 1} · ${decks.get(id)!.slides[i]?.kind ?? ''}</figcaption></figure>`,
  )
  .join('')}</div>`;

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(chromium)) {
  const { chromium: pw } = await import('playwright-core');
  const browser = await pw.launch({
    executablePath: chromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    for (const c of wanted) {
      const html = join(OUT, `sheet-${c.id}.html`);
      writeFileSync(html, sheetHtml(c.id));
      await page.goto(`file://${html}`);
      await page.screenshot({ path: join(OUT, `sheet-${c.id}.png`), fullPage: true });
      rmSync(html);
    }
  } finally {
    await browser.close();
  }
} else log(`no Chromium at ${chromium}: slide PNGs only, no contact sheets`);

writeFileSync(
  join(OUT, 'index.html'),
  `<!doctype html><meta charset="utf-8"><title>Deck preview</title><style>body{font:15px system-ui,sans-serif;margin:24px}img{max-width:100%;border:1px solid #ccc;margin:8px 0 32px}</style><h1>Deck preview</h1><pre>${report.length ? report.join('\n') : 'No text past its frame, no slide more than half empty.'}</pre>${wanted
    .map((c) => `<h2>${c.id}</h2><img src="sheet-${c.id}.png" alt="${c.id}">`)
    .join('')}`,
);
writeFileSync(join(OUT, 'report.txt'), `${report.join('\n')}\n`);
log(report.length ? report.join('\n') : 'no text past its frame, no slide more than half empty');
process.stdout.write(
  `wrote ${wanted.length} contact sheets to ${relative(process.cwd(), OUT)}/ (open index.html)\n`,
);
