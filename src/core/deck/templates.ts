import type { PartnerType } from '../schema/partner-type.ts';
import type { Sequence, Theme } from '../schema/template.ts';

/** The logo, embedded: decks never fetch or read a path while being written. */
export interface LogoData {
  /** `data:image/png;base64,...` (or image/jpeg). */
  dataUrl: string;
  widthPx: number;
  heightPx: number;
}

/** Everything in `templates/`, validated and loaded: what the deck model needs besides the data. */
export interface DeckTemplates {
  theme: Theme;
  logo: LogoData;
  sequences: Sequence[];
}

/** How many `appliesTo` conditions a sequence sets, or -1 when the type fails one of them. */
export function sequenceScore(seq: Sequence, type: PartnerType): number {
  const a = seq.appliesTo;
  let score = 0;
  if (a.transacts !== undefined) {
    if (a.transacts !== type.transacts) return -1;
    score++;
  }
  if (a.journeyRoles) {
    if (!a.journeyRoles.some((r) => type.journeyRoles.includes(r))) return -1;
    score++;
  }
  if (a.streams) {
    if (!a.streams.some((s) => type.businessCase.streams.includes(s))) return -1;
    score++;
  }
  return score;
}

/** The sequence for a partner type: the one matching the most conditions; ties go to the first by id. */
export function sequenceFor(
  sequences: readonly Sequence[],
  type: PartnerType,
): Sequence | undefined {
  let best: Sequence | undefined;
  let bestScore = -1;
  for (const seq of [...sequences].sort((a, b) => a.id.localeCompare(b.id))) {
    const score = sequenceScore(seq, type);
    if (score > bestScore) [best, bestScore] = [seq, score];
  }
  return best;
}

/** Width and height of a PNG or JPEG, read from its header; undefined when it is neither. */
export function imageSize(
  bytes: Uint8Array,
): { type: 'png' | 'jpeg'; width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (
    bytes.length > 24 &&
    bytes[0] === 0x89 &&
    bytes[1] === 0x50 &&
    bytes[2] === 0x4e &&
    bytes[3] === 0x47
  ) {
    return { type: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return undefined;
      const marker = bytes[i + 1]!;
      const len = view.getUint16(i + 2);
      // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (
        marker >= 0xc0 &&
        marker <= 0xcf &&
        marker !== 0xc4 &&
        marker !== 0xc8 &&
        marker !== 0xcc
      ) {
        return { type: 'jpeg', height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
      }
      i += 2 + len;
    }
  }
  return undefined;
}
