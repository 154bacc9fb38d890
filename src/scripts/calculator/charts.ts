// The calculator's three charts, loaded with import() after the first paint so chart.js is never
// in the page's up-front JavaScript. Only the pieces used are registered (tree-shaken).
// Every value comes through the view model's chartNumber(): a non-finite number is a gap.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartType,
  type Plugin,
} from 'chart.js';
import type { CaseResult } from '../../core/business-case/types.ts';
import { isStreamKind, STREAMS } from '../../core/stream-kinds.ts';
import {
  cumulativeCash,
  finite,
  revenueByYear,
  SENSITIVITY_HEAD,
  tornado,
  type Fmt,
} from '../../core/result-display.ts';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
  Filler,
);

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the augmented interface declares TType
  interface PluginOptionsByType<TType extends ChartType> {
    /** The payback marker: a dashed vertical line at that month (index on the category axis). */
    pkPayback?: { month: number | null; label: string };
  }
}

const INK = '#1b2430';
const GRID = '#e3e7ed';
/** A dashed vertical line at the payback month, drawn over the datasets. No plugin package needed. */
const paybackLine: Plugin<'line'> = {
  id: 'pkPayback',
  afterDatasetsDraw(chart) {
    const opts = chart.options.plugins?.pkPayback;
    if (!opts || opts.month === null || !finite(opts.month) || !opts.label) return;
    const label = opts.label;
    const x = chart.scales['x']?.getPixelForValue(opts.month);
    if (x === undefined || !finite(x)) return;
    const { top, bottom } = chart.chartArea;
    const ctx = chart.ctx;
    ctx.save();
    ctx.strokeStyle = INK;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([5, 4]);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, bottom);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = INK;
    ctx.font = '600 12px system-ui, sans-serif';
    const right = x + 6 + ctx.measureText(label).width < chart.chartArea.right;
    ctx.textAlign = right ? 'left' : 'right';
    ctx.fillText(label, right ? x + 6 : x - 6, top + 14);
    ctx.restore();
  },
};

/** Tick labels at least this size, at any width (readable on a 320 px phone). */
const TICK_FONT = 12;

/**
 * A sensitivity driver's label in lines of at most `max` characters, so every driver keeps its
 * label on a narrow chart instead of chart.js skipping every other one.
 */
