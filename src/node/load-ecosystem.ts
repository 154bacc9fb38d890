// Node-only reader for the optional ecosystem files in data/: routes per product, coverage
// targets, the partners the vendor has, and partner-to-partner plays. A file that is absent
// turns its feature off; one that is present is validated like the rest of data/, its
// cross-references included, every problem placed at its line and column.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import type { Diagnostic, Finding } from '../core/diagnostics.ts';
import { checkEcosystem, type EcosystemData } from '../core/ecosystem/references.ts';
import { CoverageFile, PartnersFile, PlaysFile, RoutesFile } from '../core/schema/index.ts';
import { loadYamlFile, place, type LoadedYaml } from './yaml-source.ts';

export const ECOSYSTEM_FILES = {
  routes: 'routes.yaml',
  coverage: 'coverage.yaml',
  partners: 'partners.yaml',
  plays: 'plays.yaml',
} as const;

type Files = {
  routes?: RoutesFile | undefined;
  coverage?: CoverageFile | undefined;
  partners?: PartnersFile | undefined;
  plays?: PlaysFile | undefined;
};

/**
 * Load and check the ecosystem files that exist; `context` is what the rest of data/ gave.
 * `placeIn` places a later finding (one that needs the whole dataset) in one of these files.
 */
export function loadEcosystem(
  root: string,
  context: Omit<EcosystemData, keyof Files>,
  diagnostics: Diagnostic[],
): { files: Files; placeIn: (file: keyof Files, finding: Finding) => Diagnostic[] } {
  const paths = Object.fromEntries(
    Object.entries(ECOSYSTEM_FILES).map(([k, f]) => [k, join(root, 'data', f)]),
  ) as Record<keyof Files, string>;
  const load = <S extends z.ZodType>(
    path: string,
    schema: S,
  ): LoadedYaml<z.infer<S>> | undefined =>
    existsSync(path) ? loadYamlFile(root, path, schema, diagnostics) : undefined;
  const loaded = {
    routes: load(paths.routes, RoutesFile),
    coverage: load(paths.coverage, CoverageFile),
    partners: load(paths.partners, PartnersFile),
    plays: load(paths.plays, PlaysFile),
  };
  const files: Files = {
    routes: loaded.routes?.value,
    coverage: loaded.coverage?.value,
    partners: loaded.partners?.value,
    plays: loaded.plays?.value,
  };
  const rel = (p: string) => relative(root, p);
  const findings = checkEcosystem(
    { ...context, ...files },
    {
      routes: rel(paths.routes),
      coverage: rel(paths.coverage),
      partners: rel(paths.partners),
      plays: rel(paths.plays),
    },
  );
  const parsed = new Map(
    Object.values(loaded)
      .filter((l) => l !== undefined)
      .map((l) => [l.parsed.file, l.parsed]),
  );
  for (const [file, list] of findings)
    diagnostics.push(...list.map((f) => place(parsed.get(file)!, f)));
  const placeIn = (file: keyof Files, finding: Finding): Diagnostic[] => {
    const p = loaded[file]?.parsed;
    return p ? [place(p, finding)] : [];
  };
  return { files, placeIn };
}
