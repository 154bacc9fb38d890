import type { Plugin } from 'vite';
import type { Dataset } from '../core/dataset.ts';

/**
 * How pages get the validated dataset: `import { dataset } from 'virtual:partnerkit/dataset'`
 * (through src/site/dataset.ts). The partnerkit() integration validated data/ before Astro read
 * anything; this module hands that same result to the pages' bundle as JSON, so the pages never
 * read or validate data/ again and no cache has to be shared across module graphs.
 * `decksFromBuild`: in a build the integration renders the ready decks on worker threads, so
 * the deck routes (src/pages/decks/[id].pptx.ts, deck-data/types/[id].json.ts) are not pages.
 */
export const DATASET_MODULE = 'virtual:partnerkit/dataset';
const RESOLVED = `\0${DATASET_MODULE}`;

export interface DatasetModuleOptions {
  /** The validated dataset, read when the module is loaded (the dev server reloads it). */
  dataset: () => Dataset;
  decksFromBuild: boolean;
}

/** The module's source: the dataset as a JSON string literal (parsed once, fast at any size). */
export function datasetModuleSource(dataset: Dataset, decksFromBuild: boolean): string {
  return [
    `export const dataset = JSON.parse(${JSON.stringify(JSON.stringify(dataset))});`,
    `export const decksFromBuild = ${JSON.stringify(decksFromBuild)};`,
  ].join('\n');
}

export function datasetModule(options: DatasetModuleOptions): Plugin {
  return {
    name: 'partnerkit:dataset',
    resolveId(id) {
      return id === DATASET_MODULE ? RESOLVED : undefined;
    },
    load(id) {
      return id === RESOLVED
        ? datasetModuleSource(options.dataset(), options.decksFromBuild)
        : undefined;
    },
  };
}
