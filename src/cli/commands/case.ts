// `partnerkit case`: print a business case as tables, or as one JSON object with --json.
import { parseArgs } from 'node:util';
import {
  CaseRequestError,
  runCase,
  COST_ITEMS,
  type CaseRequest,
  type CaseResult,
} from '../../core/business-case/index.ts';
import { resultWords } from '../../core/wording.ts';
import {
  costLabel,
  movedValue,
  SENSITIVITY_HEAD,
  streamLabel,
  streamsByTotal,
  tierItems,
  tierWorth,
} from '../../core/result-display.ts';
import {
  ASSUMPTION_KEYS,
  ASSUMPTIONS,
  type AssumptionSpec,
} from '../../core/assumption-registry.ts';
import { validDataset } from '../command-io.ts';
import { CASE_OPTIONS, requestFromOptions } from '../case-options.ts';

export const CASE_USAGE = `Usage: partnerkit case --type <id> [options]

Prints the business case for a partner type (or a mix of types) taking on the vendor's line:
yearly streams and costs, NPV, IRR, payback, ROI, tiers, scenarios and sensitivity.

Options:
  --type <id>            partner type (id, alias or initials, e.g. msp)
  --mix a=0.6,b=0.4      a mix of partner types (replaces --type): the weighted combination
                         of each type's own case (its customers, costs and tiers); payback
                         and IRR from the combined cash; weights are scaled to add up to 1
  --vertical <id>        customer vertical
  --segment <id>         customer size segment
  --product <id>         the vendor's product (default: the type's first fitting product)
  --set key=value        override an assumption; repeatable, or several after one --set;
                         10% = 0.1. Keys and allowed ranges:
${ASSUMPTION_KEYS.map((k) => {
  const s: AssumptionSpec = ASSUMPTIONS[k];
  return `                           ${k.padEnd(28)}${s.min} to ${s.max}${s.integer ? ' (whole)' : ''}`;
}).join('\n')}
  --json                 print one JSON object (assumptions, provenance, monthly, yearly,
                         summary, tiers, benefitValue, scenarios, sensitivity, sentence)

Exit status: 0 done, 1 data/ is invalid, 2 bad arguments (unknown ids, keys or values).
`;

const fail = (message: string, usage = false) => {
  process.stderr.write(`partnerkit case: ${message}\n${usage ? `\n${CASE_USAGE}` : ''}`);
  return 2;
};

/** Parse the command line into a request, or a list of problems. */
export function caseRequestFromArgs(args: string[]): {
  request?: CaseRequest;
  json: boolean;
  help: boolean;
  problems: string[];
} {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      ...CASE_OPTIONS,
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const problems: string[] = [];
  const stray = positionals.filter((p) => !p.includes('='));
  if (stray.length)
    problems.push(
      `unexpected argument${stray.length > 1 ? 's' : ''} ${stray.map((s) => JSON.stringify(s)).join(', ')}`,
    );
  if (!values.mix && !values.type && !values.help)
    problems.push('name a partner type with --type <id> or a mix with --mix a=0.6,b=0.4');
  // `--set a=1 b=2`: key=value words after the options are overrides too.
  const { request, problems: requestProblems } = requestFromOptions(
    values,
    positionals.filter((p) => p.includes('=')),
  );
  problems.push(...requestProblems);
  return { request, json: values.json, help: values.help, problems };
}

export function runCaseCommand(args: string[]): number {
  let parsed: ReturnType<typeof caseRequestFromArgs>;
  try {
    parsed = caseRequestFromArgs(args);
  } catch (e) {
    return fail((e as Error).message, true);
  }
  if (parsed.help) {
    process.stdout.write(CASE_USAGE);
    return 0;
  }
  if (parsed.problems.length || !parsed.request)
    return fail(
      parsed.problems.join('\n'),
      parsed.problems.some((p) => p.startsWith('name a partner type')),
    );

  const dataset = validDataset(' and run the case again');
  if (!dataset) return 1;
  let result: CaseResult;
  try {
    result = runCase(dataset, parsed.request);
  } catch (e) {
    if (e instanceof CaseRequestError) return fail(e.problems.map((p) => p.message).join('\n'));
    throw e;
  }
  process.stdout.write(parsed.json ? `${JSON.stringify(result, null, 2)}\n` : caseText(result));
  return 0;
}

