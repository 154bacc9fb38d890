// Lighthouse on the built site, one page of each page type (test/helpers/site-pages.ts: a reselling
// and a non-reselling playbook and business case, the mix page, the 404), in Lighthouse's
// default mobile emulation (a mid-range phone, simulated slow 4G and 4x CPU slowdown), served
// from dist/ on loopback, in Debian's Chromium. Part of `npm run bench`; alone:
//
//   npm run build && npm run lighthouse [-- dist] [-- /page/ ...]
//
// Lighthouse is pinned at 12.2.3 (13 needs Node 22 for `npm ci` with the system npm).
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { representativePages } from '../test/helpers/site-pages.ts';
import { serveStatic } from '../src/node/static-server.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const REPO = join(import.meta.dirname, '..');

export interface LighthouseRow {
  page: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Total blocking time, largest contentful paint (ms), cumulative layout shift. */
  tbt: number;
  lcp: number;
  cls: number;
  /** Audits below a perfect score, by id (for a page not at 100). */
  failing: string[];
}

/**
 * Runs per page; the report shows each page's median run (by performance score, then blocking
 * time), as Lighthouse's own guidance asks on a machine shared with other work.
 */
export const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));

const medianRun = (runs: LighthouseRow[]): LighthouseRow =>
  [...runs].sort((a, b) => a.scores.performance - b.scores.performance || b.tbt - a.tbt)[
    Math.floor(runs.length / 2)
  ]!;

export async function lighthouseRows(
  dist: string,
  log: (s: string) => void = () => {},
  only: string[] = [],
): Promise<LighthouseRow[]> {
  const pages = only.length ? only : representativePages(REPO, dist);
  const { server, url: base } = await serveStatic(dist, 0);
  const chrome = await launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
    ],
  });
  const rows: LighthouseRow[] = [];
  try {
    for (const page of pages) {
      log(`  lighthouse ${page} (${RUNS} runs)`);
      const runs: LighthouseRow[] = [];
      for (let run = 0; run < RUNS; run++) runs.push(await audit(page));
      rows.push(medianRun(runs));
    }
  } finally {
    chrome.kill();
    server.close();
  }
  return rows;

  async function audit(page: string): Promise<LighthouseRow> {
    const result = await lighthouse(`${base}${page}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned nothing for ${page}`);
    const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    return {
      page,
      scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(c)])) as LighthouseRow['scores'],
      tbt: numeric('total-blocking-time'),
      lcp: numeric('largest-contentful-paint'),
      cls: numeric('cumulative-layout-shift'),
      failing: Object.values(lhr.categories)
        .flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => lhr.audits[r.id]))
        .filter((a) => a && a.score !== null && a.score < 1)
        .map((a) => a!.id),
    };
  }
}

const COMMAND =
  'lighthouse 12.2.3 (node API, default mobile emulation and simulated throttling), Debian Chromium headless, dist/ served on 127.0.0.1 by src/node/static-server.ts';

export function lighthouseMarkdown(rows: LighthouseRow[]): string {
  const fmt = (n: number, d = 0) =>
    Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: d }) : 'n/a';
  const all100 = rows.every((r) => CATEGORIES.every((c) => r.scores[c] === 100));
  const calc = rows.filter((r) => /business-case\/$/.test(r.page));
  return [
    '## Lighthouse (mobile)',
    '',
    `One page of each page type, the median of ${RUNS} runs each (\`LIGHTHOUSE_RUNS\` changes it). Command: ${COMMAND}; \`npm run bench\` (bench/lighthouse.ts), or alone \`npm run lighthouse\` after \`npm run build\`.`,
    '',
    '| page | performance | accessibility | best practices | SEO | total blocking time | largest contentful paint | layout shift | below 100 on |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| \`${r.page}\` | ${r.scores.performance} | ${r.scores.accessibility} | ${r.scores['best-practices']} | ${r.scores.seo} | ${fmt(r.tbt)} ms | ${fmt(r.lcp)} ms | ${fmt(r.cls, 3)} | ${r.failing.join(', ') || '-'} |`,
    ),
    '',
    `- 100 in all four categories on every page: ${all100 ? 'yes' : 'NO'}.`,
    `- Total blocking time on the business-case pages (target under 50 ms): ${calc.map((r) => `\`${r.page}\` ${fmt(r.tbt)} ms`).join(', ')}.`,
    '',
  ].join('\n');
}

/** For bench/run.ts. */
export async function bench({ dist, log }: { dist: string; log: (s: string) => void }) {
  return { markdown: lighthouseMarkdown(await lighthouseRows(dist, log)) };
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  // npm run lighthouse [-- <dist>] [-- /page/ ...]
  const args = process.argv.slice(2);
  const dist = args.find((a) => !a.startsWith('/')) ?? join(REPO, 'dist');
  const only = args.filter((a) => a.startsWith('/'));
  const rows = await lighthouseRows(dist, (s) => process.stderr.write(`${s}\n`), only);
  process.stdout.write(lighthouseMarkdown(rows));
}
