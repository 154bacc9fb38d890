import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * The pages that opt into search (Base.astro's `search` prop), as paths in dist/. Pagefind
 * reads only these: parsing every page only to skip the business-case pages (110 KB each, the
 * mix page many MB at scale) was most of its time. test/build/search-index.test.ts checks that
 * this list and the pages marked `data-pagefind-body` are the same set.
 */
export const SEARCHABLE_PAGES = ['partners/*/index.html', 'stories/*/index.html', 'guide/index.html'];

/**
 * Builds the full-text search index into dist/pagefind/ after every `astro build`, with the
 * Pagefind Node API (the binary ships in the npm package; nothing is downloaded). Pages opt in
 * through Base.astro's `search` prop, which marks `data-pagefind-body` and the filters.
 */
export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'partnerkit:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: out, glob: `{${SEARCHABLE_PAGES.join(',')}}` });
          if (added.errors.length) throw new Error(`Pagefind could not index ${out}: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
          if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          logger.info(`search index: ${added.page_count} pages`);
        } finally {
          await index.deleteIndex();
          await pagefind.close();
        }
      },
    },
  };
}