export function wrapLabel(label: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const sameLabels = (a: readonly unknown[] | undefined, b: readonly string[]) =>
  !!a && a.length === b.length && a.every((x, i) => x === b[i]);

export interface CaseCharts {
  revenue: Chart<'bar', (number | null)[], string>;
  cash: Chart<'line', (number | null)[], string>;
  tornado: Chart<'bar', (number | null)[], string | string[]>;
  /** Redraw all three charts. */
  update(r: CaseResult): void;
  /** Redraw the revenue and cash charts only (a case run without sensitivity). */
  updateMain(r: CaseResult): void;
  destroy(): void;
}

export function createCharts(root: HTMLElement, first: CaseResult, f: Fmt): CaseCharts {
  Chart.defaults.font.family =
    "'Inter Variable', system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
  Chart.defaults.font.size = TICK_FONT;
  Chart.defaults.color = INK;
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  // Cheaper updates (chart.js performance guide): data already sorted; on every axis, no label
  // rotation to fit and label sizes measured on a sample (see `fast` below).
  Chart.defaults.normalized = true;
  const canvas = (name: string) => {
    const c = root.querySelector<HTMLCanvasElement>(`canvas[data-chart="${name}"]`);
    if (!c) throw new Error(`the calculator has no ${name} chart`);
    return c;
  };
  const moneyTick = (v: string | number) => f.moneyCompact(Number(v));
  const grid = { color: GRID };
  const fast = { maxRotation: 0, sampleSize: 8 };

  const revenue = new Chart<'bar', (number | null)[], string>(canvas('revenue'), {
    type: 'bar',
    data: { labels: [], datasets: [] },
    options: {
      scales: {
        x: { stacked: true, grid: { display: false }, ticks: fast },
        y: { stacked: true, grid, ticks: { ...fast, callback: moneyTick } },
      },
      plugins: {
        // An HTML legend (below): chart.js would measure its legend on every redraw.
        legend: { display: false },
        tooltip: {
          callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${f.money(c.parsed.y)}` },
        },
      },
    },
  });
  const legend = root.querySelector<HTMLElement>('[data-legend="revenue"]');
  let legendKeys = '';

  const cash = new Chart<'line', (number | null)[], string>(canvas('cash'), {
    type: 'line',
    data: { labels: [], datasets: [] },
    plugins: [paybackLine],
    options: {
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: {
          title: { display: true, text: 'Month' },
          grid: { display: false },
          ticks: { ...fast, autoSkip: true, maxTicksLimit: 13 },
        },
        y: { grid, ticks: { ...fast, callback: moneyTick } },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items) => `Month ${items[0]?.label ?? ''}`,
            label: (c) => `Cumulative cash: ${f.money(c.parsed.y)}`,
          },
        },
        pkPayback: { month: null, label: '' },
      },
    },
  });

  let refit = () => {};
  const torn = new Chart<'bar', (number | null)[], string | string[]>(canvas('tornado'), {
    type: 'bar',
    data: { labels: [], datasets: [] },
    options: {
      indexAxis: 'y',
      scales: {
        x: {
          grid,
          ticks: { ...fast, callback: moneyTick },
          title: { display: true, text: 'Change in net present value' },
        },
        // every driver labelled: no skipping; long labels wrap (see update) and the box grows.
        // Every label measured (no sampleSize): a sample can miss the longest, which then
        // draws wider than its axis and loses its first letters.
        y: { grid: { display: false }, ticks: { maxRotation: 0, autoSkip: false } },
      },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 12 } },
        tooltip: {
          callbacks: {
            title: (items) => {
              const l = items[0]?.label;
              return Array.isArray(l) ? l.join(' ') : (l ?? '');
            },
            label: (c) => `${c.dataset.label ?? ''}: ${f.money(c.parsed.x)}`,
          },
        },
      },
      onResize: () => refit(),
    },
  });
  let tornadoLabels: string[] = [];
  let tornadoWrap = 0;
  /**
   * Wrap the drivers' labels to the chart's width and give each driver a row tall enough for
   * its label, so all of them are drawn (at 12 px) on any screen.
   */
  const fitTornado = () => {
    const box = torn.canvas.parentElement;
    if (!box) return;
    const width = box.clientWidth;
    const wrap = width < 420 ? 16 : width < 640 ? 24 : 48;
    const labels = tornadoLabels.map((l) => wrapLabel(l, wrap));
    const lines = labels.reduce((n, l) => n + Math.max(1, l.length), 0);
    const height = Math.round(lines * (TICK_FONT + 4) + labels.length * 12 + 110);
    if (wrap !== tornadoWrap || box.style.height !== `${height}px`) {
      tornadoWrap = wrap;
      box.style.height = `${height}px`;
      torn.data.labels = labels;
      torn.update('none');
    }
  };

  const updateMain = (r: CaseResult) => {
    const rev = revenueByYear(r);
    if (!sameLabels(revenue.data.labels, rev.labels)) revenue.data.labels = rev.labels;
    const colour = (key: string) => (isStreamKind(key) ? STREAMS[key].colour : '#5d6673');
    // Same streams as last time (the usual case while typing): swap the numbers only, so
    // chart.js keeps its dataset controllers instead of rebuilding them.
    const sets = revenue.data.datasets;
    if (sets.length === rev.series.length && rev.series.every((s, i) => sets[i]!.label === s.label))
      rev.series.forEach((s, i) => (sets[i]!.data = s.data));
    else
      revenue.data.datasets = rev.series.map((s) => ({
        label: s.label,
        data: s.data,
        backgroundColor: colour(s.key),
        borderWidth: 0,
      }));
    revenue.update('none');
    const keys = rev.series.map((s) => s.key).join();
    if (legend && keys !== legendKeys) {
      legendKeys = keys;
      legend.replaceChildren(
        ...rev.series.map((s) => {
          const li = document.createElement('li');
          const swatch = document.createElement('span');
          swatch.className = 'chart-swatch';
          swatch.style.backgroundColor = colour(s.key);
          li.append(swatch, s.label);
          return li;
        }),
      );
    }

    const c = cumulativeCash(r);
    if (!sameLabels(cash.data.labels, c.labels)) cash.data.labels = c.labels;
    const line = cash.data.datasets[0];
    if (line) line.data = c.data;
    else
      cash.data.datasets = [
        {
          label: 'Cumulative cash',
          data: c.data,
          borderColor: '#0b4f8a',
          borderWidth: 2,
          pointRadius: 0,
          pointHitRadius: 6,
          fill: {
            target: 'origin',
            above: 'rgba(29, 107, 58, 0.15)',
            below: 'rgba(179, 38, 30, 0.15)',
          },
        },
      ];
    const opts = cash.options.plugins?.pkPayback;
    if (opts) {
      opts.month = c.paybackMonth;
      opts.label = c.paybackMonth === null ? '' : `Payback: month ${c.paybackMonth}`;
    }
    cash.update('none');
  };

  const update = (r: CaseResult) => {
    updateMain(r);
    const t = tornado(r);
    tornadoLabels = t.labels;
    tornadoWrap = 0;
    torn.data.datasets = [
      {
        label: `Driver ${SENSITIVITY_HEAD.low.toLowerCase()}`,
        data: t.low,
        backgroundColor: '#b3261e',
        grouped: false,
        barPercentage: 0.7,
      },
      {
        label: `Driver ${SENSITIVITY_HEAD.high.toLowerCase()}`,
        data: t.high,
        backgroundColor: '#1d6b3a',
        grouped: false,
        barPercentage: 0.7,
      },
    ];
    fitTornado();
  };
  refit = fitTornado;
  update(first);
  return {
    revenue,
    cash,
    tornado: torn,
    update,
    updateMain,
    destroy() {
      revenue.destroy();
      cash.destroy();
      torn.destroy();
    },
  };
}
