/**
 * The slice of the dataset the calculator sends to the browser: what the engine and the request
 * checks read, and nothing of the playbooks' prose (objections, KPIs, sources...). A unit test
 * checks that the engine gives the same case from the slice as from the whole dataset.
 */
import { typesByIds, type Dataset } from './dataset.ts';

export function caseDataset(d: Dataset, typeIds?: readonly string[]): Dataset {
  // A page about one type carries that type only: with every type on every business-case page,
  // each page grew with the number of types and a site of N types wrote N² of data.
  const types = typeIds ? typesByIds(d, typeIds) : d.partnerTypes;
  const program = d.vendor.program;
  const ids = new Set(types.map((t) => t.id));
  return {
    vendor: {
      ...d.vendor,
      // Which types produce each metric, for these types only (the lists name every type).
      ...(program && typeIds
        ? {
            program: {
              ...program,
              metrics: program.metrics.map((m) =>
                Array.isArray(m.producedBy)
                  ? { ...m, producedBy: m.producedBy.filter((id) => ids.has(id)) }
                  : m,
              ),
            },
          }
        : {}),
      opportunity: [],
      nextSteps: [],
      sources: [],
    },
    partnerTypes: types.map((t) => ({
      ...t,
      values: [],
      alienatedBy: [],
      decisionMakers: [],
      qualifyingQuestions: [],
      objections: [],
      kpis: [],
      collaboratesWith: [],
      sources: [],
    })),
    verticals: d.verticals.map((v) => ({ ...v, talkingPoints: [] })),
    segments: d.segments.map((s) => ({ ...s, talkingPoints: [] })),
    verticalSources: [],
    segmentSources: [],
  };
}

/** A type's calculator data file, relative to the site's root (the build's deck workers write it). */
export const caseDataPath = (typeId: string): string =>
  `partners/${typeId}/business-case/case-data.json`;

/** JSON for a `<script type="application/json">`: "<" escaped so no text can close the element. */
export const jsonForScript = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
