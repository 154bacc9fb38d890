// The Node codec for renderPptx's `repack`: the same parts and repairs as the JSZip path in the
// browser, compressed by native zlib (see src/node/zip.ts for why), with charts numbered from 1.
import type { PackagePart } from '../core/deck/package-repair.ts';
import type { Repack } from '../core/deck/render-pptx.ts';
import { packagedParts } from './pptx-zip-shim.ts';
import { readZip, writeZip } from './zip.ts';

const text = new TextDecoder();

/**
 * In a deck worker, pptxgenjs's package comes straight from the ZIP shim as parts, XML still as
 * text: not zipped, read back and decoded again. Elsewhere it is a stored ZIP, read here.
 */
export const nodeRepack: Repack = (raw, repair, compression) =>
  writeZip(renumberCharts(repair(packagedParts(raw) ?? readZip(raw))), compression);

const CHART_PART = /^ppt\/charts\/chart(\d+)\.xml$/;
/** A chart's parts and the references to them: chartN.xml (and its .rels), Microsoft_Excel_WorksheetN.xlsx. */
const CHART_NAME = /\b(chart|Microsoft_Excel_Worksheet)(\d+)\.(xml|xlsx)\b/g;

/**
 * pptxgenjs numbers charts with one counter for everything its module instance renders, so the
 * same deck's charts are chart3.xml or chart12.xml depending on what its thread drew before (in
 * the build, on which worker it landed). Numbered from 1 in each deck, in the same order, a
 * deck's bytes depend on its content alone. Renames the parts and rewrites the references to
 * them in [Content_Types].xml and the relationship parts; nothing else names a chart part.
 */
export function renumberCharts(entries: readonly PackagePart[]): PackagePart[] {
  const ids = entries
    .flatMap((e) => CHART_PART.exec(e.name)?.[1] ?? [])
    .map(Number)
    .sort((a, b) => a - b);
  if (ids.every((id, i) => id === i + 1)) return [...entries];
  const to = new Map(ids.map((id, i) => [id, i + 1]));
  const rename = (s: string) =>
    s.replace(CHART_NAME, (whole, kind: string, n: string, ext: string) =>
      to.has(Number(n)) ? `${kind}${to.get(Number(n))}.${ext}` : whole,
    );
  return entries.map((e) => {
    const refs = e.name === '[Content_Types].xml' || e.name.endsWith('.rels');
    if (!refs) return { name: rename(e.name), data: e.data };
    return {
      name: rename(e.name),
      data: rename(typeof e.data === 'string' ? e.data : text.decode(e.data)),
    };
  });
}
