// The calculator's input-to-chart latency in Chromium: the time from an `input` event on a field
// to the redrawn charts. The calculator recomputes the main case and redraws synchronously in
// its input handler (runCase without scenarios, sensitivity and break-even; the figures and
// tables; the revenue and cash charts with chart.update('none'), animation off), so the
// handler's duration is the latency, and the figure to hold is one 16 ms frame. The full case
// (scenarios, sensitivity, break-even, tornado) follows once input pauses, and is timed too.
//
//   node bench/calculator.ts [dist] [events]    (npm run bench runs it on a fresh build)
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { serveStatic } from '../src/node/static-server.ts';

export interface CalculatorBenchOptions {
  /** The built site. */
  dist: string;
  /** Input events to time (default 41). */
  events?: number;
  /** Page to measure (default the MSP's calculator, else the first calculator found by the caller). */
  path?: string;
  log?: (s: string) => void;
}

export interface CalculatorTimings {
  path: string;
  events: number;
  /** Milliseconds from dispatching `input` to the handler's return: main case computed, revenue and cash charts redrawn. */
  samples: number[];
  median: number;
  p90: number;
  max: number;
  /** Main-thread CPU time of the input event's dispatch (from a Chromium trace), median ms. */
  cpuMedian: number;
  /** The full case run once input pauses (scenarios, sensitivity, break-even, tornado redrawn), median ms. */
  fullMedian: number;
  /** Input-to-chart median with a mix of two types (the engine runs a lane per type). */
  mixMedian: number;
  mixFullMedian: number;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};

/**
 * Time N input events on one page. Per event: the input handler's duration (the main case,
 * figures, tables and the revenue and cash charts redrawn before it returns), and the full
 * case that follows once input pauses (scenarios, sensitivity, break-even, tornado redrawn),
 * from the calculator's `pk:full-case` performance measure.
 */
async function timeEvents(
  page: Page,
  events: number,
): Promise<{ input: number[]; full: number[] }> {
  return page.evaluate(async (n) => {
    const el = document.querySelector<HTMLElement>('pk-calculator')!;
    const input = el.querySelector<HTMLInputElement>('#in-dealValue')!;
    const start = Number(input.value) || 20_000;
    const out = { input: [] as number[], full: [] as number[] };
    const idle = () =>
      new Promise<void>((resolve) => {
        const check = () => (el.hasAttribute('data-pending') ? setTimeout(check, 10) : resolve());
        check();
      });
    for (let i = 0; i <= n; i++) {
      const before = el.dataset.previewVersion;
      const version = el.dataset.chartsVersion;
      performance.clearMeasures('pk:full-case');
      input.value = String(start + (i + 1) * 100);
      const t0 = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const t1 = performance.now();
      if (el.dataset.previewVersion === before)
        throw new Error('the calculator did not recompute on input');
      await idle();
      if (el.dataset.chartsVersion === version)
        throw new Error('the charts did not redraw the full case');
      const full = performance.getEntriesByName('pk:full-case').at(-1)?.duration ?? Number.NaN;
      if (i > 0) {
        // the first event warms the JIT
        out.input.push(t1 - t0);
        out.full.push(full);
      }
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return out;
  }, events);
}

async function waitForCharts(page: Page) {
  await page.waitForFunction(() => {
    const el = document.querySelector<HTMLElement>('pk-calculator');
    return !!el && !!el.dataset.chartsVersion && el.dataset.chartsVersion === el.dataset.version;
  });
}

/** Median, p90 and max input-to-chart time over N input events (Chromium at /usr/bin/chromium). */
export async function measureCalculator(
  options: CalculatorBenchOptions,
): Promise<CalculatorTimings> {
  const events = options.events ?? 41;
  const path = options.path ?? '/partners/managed-service-provider/business-case/';
  const { server, url } = await serveStatic(options.dist, 0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${url}${path}`);
    await waitForCharts(page);
    options.log?.(`  timing ${events} input events on ${path}`);
    // A trace gives each input event's main-thread CPU time as well as its wall time: on a busy
    // machine the wall time includes waiting for a core, the thread time does not.
    await browser.startTracing(page, { categories: ['devtools.timeline'] });
    const one = await timeEvents(page, events);
    const trace = JSON.parse((await browser.stopTracing()).toString()) as {
      traceEvents: {
        name: string;
        ph: string;
        tdur?: number;
        args?: { data?: { type?: string } };
      }[];
    };
    const cpu = trace.traceEvents
      .filter(
        (e) =>
          e.name === 'EventDispatch' &&
          e.ph === 'X' &&
          e.args?.data?.type === 'input' &&
          e.tdur !== undefined,
      )
      .map((e) => e.tdur! / 1000)
      .slice(1);
    await page.goto(`${url}/business-case/`);
    await waitForCharts(page);
    const mix = await timeEvents(page, events);
    const samples = one.input;
    return {
      path,
      events,
      samples,
      median: quantile(samples, 0.5),
      p90: quantile(samples, 0.9),
      max: Math.max(...samples),
      cpuMedian: quantile(cpu, 0.5),
      fullMedian: quantile(one.full, 0.5),
      mixMedian: quantile(mix.input, 0.5),
      mixFullMedian: quantile(mix.full, 0.5),
    };
  } finally {
    await browser.close();
    server.close();
  }
}

/** For `npm run bench` (bench/run.ts): rows of figures with the command behind them. */
export async function bench(ctx: {
  dist: string;
  log?: (s: string) => void;
}): Promise<{ figure: string; value: string; command: string }[]> {
  const t = await measureCalculator({ dist: ctx.dist, log: ctx.log });
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const command = `bench/calculator.ts: ${t.events} \`input\` events on a field in Chromium, time to the redrawn charts`;
  return [
    {
      figure: `calculator input to redrawn charts, median (${t.path}; target 16 ms)`,
      value: ms(t.median),
      command,
    },
    {
      figure: 'calculator input to redrawn charts, main-thread CPU time, median (Chromium trace)',
      value: ms(t.cpuMedian),
      command,
    },
    { figure: 'calculator input to redrawn charts, 90th percentile', value: ms(t.p90), command },
    { figure: 'calculator input to redrawn charts, slowest', value: ms(t.max), command },
    {
      figure: 'calculator input to redrawn charts, median, two-type mix (/business-case/)',
      value: ms(t.mixMedian),
      command,
    },
    {
      figure:
        'calculator full case after input pauses (scenarios, sensitivity, break-even, tornado), median',
      value: ms(t.fullMedian),
      command,
    },
    {
      figure: 'calculator full case after input pauses, median, two-type mix',
      value: ms(t.mixFullMedian),
      command,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = process.argv[2] ?? join(import.meta.dirname, '..', 'dist');
  const t = await measureCalculator({
    dist,
    events: Number(process.argv[3] ?? 41),
    log: (s) => console.error(s),
  });
  console.log(JSON.stringify({ ...t, samples: t.samples.map((x) => +x.toFixed(2)) }, null, 2));
}
