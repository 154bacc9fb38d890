/**
 * Items a vendor writes for some partners only (`whenEarning: [resale, referral]` on a next step
 * or a market fact): shown to a case that earns one of those streams, left out of the others, so
 * a training partner is never asked to register deals nor told about resale margins.
 */
import type { StreamKind } from './stream-kinds.ts';

/** Whether a case earning `streams` earns one of those an item is for (none named: everyone). */
export const earnsAny = (
  streams: readonly StreamKind[],
  whenEarning: readonly StreamKind[] | undefined,
): boolean => !whenEarning || whenEarning.some((k) => streams.includes(k));

/**
 * The vendor's market facts a deck shows for a case: those written for a stream it earns first
 * (the marketplace forecast to a marketplace, the services multiplier to an integrator), then
 * those for everyone, in the file's order; those for streams it does not earn are left out.
 */
export function caseFacts<F extends { whenEarning?: readonly StreamKind[] | undefined }>(
  facts: readonly F[],
  streams: readonly StreamKind[],
): F[] {
  return [
    ...facts.filter((f) => f.whenEarning && earnsAny(streams, f.whenEarning)),
    ...facts.filter((f) => !f.whenEarning),
  ];
}
