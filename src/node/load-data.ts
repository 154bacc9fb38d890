// Node-only reader for `data/` and content frontmatter: the same core schemas the site uses,
// with every problem placed at file, line and column. Used by the CLI, the build and tests.
import { existsSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import type { z } from 'zod';
import { valueAt, type Diagnostic } from '../core/diagnostics.ts';
import type { Dataset } from '../core/dataset.ts';
import { checkReferences } from '../core/references.ts';
import { Id, PartnerType, SegmentsFile, Vendor, VerticalsFile } from '../core/schema/index.ts';
import { validateContent, type ContentOptions } from './load-content.ts';
import { loadTemplates, templatesDir } from './load-templates.ts';
import { loadEcosystem } from './load-ecosystem.ts';
import { routeLockOuts } from '../core/ecosystem/audit.ts';
import { linksOutOfPublic, sourceFilesIn } from './source-files.ts';
import { loadYamlFile, place, type LoadedYaml, type ParsedYaml } from './yaml-source.ts';
import { caseDiagnostics } from './case-diagnostics.ts';

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
): LoadedYaml<z.infer<S>> {
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

/** Where the data files are, and the partner type files found (twins and folders reported to `out`). */
export function dataPaths(root: string, out: Diagnostic[] = []) {
  const data = join(root, 'data');
  const typesDir = join(data, 'partner-types');
  const typeFiles = sourceFilesIn(
    root,
    typesDir,
    { extensions: ['.yaml', '.yml'], what: 'partner type', skipPartials: true },
    out,
  );
  return {
    vendor: join(data, 'vendor.yaml'),
    verticals: join(data, 'verticals.yaml'),
    segments: join(data, 'segments.yaml'),
    typesDir,
    typeFiles,
  };
}

/** The file name a type id would need: lower case, dashes for spaces and underscores. */
const asId = (stem: string) =>
  stem
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * Aliases name one type each: the CLI and links resolve `msp` to the one type that has it, so
 * an alias (or name) shared by two types, as in a copied file, is an error in the second file.
 */
function aliasClashes(
  root: string,
  types: { path: string; loaded: LoadedYaml<PartnerType> }[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const owner = new Map<string, { id: string; file: string; what: string }>();
  for (const { path, loaded } of types) {
    const t = loaded.value;
    if (!t) continue;
    const file = relative(root, path);
    const names: { text: string; path: (string | number)[]; what: string }[] = [
      { text: t.id, path: ['id'], what: 'id' },
      { text: t.name, path: ['name'], what: 'name' },
      ...t.aliases.map((a, i) => ({ text: a, path: ['aliases', i], what: 'alias' })),
    ];
    for (const n of names) {
      const key = n.text.trim().toLowerCase();
      const first = owner.get(key);
      if (first && first.id !== t.id) {
        out.push(
          place(loaded.parsed, {
            path: n.path,
            message: `${n.what} \`${n.text}\` is also the ${first.what} of partner type \`${first.id}\` (${first.file})`,
            expected: `a ${n.what} that names this type only (aliases are how the CLI and links find a type)`,
            found: JSON.stringify(n.text),
          }),
        );
      } else if (!first) owner.set(key, { id: t.id, file, what: n.what });
    }
  }
  return out;
}

/** Read and validate all of `data/`, reporting every problem in one pass. */
export function loadData(root: string, options: ContentOptions = {}): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const paths = dataPaths(root, diagnostics);
  const vendor = loadFile(root, paths.vendor, Vendor, diagnostics);
  const verticals = loadFile(root, paths.verticals, VerticalsFile, diagnostics);
  const segments = loadFile(root, paths.segments, SegmentsFile, diagnostics);
  if (!paths.typeFiles.length && !diagnostics.length) {
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
    const name = basename(p);
    const expectedId = name.replace(/\.ya?ml$/, '');
    if (!Id.safeParse(expectedId).success) {
      const suggestion = `${asId(expectedId) || 'partner-type'}${extname(name)}`;
      diagnostics.push({
        file: relative(root, p),
        line: 1,
        column: 1,
        path: [],
        severity: 'error',
        message: `the file name \`${name}\` is the type's id and address, and ids are lower case with dashes`,
        expected: `the file renamed to \`${suggestion}\`, with \`id: ${suggestion.replace(/\.ya?ml$/, '')}\` inside`,
        found: JSON.stringify(name),
      });
    } else if (loaded.value && loaded.value.id !== expectedId) {
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
  diagnostics.push(
    ...aliasClashes(
      root,
      paths.typeFiles.map((path, i) => ({ path, loaded: types[i]! })),
    ),
  );

  const typeIds = paths.typeFiles.map((p) => basename(p).replace(/\.ya?ml$/, ''));
  const refs = checkReferences(
    {
      vendor: vendor.value,
      verticals: verticals.value,
      segments: segments.value,
      partnerTypes: types.map((t) => t.value),
      typeIds,
      productIds: idsIn(valueAt(vendor.parsed.data, ['products'])),
    },
    {
      vendor: relative(root, paths.vendor),
      verticals: relative(root, paths.verticals),
      segments: relative(root, paths.segments),
      partnerTypes: paths.typeFiles.map((p) => relative(root, p)),
    },
  );
  const parsedByFile = new Map<string, ParsedYaml>(
    [vendor, verticals, segments, ...types].map((l) => [l.parsed.file, l.parsed]),
  );
  for (const [file, findings] of refs)
    diagnostics.push(...findings.map((f) => place(parsedByFile.get(file)!, f)));

  diagnostics.push(
    ...validateContent(
      root,
      {
        typeIds,
        // A file that did not load has its own message: its ids are unknown, not absent,
        // so content naming them is not reported again.
        verticalIds: verticals.value?.verticals.map((v) => v.id),
        segmentIds: segments.value?.segments.map((s) => s.id),
        tierIds: vendor.value?.tiers.map((t) => t.id),
        typeNames: types.flatMap((t) =>
          t.value ? [{ id: t.value.id, names: [t.value.name, ...t.value.aliases] }] : [],
        ),
      },
      options,
    ),
  );

  const partnerTypes = types.map((t) => t.value).filter((t) => t !== undefined);
  const { files: ecosystem, placeIn } = loadEcosystem(
    root,
    {
      typeIds,
      types: new Map(partnerTypes.map((t) => [t.id, t])),
      products: vendor.value?.products,
      productIds: idsIn(valueAt(vendor.parsed.data, ['products'])),
      verticalIds: idsIn(valueAt(verticals.parsed.data, ['verticals'])),
      segmentIds: idsIn(valueAt(segments.parsed.data, ['segments'])),
    },
    diagnostics,
  );
  linksOutOfPublic(root, diagnostics);
  // Deck templates are checked with the data when the project has them (test fixtures may not).
  if (existsSync(templatesDir(root)))
    diagnostics.push(...loadTemplates(root, partnerTypes).diagnostics);
  if (
    vendor.value &&
    verticals.value &&
    segments.value &&
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
    if (!diagnostics.some((d) => d.severity === 'error')) {
      // Checks that need the whole program: a route led by a type the tiers lock out.
      for (const f of routeLockOuts(dataset)) diagnostics.push(...placeIn('routes', f));
      if (options.checkCases)
        diagnostics.push(
          ...caseDiagnostics(root, dataset, paths.typeFiles, (i) => types[i]?.parsed),
        );
      return { dataset, diagnostics };
    }
  }
  return { diagnostics };
}
