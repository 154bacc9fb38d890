// The Node codec for renderPptx's `repack`: the same parts and repairs as the JSZip path in the
// browser, compressed by native zlib (see src/node/zip.ts for why).
import { needsRepair, type Repack } from '../core/deck/render-pptx.ts';
import { readZip, writeZip } from './zip.ts';

export const nodeRepack: Repack = (raw, repair, compression) => {
  const entries = readZip(raw).map((e) => (needsRepair(e.name) ? { name: e.name, data: new TextEncoder().encode(repair(new TextDecoder().decode(e.data))) } : e));
  return writeZip(entries, compression);
};
