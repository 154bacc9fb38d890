// Lighthouse on the built site, one page of each page type (src/node/site-pages.ts: a reselling
// and a non-reselling playbook and business case, the mix page, the 404), in Lighthouse's
// default mobile emulation (a mid-range phone, simulated slow 4G and 4x CPU slowdown), served
// from dist/ on loopback, in Debian's Chromium. Part of `npm run bench`; alone:
//
//   npm run build && npm run lighthouse [-- dist]
//
// Lighthouse is pinned at 12.2.3 (13 needs Node 22 for `npm ci` with the system npm).
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { representativePages } from '../src/node/site-pages.ts';
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

export async function lighthouseRows(
  dist: string,
  log: (s: string) => void = () => {},
): Promise<LighthouseRow[]> {
  const pages = representativePages(REPO, dist);
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
      log(`  lighthouse ${page}`);
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
      rows.push({
        page,
        scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(c)])) as LighthouseRow['scores'],
        tbt: numeric('total-blocking-time'),
        lcp: numeric('largest-contentful-paint'),
        cls: numeric('cumulative-layout-shift'),
        failing: Object.values(lhr.categories)
          .flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => lhr.audits[r.id]))
          .filter((a) => a && a.score !== null && a.score < 1)
          .map((a) => a!.id),
      });
    }
  } finally {
    chrome.kill();
    server.close();
  }
  return rows;
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
    `One page of each page type. Command: ${COMMAND}; \`npm run bench\` (bench/lighthouse.ts), or alone \`npm run lighthouse\` after \`npm run build\`.`,
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
  const dist = process.argv[2] ?? join(REPO, 'dist');
  const rows = await lighthouseRows(dist, (s) => process.stderr.write(`${s}\n`));
  process.stdout.write(lighthouseMarkdown(rows));
}
