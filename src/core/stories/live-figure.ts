/**
 * The value behind <Figure name="..." />: the calculator's own key figures (`keyFigures` in
 * result-display.ts) for the engine's result on the story's inputs. No second implementation: the
 * calculator runs the same `runCase` on the same request and formats with the same code.
 */
import type { Dataset } from '../dataset.ts';
import { runCase } from '../business-case/index.ts';
import type { CaseRequest } from '../business-case/types.ts';
import { formatter, keyFigures } from '../result-display.ts';
import { FIGURES, FIGURE_NAMES, type FigureName, type StoryCaseInputs } from './figures.ts';

/** The engine request a story's figures use: its first type at full weight, its first vertical and segment. */
export const storyCaseRequest = (inputs: StoryCaseInputs): CaseRequest => ({
  mix: [{ type: inputs.type, weight: 1 }],
  ...(inputs.vertical ? { vertical: inputs.vertical } : {}),
  ...(inputs.segment ? { segment: inputs.segment } : {}),
});

export interface LiveFigure {
  name: FigureName;
  /** The calculator's label for it. */
  label: string;
  /** The text the calculator shows. */
  text: string;
}

/** Every figure for one set of inputs, from one engine run. */
export function liveFigures(
  dataset: Dataset,
  inputs: StoryCaseInputs,
): Record<FigureName, LiveFigure> {
  // The key figures read neither the sensitivity table nor the scenarios (break-even, they do).
  const result = runCase(dataset, storyCaseRequest(inputs), {
    sensitivity: false,
    scenarios: false,
  });
  const shown = keyFigures(result, formatter({ currency: result.currency, locale: result.locale }));
  return Object.fromEntries(
    FIGURE_NAMES.map((name) => {
      const f = shown.find((k) => k.id === FIGURES[name].view);
      if (!f)
        throw new Error(
          `the calculator shows no "${FIGURES[name].view}" figure for <Figure name="${name}" />`,
        );
      return [name, { name, label: f.label, text: f.value }];
    }),
  ) as Record<FigureName, LiveFigure>;
}
