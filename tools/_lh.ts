import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveStatic } from '../src/node/static-server.ts';
const dist = process.argv[2]!;
const pages = process.argv.slice(3);
const { server, url } = await serveStatic(dist, 0);
const chrome = await launch({
  chromePath: '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
for (const p of pages) {
  const r = await lighthouse(`${url}${p}`, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
  });
  const lhr = r!.lhr;
  console.log(
    p,
    'perf',
    lhr.categories.performance!.score,
    'TBT',
    Math.round(lhr.audits['total-blocking-time']!.numericValue!),
    'bench',
    lhr.environment.benchmarkIndex,
  );
  const lt = lhr.audits['long-tasks']?.details as
    { items?: { url: string; duration: number; startTime: number }[] } | undefined;
  console.log(
    '  long tasks',
    JSON.stringify(lt?.items?.map((i) => [i.url.replace(url, ''), Math.round(i.duration)])),
  );
  const mw = lhr.audits['mainthread-work-breakdown']?.details as
    { items?: { groupLabel: string; duration: number }[] } | undefined;
  console.log(
    '  main',
    JSON.stringify(mw?.items?.map((i) => [i.groupLabel, Math.round(i.duration)])),
  );
  const bt = lhr.audits['bootup-time']?.details as
    { items?: { url: string; total: number; scripting: number }[] } | undefined;
  console.log(
    '  bootup',
    JSON.stringify(
      bt?.items?.map((i) => [i.url.replace(url, ''), Math.round(i.total), Math.round(i.scripting)]),
    ),
  );
}
chrome.kill();
server.close();
