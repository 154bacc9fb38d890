/**
 * Live figures a story may show with <Figure name="..." />. Each is read from the business-case
 * engine's summary for the story's inputs and formatted with the shared formatters, so a story
 * and the calculator always show the same text for the same inputs.
 */
import { formatMoney, formatPercent, type Money } from '../format.ts';

export interface FigureSummary {
  npv: number;
  irrAnnual: number | null;
  paybackMonth: number | null;
  roi: number | null;
  grossProfit: number;
  recurringShare: number | null;
}

export interface FigureSpec {
  label: string;
  help: string;
  format: (summary: FigureSummary, money: Money) => string;
}

const percentOrNone = (v: number | null, money: Money, none: string) => (v === null ? none : formatPercent(v, money.locale));

/** "month 14", or a plain sentence when the case does not pay back within its horizon. */
export const formatPaybackMonth = (month: number | null): string => (month === null ? 'not within the horizon' : `month ${month}`);

export const FIGURES = {
  paybackMonth: { label: 'Payback month', help: 'First month whose cumulative cash is back above zero.', format: (s) => formatPaybackMonth(s.paybackMonth) },
  npv: { label: 'Net present value', help: 'Net cash over the horizon, discounted.', format: (s, m) => formatMoney(s.npv, m) },
  irrAnnual: { label: 'Internal rate of return (a year)', help: 'Yearly rate at which the case breaks even.', format: (s, m) => percentOrNone(s.irrAnnual, m, 'undefined (the cash flows never turn)') },
  roi: { label: 'Return on investment', help: '(gross profit − costs) ÷ costs over the horizon.', format: (s, m) => percentOrNone(s.roi, m, 'undefined (no costs)') },
  grossProfit: { label: 'Gross profit over the horizon', help: 'Gross profit over the whole horizon (three years by default).', format: (s, m) => formatMoney(s.grossProfit, m) },
  recurringShare: { label: 'Recurring share of gross profit', help: 'Share of gross profit that renews: managed services, renewals, subscriptions.', format: (s, m) => percentOrNone(s.recurringShare, m, 'none') },
} as const satisfies Record<string, FigureSpec>;

export type FigureName = keyof typeof FIGURES;
export const FIGURE_NAMES = Object.keys(FIGURES) as FigureName[];
export const isFigureName = (name: string): name is FigureName => Object.hasOwn(FIGURES, name);

/** The text a figure shows for a summary. */
export function formatFigure(name: FigureName, summary: FigureSummary, money: Money): string {
  return FIGURES[name].format(summary, money);
}

/** The inputs a story's figures and calculator link use: its first type, vertical and segment. */
export interface StoryCaseInputs {
  type: string;
  vertical?: string | undefined;
  segment?: string | undefined;
}

export function storyCaseInputs(story: { types: readonly string[]; verticals?: readonly string[] | undefined; segments?: readonly string[] | undefined }): StoryCaseInputs {
  return { type: story.types[0]!, vertical: story.verticals?.[0], segment: story.segments?.[0] };
}
