// The coverage map as CSV, one row per cell: the same cells as /coverage/ and
// `partnerkit coverage --json` (src/core/ecosystem/coverage.ts).
import type { APIRoute } from 'astro';
import { coverageCsv, coverageMap } from '../core/ecosystem/coverage.ts';
import { getDataset } from '../site/dataset.ts';

export const GET: APIRoute = () => {
  const map = coverageMap(getDataset());
  return new Response(map ? coverageCsv(map) : '', {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
