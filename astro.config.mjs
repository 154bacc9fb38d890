// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import validateData from './src/integrations/validate-data.ts';

// Static site: every page is pre-rendered from data/ and content/.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  integrations: [validateData(), mdx()],
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
