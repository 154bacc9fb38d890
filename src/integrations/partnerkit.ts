import mdx from '@astrojs/mdx';
import type { AstroIntegration } from 'astro';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../core/dataset.ts';
import { faultPoint } from '../node/fault-points.ts';
import { datasetModule } from './dataset-module.ts';
import { searchIndexWhileRendering, type SearchIndex } from './pagefind.ts';
import { ReadyDecks } from './ready-decks.ts';
import { validateData, validatedDataset } from './validate-data.ts';

/** Files under data/ and templates/: the dev server restarts (and validates again) when one changes. */
function dataFiles(root: string): string[] {
  return ['data', 'templates'].flatMap((dir) => {
    try {
      return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).map((f) =>
        join(root, dir, f),
      );
    } catch {
      return [];
    }
  });
}

/**
 * Partnerkit's one Astro integration. Its parts, in the order they must run:
 * - config setup: validate data/ before Astro reads anything (src/integrations/validate-data.ts),
 *   then MDX, the drafts switch, and the virtual module that hands the validated dataset to the
 *   pages (src/integrations/dataset-module.ts);
 * - build start: the ready decks start rendering on worker threads (ready-decks.ts), and the
 *   search index wraps Astro's prerenderer to index pages as they are rendered (pagefind.ts);
 * - build end: the deck pool takes the core the pages freed, the search index is finished,
 *   then the decks are written into the build's folder. A failure anywhere stops the workers.
 * The state of one build (its decks, its search index) lives in this closure, not in modules.
 */
export default function partnerkit(): AstroIntegration {
  let root = '';
  let outDir = '';
  let decks: ReadyDecks | undefined;
  let search: SearchIndex | undefined;
  return {
    name: 'partnerkit',
    hooks: {
      'astro:config:setup': ({ config, command, logger, addWatchFile, updateConfig }) => {
        root = fileURLToPath(config.root);
        validateData(root, fileURLToPath(config.outDir), command, logger);
        for (const file of dataFiles(root)) addWatchFile(file);
        const hasMdx = config.integrations.some((i) => i.name === '@astrojs/mdx');
        updateConfig({
          integrations: hasMdx ? [] : [mdx()],
          vite: {
            plugins: [
              datasetModule({
                // Read when the pages' bundle loads the module: the result validated above
                // (the dev server validates again if a file changed since).
                dataset: (): Dataset => validatedDataset(root),
                decksFromBuild: command === 'build',
              }),
            ],
            // Draft stories show on the dev server only. Whether this is the dev server is
            // Astro's command, not NODE_ENV (a build started from a test runner inherits
            // NODE_ENV=test and would otherwise count as "not production").
            define: { 'import.meta.env.PARTNERKIT_SHOW_DRAFTS': JSON.stringify(command === 'dev') },
          },
        });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ logger, setPrerenderer }) => {
        decks = new ReadyDecks(root, outDir, logger);
        faultPoint('astro-started');
        search = searchIndexWhileRendering(outDir, setPrerenderer);
      },
      'astro:build:done': async ({ dir, logger }) => {
        faultPoint('pages-written');
        try {
          decks?.pagesWritten(logger);
          if (search) logger.info(`search index: ${await search.done()} pages`);
          await decks?.written(fileURLToPath(dir), logger);
        } finally {
          await decks?.stop();
          decks = undefined;
          search = undefined;
        }
        faultPoint('decks-written');
      },
    },
  };
}
