// Where a business-case page's calculator gets its data: the engine's slice of the dataset
// (src/core/calculator-dataset.ts) as a JSON file beside the page, fetched once the page is up, instead
// of tens of kilobytes of JSON in the page ahead of its content (the mix page carried 65 KB,
// which a phone on a slow network had to download before its first paint).
import { caseDataPath, caseDataset } from '../core/calculator-dataset.ts';
import { getDataset } from './dataset.ts';

/** The JSON file's address: the mix page's (every type) or one type's page's (that type). */
export const caseDataHref = (typeId?: string): string =>
  typeId ? `/${caseDataPath(typeId)}` : '/business-case/case-data.json';

/** The JSON file's body. */
export const caseDataResponse = (typeId?: string): Response =>
  Response.json(caseDataset(getDataset(), typeId ? [typeId] : undefined));