// ---- text rendering -------------------------------------------------------------------

function table(header: string[], rows: string[][], alignLeft = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < alignLeft ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Words wrapped to `width` columns, each line indented. */
export function wrapText(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

/** A paragraph wrapped to the terminal, its later lines indented under the first. */
const hanging = (text: string, indent: string): string[] => {
  const [first = '', ...rest] = wrapText(text, CLI_WIDTH);
  return rest.length ? [first, ...wrapText(rest.join(' '), CLI_WIDTH, indent)] : [first];
};

/** Columns that fit a terminal, with each row's benefits wrapped beneath it. */
function tierTable(rows: { cells: string[]; benefits: string }[], header: string[]): string {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r.cells[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.flatMap((r) => [line(r.cells), ...wrapText(r.benefits, CLI_WIDTH, '  ')]),
  ].join('\n');
}

/** The width text output keeps to: an 80-column terminal. */
const CLI_WIDTH = 78;

/** The case as a reader-friendly text report. */
export function caseText(r: CaseResult): string {
  const w = resultWords({ currency: r.currency, locale: r.locale });
  const $ = (v: number) => w.money(v);
  const pct = (v: number | null) => (v === null ? 'n/a' : w.percent(v));
  const s = r.summary;
  const a = r.assumptions;
  const out: string[] = [];

  const who =
    r.lanes.length === 1
      ? r.lanes[0]!.name
      : r.lanes.map((l) => `${w.percent(l.weight)} ${l.name}`).join(' + ');
  const products = [...new Set(r.lanes.map((l) => l.productName))].join(', ');
  const market = [
    r.request.vertical && `vertical ${r.request.vertical}`,
    r.request.segment && `segment ${r.request.segment}`,
  ]
    .filter(Boolean)
    .join(', ');
  out.push(`Business case: ${who} adding ${products}${market ? ` (${market})` : ''}`);
  out.push(
    `${a.horizonMonths} months, cost of capital ${pct(a.discountRateAnnual)} a year, figures in ${r.currency}`,
  );
  out.push('');

  const years = r.yearly;
  const header = ['', ...years.map((y) => `Year ${y.year}`), 'Total'];
  const row = (label: string, values: number[], total: number) => [
    label,
    ...values.map($),
    $(total),
  ];
  const rows: string[][] = [];
  // What earns most first; a stream that costs money (an ISV's marketplace fees) last.
  for (const stream of streamsByTotal(r))
    rows.push(
      row(
        streamLabel(r, stream),
        years.map((y) => y.revenue[stream]),
        s.revenueByStream[stream],
      ),
    );
  rows.push(
    row(
      'Revenue',
      years.map((y) => y.revenueTotal),
      s.revenue,
    ),
  );
  rows.push(
    row(
      'Gross profit',
      years.map((y) => y.grossProfit),
      s.grossProfit,
    ),
  );
  // A cost shows when any year has it, not only when its total does: working capital builds up
  // and is released as receivables move, so a year can have it when the total is 0, and without
  // its row that year's costs would not add up.
  for (const c of COST_ITEMS)
    if ([s.costsByItem[c], ...years.map((y) => y.costItems[c])].some((v) => Math.abs(v) >= 0.5))
      rows.push(
        row(
          `  ${costLabel(r, c)}`,
          years.map((y) => y.costItems[c]),
          s.costsByItem[c],
        ),
      );
  rows.push(
    row(
      'Costs',
      years.map((y) => y.costs),
      s.totalCosts,
    ),
  );
  rows.push(
    row(
      'Net cash',
      years.map((y) => y.net),
      s.netCash,
    ),
  );
  rows.push(['Cumulative', ...years.map((y) => $(y.cumulative)), '']);
  out.push(table(header, rows), '');

  const irr = w.irr(s);
  // A rate reads "45.2% a year"; "Not meaningful" or "Undefined" gets its reason under the table.
  const irrText = s.irrAnnual === null || s.irrCaveat ? irr.value : irr.prose;
  const payback = w.payback(s.paybackMonth, a.horizonMonths);
  const breakEven = w.breakEven(s.breakEvenCustomers);
  out.push(
    table(
      ['Key figures', ''],
      [
        [`NPV at ${pct(a.discountRateAnnual)}`, $(s.npv)],
        ['IRR', irrText],
        ['Payback', payback.value],
        ['ROI', w.roi(s.roi)],
        ['Gross profit', $(s.grossProfit)],
        [
          'Recurring share of gross profit',
          s.recurringShare === null ? 'n/a' : w.rate(s.recurringShare),
        ],
        ['Break-even new customers', breakEven.value],
      ],
    ),
    ...(irrText === irr.value && irr.note
      ? wrapText(`IRR ${irr.value.toLowerCase()}: ${irr.note}`, CLI_WIDTH)
      : []),
    '',
    ...wrapText(r.sentence, CLI_WIDTH),
    '',
  );

  // Each type's tiers (one table per type of a mix), then what they are worth.
  for (const lane of r.laneTiers) {
    const items = tierItems(r, w, lane);
    out.push(
      ...(r.laneTiers.length > 1 ? [`Tiers for the ${lane.name} part`] : []),
      // Tier and month on one line, the benefits this type can use wrapped beneath it, so the
      // table fits an 80-column terminal. The value column only when a tier above the entry is
      // held: never a column of blanks.
      tierTable(
        items.map((t, i) => ({
          cells: items.some((x, k) => k > 0 && x.reached)
            ? [t.name, t.when, i === 0 || !t.reached ? '' : $(lane.benefitValue.byTier[i]!.net)]
            : [t.name, t.when],
          benefits: t.benefits.join(', '),
        })),
        items.some((x, k) => k > 0 && x.reached)
          ? ['Tier', 'Reached', 'Value vs entry tier']
          : ['Tier', 'Reached'],
      ),
      ...items.filter((t) => t.detail).flatMap((t) => hanging(`${t.name}: ${t.detail}`, '  ')),
      ...wrapText(tierWorth(r, w, lane).sentence, CLI_WIDTH),
      '',
    );
  }

  if (r.scenarios.length) {
    out.push(
      table(
        ['Scenario', 'Volume', 'Per customer', 'Ramp', 'NPV', 'Payback', 'Gross profit'],
        r.scenarios.map((sc) => [
          sc.label,
          `×${sc.multipliers.newCustomersPerMonth}`,
          `×${sc.multipliers.valuePerCustomer}`,
          `×${sc.multipliers.ramp}`,
          $(sc.summary.npv),
          w.payback(sc.summary.paybackMonth, a.horizonMonths).value,
          $(sc.summary.grossProfit),
        ]),
      ),
      '',
    );
  }
  if (r.sensitivity.length) {
    // A move that stopped at a bound or changed the tier is marked with a number and said in a
    // footnote, so the table keeps to a 100-column terminal.
    const marks: string[] = [];
    const moved = (x: CaseResult['sensitivity'][number], side: 'low' | 'high') => {
      const text = movedValue(x.key, x[side], w);
      const m = /^(.*) \((.+)\)$/.exec(text);
      if (!m) return text;
      marks.push(
        `${x.label} at ${side === 'low' ? '×0.8' : '×1.2'} ${m[2]!.replace('its limit', 'stops at its limit')}.`,
      );
      return `${m[1]} [${marks.length}]`;
    };
    const rows = r.sensitivity
      .slice(0, 8)
      .map((x) => [
        x.label,
        moved(x, 'low'),
        moved(x, 'high'),
        $(x.low.npv),
        $(x.high.npv),
        $(x.swing),
      ]);
    out.push(
      table(
        [
          SENSITIVITY_HEAD.driver,
          SENSITIVITY_HEAD.low,
          SENSITIVITY_HEAD.high,
          'NPV ×0.8',
          'NPV ×1.2',
          'Swing',
        ],
        rows,
      ),
      ...marks.flatMap((t, i) => hanging(`[${i + 1}] ${t}`, '    ')),
      '',
    );
  }
  if (r.notes.length) out.push('Notes:', ...r.notes.flatMap((n) => hanging(`- ${n}`, '  ')), '');
  return `${out.join('\n')}\n`;
}
