// Node-only reader for `data/` and content frontmatter: the same core schemas the site uses,
// with every problem placed at file, line and column. Used by the CLI, the build and tests.
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { z } from 'zod';
import { valueAt, type Diagnostic } from '../core/diagnostics.ts';
import type { Dataset } from '../core/dataset.ts';
import { checkReferences } from '../core/references.ts';
import { PartnerType, SegmentsFile, Vendor, VerticalsFile } from '../core/schema/index.ts';
import { validateContent, type ContentOptions } from './load-content.ts';
import { loadTemplates, templatesDir } from './load-templates.ts';
import { loadEcosystem } from './load-ecosystem.ts';
import { loadYamlFile, place, type LoadedYaml, type ParsedYaml } from './yaml-source.ts';

export interface LoadResult {
  /** Present only when there are no errors: nothing half-valid reaches a page. */
  dataset?: Dataset;
  diagnostics: Diagnostic[];
}

function loadFile<S extends z.ZodType>(
  root: string,
  path: string,
  schema: S,
  diagnostics: Diagnostic[],
): LoadedYaml<z.infer<S>> | undefined {
  if (!existsSync(path)) {
    diagnostics.push({
      file: relative(root, path) || path,
      line: 1,
      column: 1,
      path: [],
      severity: 'error',
      message: 'file is missing',
      expected: 'this file to exist',
    });
    return undefined;
  }
  return loadYamlFile(root, path, schema, diagnostics);
}

/** The `id`s of a raw list, when it is one; undefined when the list itself is unreadable. */
function idsIn(list: unknown): string[] | undefined {
  if (!Array.isArray(list)) return undefined;
  return list.flatMap((item: unknown) =>
    item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string'
      ? [(item as { id: string }).id]
      : [],
  );
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
  return {
    vendor: join(data, 'vendor.yaml'),
    verticals: join(data, 'verticals.yaml'),
    segments: join(data, 'segments.yaml'),
    typesDir,
    typeFiles,
  };
}

/** Read and validate all of `data/`, reporting every problem in one pass. */
export function loadData(root: string, options: ContentOptions = {}): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const paths = dataPaths(root);
  const vendor = loadFile(root, paths.vendor, Vendor, diagnostics);
  const verticals = loadFile(root, paths.verticals, VerticalsFile, diagnostics);
  const segments = loadFile(root, paths.segments, SegmentsFile, diagnostics);
  if (!paths.typeFiles.length) {
    diagnostics.push({
      file: relative(root, paths.typesDir),
      line: 1,
      column: 1,
      path: [],
      severity: 'error',
      message: 'no partner types found',
      expected: 'one .yaml file per partner type',
    });
  }
  const types = paths.typeFiles.map((p) => {
    const loaded = loadFile(root, p, PartnerType, diagnostics);
    const expectedId = basename(p).replace(/\.ya?ml$/, '');
    if (loaded?.value && loaded.value.id !== expectedId) {
      diagnostics.push(
        place(loaded.parsed, {
          path: ['id'],
          message: 'id must match the file name',
          expected: JSON.stringify(expectedId),
          found: JSON.stringify(loaded.value.id),
        }),
      );
    }
    return loaded;
  });

  const typeIds = paths.typeFiles.map((p) => basename(p).replace(/\.ya?ml$/, ''));
  const refs = checkReferences(
    {
      vendor: vendor?.value,
      verticals: verticals?.value,
      segments: segments?.value,
      partnerTypes: types.map((t) => t?.value),
      typeIds,
      productIds: idsIn(valueAt(vendor?.parsed.data, ['products'])),
    },
    {
      vendor: relative(root, paths.vendor),
      verticals: relative(root, paths.verticals),
      segments: relative(root, paths.segments),
      partnerTypes: paths.typeFiles.map((p) => relative(root, p)),
    },
  );
  const parsedByFile = new Map<string, ParsedYaml>(
    [vendor, verticals, segments, ...types]
      .filter((l) => l !== undefined)
      .map((l) => [l.parsed.file, l.parsed]),
  );
  for (const [file, findings] of refs)
    diagnostics.push(...findings.map((f) => place(parsedByFile.get(file)!, f)));

  diagnostics.push(
    ...validateContent(
      root,
      {
        typeIds,
        verticalIds: verticals?.value?.verticals.map((v) => v.id) ?? [],
        segmentIds: segments?.value?.segments.map((s) => s.id) ?? [],
      },
      options,
    ),
  );

  const partnerTypes = types.map((t) => t?.value).filter((t) => t !== undefined);
  const ecosystem = loadEcosystem(
    root,
    {
      typeIds,
      types: new Map(partnerTypes.map((t) => [t.id, t])),
      products: vendor?.value?.products,
      productIds: idsIn(valueAt(vendor?.parsed.data, ['products'])),
      verticalIds: idsIn(valueAt(verticals?.parsed.data, ['verticals'])),
      segmentIds: idsIn(valueAt(segments?.parsed.data, ['segments'])),
    },
    diagnostics,
  );
  // Deck templates are checked with the data when the project has them (test fixtures may not).
  if (existsSync(templatesDir(root)))
    diagnostics.push(...loadTemplates(root, partnerTypes).diagnostics);
  if (
    vendor?.value &&
    verticals?.value &&
    segments?.value &&
    partnerTypes.length === types.length &&
    partnerTypes.length
  ) {
    const dataset: Dataset = {
      vendor: vendor.value,
      partnerTypes,
      verticals: verticals.value.verticals,
      segments: segments.value.segments,
      verticalSources: verticals.value.sources,
      segmentSources: segments.value.sources,
      ...ecosystem,
    };
    if (!diagnostics.some((d) => d.severity === 'error')) return { dataset, diagnostics };
  }
  return { diagnostics };
}
