// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

/**
 * The core's purity as a rule: src/core is the one home of the logic that pages, the CLI and
 * the browser share, so it may import only other core modules and the packages below.
 */
const CORE_PACKAGES = ['zod', 'pptxgenjs', 'jszip'];

export default defineConfig(
  {
    ignores: [
      'screenshots/',
      'dist',
      'dist/',
      '.partnerkit/',
      '.astro/',
      'node_modules/',
      'public/',
      'bench/results/',
      'test-results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...astro.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // In .astro templates ESLint's TypeScript program cannot type other .astro components
    // (they type as `error`), so the no-unsafe-* rules only report that; `astro check` types them.
    files: ['**/*.astro'],
    languageOptions: { parserOptions: { projectService: false, project: true } },
    rules: {
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    // vitest's asymmetric matchers (expect.any, expect.stringMatching...) are typed `any`.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // The unit layer runs on fixtures, in one process: not on the shipped example kit (a
    // marketer's edit must not break an engineer's test) and without processes or workers.
    files: ['test/unit/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '/helpers/(decks|repo-copy)\\.ts$',
              message:
                'test/unit runs on fixtures: use test/helpers/deck-fixture.ts (or put a test of the shipped kit in test/contract/).',
            },
            {
              regex: '^node:(child_process|worker_threads|cluster)$',
              message:
                'test/unit starts no processes or workers: put this test in test/integration/.',
            },
            {
              regex: '/src/node/(deck-pool|deck-sources|static-server)\\.ts$',
              message:
                'test/unit starts no workers or servers and loads no example kit: put this test in test/integration/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/scripts/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^node:',
              message: 'src/core is pure: no Node built-ins (put it in src/node/).',
            },
            {
              regex: '^astro(:|/|$)',
              message: 'src/core is pure: no Astro imports (put it in src/site/ or a page).',
            },
            {
              regex: `^(?!\\.{1,2}/|(${CORE_PACKAGES.join('|')})(/|$))`,
              message: `src/core may import only core modules and ${CORE_PACKAGES.join(', ')}.`,
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'location',
          'localStorage',
          'process',
          'Buffer',
          '__dirname',
          'require',
        ].map((name) => ({ name, message: 'src/core is pure: no DOM or Node globals.' })),
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
