import type { AstroIntegration } from 'astro';
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic } from '../core/diagnostics.ts';
import { loadDataOnce } from '../node/load-data-once.ts';

/** Set by `npm run build` (src/cli/commands/build.ts), which validates and reports first. */
export const BUILD_WRAPPER_ENV = 'PARTNERKIT_BUILD';

/**
 * Runs `partnerkit validate` before Astro reads anything, so a broken YAML file stops the
 * build with the same file:line:column messages (Astro's own file() loader would only log
 * a YAML error and leave the collection empty). `npm run build` has validated already (the
 * result is reused) and printed the messages itself, without Astro's wrapping of a hook error.
 */
export default function validateData(): AstroIntegration {
  return {
    name: 'partnerkit:validate-data',
    hooks: {
      'astro:config:setup': ({ config, command, logger, addWatchFile }) => {
        const root = fileURLToPath(config.root);
        const wrapped = process.env[BUILD_WRAPPER_ENV] === '1';
        // dist/ is a link to the live build (see src/node/site-publish.ts): `astro build` on its
        // own would empty and rewrite the live site in place.
        if (
          command === 'build' &&
          !wrapped &&
          fileURLToPath(config.outDir).replace(/\/$/, '') === join(root, 'dist')
        ) {
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
        const { diagnostics } = loadDataOnce(root);
        addWatchFile(new URL('./data/', config.root));
        if (wrapped) return;
        const errors = diagnostics.filter((d) => d.severity === 'error');
        for (const d of diagnostics.filter((x) => x.severity === 'warning'))
          logger.warn(formatDiagnostic(d));
        if (errors.length) {
          const text = errors.map(formatDiagnostic).join('\n');
          throw new Error(
            `Partnerkit data is not valid (${errors.length} error${errors.length === 1 ? '' : 's'}):\n${text}`,
          );
        }
      },
    },
  };
}
