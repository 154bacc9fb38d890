/**
 * Live figures a story may show with <Figure name="..." />. Each is one of the calculator's key
 * figures (src/core/result-display.ts `keyFigures`), read from the same engine run and formatted by
 * the same code, so a story and the calculator always show the same text for the same inputs.
 */

export interface FigureSpec {
  /** The calculator's key-figure id this name shows. */
  view: 'npv' | 'irr' | 'payback' | 'roi' | 'grossProfit' | 'recurringShare' | 'breakEven';
  help: string;
}

export const FIGURES = {
  paybackMonth: {
    view: 'payback',
    help: 'First month whose cumulative cash is back at zero or above ("Month 14").',
  },
  npv: { view: 'npv', help: 'Net cash over the horizon, discounted.' },
  irrAnnual: { view: 'irr', help: 'Yearly internal rate of return.' },
  roi: { view: 'roi', help: 'Gross profit less costs, over costs, for the horizon.' },
  grossProfit: {
    view: 'grossProfit',
    help: 'Gross profit over the whole horizon (three years by default).',
  },
  recurringShare: {
    view: 'recurringShare',
    help: 'Share of gross profit that recurs: renewals and monthly fees.',
  },
  breakEvenCustomers: {
    view: 'breakEven',
    help: 'New customers a month needed for a net present value of zero.',
  },
} as const satisfies Record<string, FigureSpec>;

export type FigureName = keyof typeof FIGURES;
export const FIGURE_NAMES = Object.keys(FIGURES) as FigureName[];
export const isFigureName = (name: string): name is FigureName => Object.hasOwn(FIGURES, name);

/** The inputs a story's figures and calculator link use: its first type, vertical and segment. */
export interface StoryCaseInputs {
  type: string;
  vertical?: string | undefined;
  segment?: string | undefined;
}

export function storyCaseInputs(story: {
  types: readonly string[];
  verticals?: readonly string[] | undefined;
  segments?: readonly string[] | undefined;
}): StoryCaseInputs {
  return { type: story.types[0]!, vertical: story.verticals?.[0], segment: story.segments?.[0] };
}
