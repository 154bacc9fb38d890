// Build-time access to the validated dataset for pages: the partnerkit() integration validated
// data/ before any page renders and hands the result over as a virtual module
// (src/integrations/dataset-module.ts), so pages never read data/ themselves.
import { dataset } from 'virtual:partnerkit/dataset';
import type { Dataset } from '../core/dataset.ts';
import { bindDefaultProse } from '../core/prose-tokens.ts';

/** Prose that states what the case assumes, bound to each type's default case (once). */
let bound: Dataset | undefined;
export const getDataset = (): Dataset => (bound ??= bindDefaultProse(dataset));

export const money = (d: Dataset) => ({ currency: d.vendor.currency, locale: d.vendor.locale });
