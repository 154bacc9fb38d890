/**
 * Plausibility bands: the range of results a partner's finance lead accepts from a business
 * case for adding a vendor's line. The vendor's data sets them (`plausibility` in
 * data/vendor.yaml, each figure sourced or an assumption); these defaults apply without it.
 *
 * - `partnerkit validate` runs every type x vertical x segment default case and warns for each
 *   one outside the bands, naming the driver (see checkCaseBands).
 * - An IRR above `irrAnnualMax`, or from a case that never puts more than `minInvestmentShare`
 *   of its gross profit at risk, is "not meaningful": pages, CLI text and decks say so with the
 *   reason instead of printing the rate; `--json` keeps the number and adds the flag.
 */
import type { Vendor } from '../schema/vendor.ts';
import type { CaseSummary } from './types.ts';

export interface Bands {
  /** Payback sooner than this means the case puts almost nothing at risk. */
  paybackMonthsMin: number;
  /** Payback later than this is longer than a partner waits for a new line. */
  paybackMonthsMax: number;
  /** Return on investment over the horizon, as a fraction (5 = 500%). */
  roiMax: number;
  /** Yearly IRR, as a fraction (3 = 300%). */
  irrAnnualMax: number;
  /** Peak cash need under this share of gross profit: too little at risk for an IRR. */
  minInvestmentShare: number;
}

export const DEFAULT_BANDS: Bands = {
  paybackMonthsMin: 3,
  paybackMonthsMax: 30,
  roiMax: 5,
  irrAnnualMax: 3,
  minInvestmentShare: 0.05,
};

/** The vendor's bands, each figure's value; the defaults for any it leaves out. */
export function bandsOf(vendor: Pick<Vendor, 'plausibility'>): Bands {
  const p = vendor.plausibility;
  if (!p) return { ...DEFAULT_BANDS };
  const out = { ...DEFAULT_BANDS };
  for (const key of Object.keys(DEFAULT_BANDS) as (keyof Bands)[]) {
    const f = p[key];
    if (f) out[key] = f.value;
  }
  return out;
}

/** Why an IRR is not meaningful, with the numbers the wording needs; null when it is. */
export type IrrCaveat =
  | { reason: 'above-band'; limit: number }
  | { reason: 'small-investment'; peakFunding: number; share: number };

export function irrCaveat(
  s: Pick<CaseSummary, 'irrAnnual' | 'peakFunding' | 'grossProfit'>,
  bands: Bands,
): IrrCaveat | null {
  if (s.irrAnnual === null) return null;
  if (s.irrAnnual > bands.irrAnnualMax) return { reason: 'above-band', limit: bands.irrAnnualMax };
  if (s.grossProfit > 0 && s.peakFunding < bands.minInvestmentShare * s.grossProfit)
    return {
      reason: 'small-investment',
      peakFunding: s.peakFunding,
      share: bands.minInvestmentShare,
    };
  return null;
}

/** A key figure outside its band. */
export interface BandBreach {
  figure: 'payback' | 'roi' | 'irr';
  /** The figure (null: payback not within the horizon). */
  value: number | null;
  /** The bound it is past. */
  limit: number;
  side: 'above' | 'below';
}

/** The key figures of a case outside the bands (an IRR flagged not meaningful counts as above). */
export function bandBreaches(
  s: Pick<CaseSummary, 'paybackMonth' | 'roi' | 'irrAnnual'>,
  bands: Bands,
): BandBreach[] {
  const out: BandBreach[] = [];
  if (s.paybackMonth === null)
    out.push({ figure: 'payback', value: null, limit: bands.paybackMonthsMax, side: 'above' });
  else if (s.paybackMonth > bands.paybackMonthsMax)
    out.push({
      figure: 'payback',
      value: s.paybackMonth,
      limit: bands.paybackMonthsMax,
      side: 'above',
    });
  else if (s.paybackMonth < bands.paybackMonthsMin)
    out.push({
      figure: 'payback',
      value: s.paybackMonth,
      limit: bands.paybackMonthsMin,
      side: 'below',
    });
  if (s.roi !== null && s.roi > bands.roiMax)
    out.push({ figure: 'roi', value: s.roi, limit: bands.roiMax, side: 'above' });
  if (s.irrAnnual !== null && s.irrAnnual > bands.irrAnnualMax)
    out.push({ figure: 'irr', value: s.irrAnnual, limit: bands.irrAnnualMax, side: 'above' });
  return out;
}
