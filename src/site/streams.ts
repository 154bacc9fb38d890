// A revenue stream's colour and name on the site's figures: the kind's own (src/core/stream-kinds.ts,
// the calculator's chart colours), and one neutral grey for income the engine does not model.
import { STREAMS, type StreamKind } from '../core/stream-kinds.ts';

export const OTHER_STREAM = { label: 'Other income', colour: '#b9c2ce' } as const;

export const streamColour = (kind: StreamKind | undefined): string =>
  kind ? STREAMS[kind].colour : OTHER_STREAM.colour;

export const streamName = (kind: StreamKind | undefined): string =>
  kind ? STREAMS[kind].label : OTHER_STREAM.label;
