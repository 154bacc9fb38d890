// Node-only reader for `data/` and content frontmatter: the same core schemas the site uses,
// with every problem placed at file, line and column. Used by the CLI, the build and tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { z } from 'zod';
import { findingsFromZod, type Diagnostic } from '../core/diagnostics.ts';
import type { Dataset } from '../core/dataset.ts';
import { checkReferences } from '../core/references.ts';
import { PartnerType, SegmentsFile, Vendor, VerticalsFile } from '../core/schema/index.ts';
import { validateContent } from './load-content.ts';
import { parseYaml, place, type ParsedYaml } from './yaml-source.ts';

export interface LoadResult {
  /** Present only when there are no errors: nothing half-valid reaches a page. */
  dataset?: Dataset;
  diagnostics: Diagnostic[];
}

interface Loaded<T> {
  parsed: ParsedYaml;
  value?: T;
}

function loadFile<S extends z.ZodType>(root: string, path: string, schema: S, diagnostics: Diagnostic[]): Loaded<z.infer<S>> | undefined {
  const file = relative(root, path) || path;
  if (!existsSync(path)) {
    diagnostics.push({ file, line: 1, column: 1, path: [], severity: 'error', message: 'file is missing', expected: 'this file to exist' });
    return undefined;
  }
  const parsed = parseYaml(file, readFileSync(path, 'utf8'));
  if (parsed.syntaxErrors.length) {
    diagnostics.push(...parsed.syntaxErrors);
    return { parsed };
  }
  if (parsed.data === null || parsed.data === undefined) {
    diagnostics.push({ file, line: 1, column: 1, path: [], severity: 'error', message: 'file is empty', expected: 'the fields described in its schema' });
    return { parsed };
  }
  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    diagnostics.push(...findingsFromZod(result.error, schema, parsed.data).map((f) => place(parsed, f)));
    return { parsed };
  }
  return { parsed, value: result.data };
}

export function dataPaths(root: string) {
  const data = join(root, 'data');
  const typesDir = join(data, 'partner-types');
  const typeFiles = existsSync(typesDir)
    ? readdirSync(typesDir)
        .filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('_'))
        .sort()
        .map((f) => join(typesDir, f))
    : [];
  return { vendor: join(data, 'vendor.yaml'), verticals: join(data, 'verticals.yaml'), segments: join(data, 'segments.yaml'), typesDir, typeFiles };
}

/** Read and validate all of `data/`, reporting every problem in one pass. */
export function loadData(root: string): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const paths = dataPaths(root);
  const vendor = loadFile(root, paths.vendor, Vendor, diagnostics);
  const verticals = loadFile(root, paths.verticals, VerticalsFile, diagnostics);
  const segments = loadFile(root, paths.segments, SegmentsFile, diagnostics);
  if (!paths.typeFiles.length) {
    diagnostics.push({ file: relative(root, paths.typesDir), line: 1, column: 1, path: [], severity: 'error', message: 'no partner types found', expected: 'one .yaml file per partner type' });
  }
  const types = paths.typeFiles.map((p) => {
    const loaded = loadFile(root, p, PartnerType, diagnostics);
    const expectedId = basename(p).replace(/\.ya?ml$/, '');
    if (loaded?.value && loaded.value.id !== expectedId) {
      diagnostics.push(place(loaded.parsed, { path: ['id'], message: 'id must match the file name', expected: JSON.stringify(expectedId), found: JSON.stringify(loaded.value.id) }));
    }
    return loaded;
  });

  const partnerTypes = types.map((t) => t?.value);
  if (vendor?.value && verticals?.value && segments?.value && partnerTypes.every((t) => t !== undefined) && partnerTypes.length) {
    const dataset: Dataset = {
      vendor: vendor.value,
      partnerTypes: partnerTypes as PartnerType[],
      verticals: verticals.value.verticals,
      segments: segments.value.segments,
      verticalSources: verticals.value.sources,
      segmentSources: segments.value.sources,
    };
    const parsedByFile = new Map<string, ParsedYaml>([vendor, verticals, segments, ...types].filter((l) => l !== undefined).map((l) => [l.parsed.file, l.parsed]));
    const refs = checkReferences(dataset, {
      vendor: vendor.parsed.file,
      verticals: verticals.parsed.file,
      segments: segments.parsed.file,
      partnerTypes: types.map((t) => t!.parsed.file),
    });
    for (const [file, findings] of refs) diagnostics.push(...findings.map((f) => place(parsedByFile.get(file)!, f)));
    diagnostics.push(...validateContent(root, dataset));
    if (!diagnostics.some((d) => d.severity === 'error')) return { dataset, diagnostics };
  }
  return { diagnostics };
}
