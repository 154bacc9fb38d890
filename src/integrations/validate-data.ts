import type { AstroIntegrationLogger } from 'astro';
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../core/dataset.ts';
import { formatDiagnostic } from '../core/diagnostics.ts';
import { loadDataOnce } from '../node/load-data-once.ts';

/** Set by `npm run build` (src/cli/commands/build.ts), which validates and reports first. */
export const BUILD_WRAPPER_ENV = 'PARTNERKIT_BUILD';

/** The validated dataset of the project; throws with every error, file:line:column. */
export function validatedDataset(root: string): Dataset {
  const { dataset, diagnostics } = loadDataOnce(root);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !dataset) {
    const text = errors.map(formatDiagnostic).join('\n');
    throw new Error(
      `Partnerkit data is not valid (${errors.length} error${errors.length === 1 ? '' : 's'}):\n${text}`,
    );
  }
  return dataset;
}

/**
 * `partnerkit validate` before Astro reads anything, so a broken YAML file stops the build with
 * the same file:line:column messages (Astro's own file() loader would only log a YAML error and
 * leave the collection empty). `npm run build` has validated already (the result is reused: one
 * load per process, src/node/load-data-once.ts) and printed the messages itself, without Astro's
 * wrapping of a hook error.
 */
export function validateData(
  root: string,
  outDir: string,
  command: string,
  logger: AstroIntegrationLogger,
): void {
  const wrapped = process.env[BUILD_WRAPPER_ENV] === '1';
  // dist/ is a link to the live build (see src/node/site-publish.ts): `astro build` on its own
  // would empty and rewrite the live site in place.
  if (command === 'build' && !wrapped && outDir.replace(/\/$/, '') === join(root, 'dist')) {
    let linked = false;
    try {
      linked = lstatSync(join(root, 'dist')).isSymbolicLink();
    } catch {
      // no dist/ yet
    }
    if (linked)
      throw new Error(
        'dist/ holds the live site: build with `npm run build`, which builds beside it and swaps it in when complete.',
      );
  }
  if (!wrapped)
    for (const d of loadDataOnce(root).diagnostics.filter((x) => x.severity === 'warning'))
      logger.warn(formatDiagnostic(d));
  validatedDataset(root);
}
