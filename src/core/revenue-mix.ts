/**
 * A partner type's typical revenue mix as a reader adds it up: the streams the data itemises
 * (data/partner-types/*.yaml `revenueStreams`, each cited) rarely cover every dollar, and a finance
 * reader who sums 55 + 2 + 30 + 10 asks where the other 3% went. Pages and decks show the
 * remainder as its own line.
 */
export const UNLISTED_REVENUE = 'Other revenue, not itemised';

/** The share of revenue the itemised streams leave (0.03 for 97% itemised); 0 when under half a percent. */
export function unlistedShare(streams: readonly { share: { value: number } }[]): number {
  const rest = 1 - streams.reduce((sum, s) => sum + s.share.value, 0);
  return rest >= 0.005 ? rest : 0;
}
