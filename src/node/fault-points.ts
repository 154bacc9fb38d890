// Named moments of a build where a test can make it die (as `kill -9` would) or fail, so "the
// site survives a build killed at any moment" is tested moment by moment, not by timing.
// `PARTNERKIT_BUILD_FAULT=kill:<point>` kills the process at that point; `throw:<point>` makes
// the build fail there; `hold:<point>` says so on stderr and stops there until the process is
// killed (a test can then act while the build is known to be at that point, and kill it).
// Unset (always, outside tests), a fault point does nothing.

export const FAULT_POINTS = [
  /** The build holds the lock, nothing else done. */
  'locked',
  /** Data and content validated; Astro not started. */
  'validated',
  /** Astro has started building into the staging folder (decks rendering). */
  'astro-started',
  /** Every page is written into the staging folder; search index and decks not yet. */
  'pages-written',
  /** The decks are written into the staging folder too: the build is complete, not published. */
  'decks-written',
  /** The complete build is checked; the link that will replace dist/ exists beside it. */
  'link-made',
  /** dist/ now names the new build; the previous builds are not yet cleaned up. */
  'published',
] as const;

export type FaultPoint = (typeof FAULT_POINTS)[number];

export class InjectedFault extends Error {}

export function faultPoint(point: FaultPoint): void {
  const fault = process.env.PARTNERKIT_BUILD_FAULT;
  if (!fault) return;
  if (fault === `kill:${point}`) process.kill(process.pid, 'SIGKILL');
  if (fault === `hold:${point}`) {
    process.stderr.write(`fault point "${point}": holding until the build is killed\n`); // synchronous on a pipe
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); // blocks this thread for good
  }
  if (fault === `throw:${point}`)
    throw new InjectedFault(`the build was made to fail at "${point}" (PARTNERKIT_BUILD_FAULT)`);
}
