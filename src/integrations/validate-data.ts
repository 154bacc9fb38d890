import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic } from '../core/diagnostics.ts';
import { loadDataOnce } from '../node/load-data-once.ts';

/**
 * Runs `partnerkit validate` before Astro reads anything, so a broken YAML file stops the
 * build with the same file:line:column messages (Astro's own file() loader would only log
 * a YAML error and leave the collection empty).
 */
export default function validateData(): AstroIntegration {
  return {
    name: 'partnerkit:validate-data',
    hooks: {
      'astro:config:setup': ({ config, logger, addWatchFile }) => {
        const root = fileURLToPath(config.root);
        const { diagnostics } = loadDataOnce(root);
        addWatchFile(new URL('./data/', config.root));
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
