// Build-time access to the validated dataset for pages. The integration has already
// validated data/ before any page renders, so a failure here is a programming error.
import type { Dataset } from '../core/dataset.ts';
import { formatDiagnostic } from '../core/diagnostics.ts';
import { bindDefaultProse } from '../core/prose-tokens.ts';
import { loadDataOnce } from '../node/load-data-once.ts';
import { projectRoot } from '../node/project-root.ts';

let cached: Dataset | undefined;

export function getDataset(): Dataset {
  if (cached) return cached;
  const { dataset, diagnostics } = loadDataOnce(projectRoot());
  if (!dataset) throw new Error(diagnostics.map(formatDiagnostic).join('\n'));
  // Prose that states what the case assumes is bound to each type's default case.
  return (cached = bindDefaultProse(dataset));
}

export const money = (d: Dataset) => ({ currency: d.vendor.currency, locale: d.vendor.locale });
