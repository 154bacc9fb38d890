import type { AstroIntegration } from 'astro';

/**
 * Draft stories show on the dev server only. Whether this is the dev server is Astro's command,
 * not NODE_ENV (a build started from a test runner inherits NODE_ENV=test and would otherwise
 * count as "not production"), so pages read `import.meta.env.PARTNERKIT_SHOW_DRAFTS`.
 */
export default function drafts(): AstroIntegration {
  return {
    name: 'partnerkit:drafts',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({
          vite: {
            define: { 'import.meta.env.PARTNERKIT_SHOW_DRAFTS': JSON.stringify(command === 'dev') },
          },
        });
      },
    },
  };
}
