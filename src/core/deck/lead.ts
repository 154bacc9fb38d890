/**
 * Who a deck is written for. A partner that does not resell is put off by margin-and-rebate
 * talk, so a deck whose lead type does not resell, or whose mix is mostly (or half) non-reselling,
 * leads with what the partner earns and shows no discount, rebate or MDF anywhere. The side of
 * the mix with more weight wins; a tie goes to the non-reselling side, whatever the order typed.
 */

export interface LeadCandidate {
  id: string;
  transacts: boolean;
}

export interface DeckLead<T extends LeadCandidate> {
  /** The type the deck is written for: the heaviest type of the winning side (ties: by id). */
  lead: T;
  /** Whether the deck may talk resale (discounts, rebates, MDF). */
  reselling: boolean;
  /** Every type with its weight, the lead first, then by weight, the non-reselling first on ties, then by id. */
  ordered: { type: T; weight: number }[];
}

export function deckLead<T extends LeadCandidate>(
  mix: readonly { type: T; weight: number }[],
): DeckLead<T> | undefined {
  if (!mix.length) return undefined;
  const total = mix.reduce((a, m) => a + m.weight, 0);
  const nonReselling = mix.filter((m) => !m.type.transacts).reduce((a, m) => a + m.weight, 0);
  // Weights are normalised fractions or raw numbers: compare the sides, not against 0.5.
  const reselling = nonReselling * 2 < total - 1e-9;
  const byWeight = [...mix].sort(
    (a, b) =>
      b.weight - a.weight ||
      Number(a.type.transacts) - Number(b.type.transacts) ||
      (a.type.id < b.type.id ? -1 : a.type.id > b.type.id ? 1 : 0),
  );
  const lead = byWeight.find((m) => m.type.transacts === reselling)!;
  return {
    lead: lead.type,
    reselling,
    ordered: [lead, ...byWeight.filter((m) => m !== lead)],
  };
}
