// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import { fileURLToPath } from 'node:url';
import { remarkContentRules } from './src/node/content-rules.ts';
import partnerkit from './src/integrations/partnerkit.ts';
import remarkCodeBlocks from './src/site/remark-code-blocks.ts';

// Static site: every page is pre-rendered from data/ and content/.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  // One integration (src/integrations/partnerkit.ts): data validated before anything is read,
  // MDX, the validated dataset for pages, ready decks and the search index, in its own order.
  integrations: [partnerkit()],
  // Stylesheets inline in each page: no render-blocking request before the first paint (their
  // hashes go into the CSP like every style Astro emits).
  build: { format: 'directory', inlineStylesheets: 'always' },
  vite: {
    build: {
      rolldownOptions: {
        // Astro's compiled MDX starts with its own "use astro:head-inject" directive, and rolldown
        // warns, once per MDX file, that it may not be kept when bundling: Astro expects that, and
        // the warnings buried real ones in every build's output. Every other warning still shows.
        onwarn(warning, warn) {
          if (
            warning.code === 'MODULE_LEVEL_DIRECTIVE' &&
            warning.message.includes('astro:head-inject')
          )
            return;
          warn(warning);
        },
      },
    },
  },
  devToolbar: { enabled: false },
  markdown: {
    // Prism marks code with classes; Shiki's inline styles would break the strict CSP below.
    syntaxHighlight: 'prism',
    // Marketers' Markdown and MDX compile with remark and @mdx-js/mdx (MDX inherits this
    // processor). The content rules run first, on every file in content/ as written: no import
    // but partials, no expression, no script, no event attribute, no javascript: link
    // (`partnerkit validate` applies the same rules with the same parser before the build).
    // Then code samples show their file name and scroll sideways in their own box.
    processor: unified({
      remarkPlugins: [
        [remarkContentRules, { root: fileURLToPath(new URL('.', import.meta.url)) }],
        remarkCodeBlocks,
      ],
    }),
  },
  // A strict Content Security Policy on every page, as a <meta> tag (static hosting needs no
  // header set-up): Astro hashes the scripts and styles it emits, so neither 'unsafe-inline'
  // nor 'unsafe-eval' is needed. Pages that need more (search's WebAssembly) add it themselves
  // with Astro.csp. test/e2e/csp.test.ts checks every page type in Chromium.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
});
