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

/** One line of a revenue mix as pages and decks show it: a cited stream, or the unlisted rest. */
export interface MixLine<K> {
  name: string;
  share: number;
  /** The stream's kind (its colour on a page); undefined for the unlisted rest. */
  kind: K | undefined;
  unlisted: boolean;
}

/** The streams in the order given, then the unlisted rest when there is one: shares that add up to 100%. */
export function mixLines<K>(
  streams: readonly { name: string; share: { value: number }; kind?: K | undefined }[],
): MixLine<K>[] {
  const rest = unlistedShare(streams);
  return [
    ...streams.map((s) => ({ name: s.name, share: s.share.value, kind: s.kind, unlisted: false })),
    ...(rest > 0 ? [{ name: UNLISTED_REVENUE, share: rest, kind: undefined, unlisted: true }] : []),
  ];
}
