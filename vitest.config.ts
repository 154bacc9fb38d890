import { defineConfig } from 'vitest/config';

// Tests in layers, one vitest project per folder of test/ (`npm run test:<layer>` runs one):
// - unit: the pure core and small Node helpers, on fixtures (test/fixtures/, small in-code
//   datasets), never on the shipped example kit in data/ or content/; no processes, workers or
//   servers; the whole layer runs in seconds. Core coverage is measured here and held at 90%
//   lines and branches (npm run test:coverage, which npm test runs).
// - integration: the CLI, deck workers, the static server and LibreOffice, as processes.
// - contract: the shipped example kit itself (data/, content/, templates/) as a marketer ships it.
// - build: the built site in dist/. e2e: Chromium on the built site.
// `npm test` builds first (pretest) and runs every layer.
const layer = (
  name: string,
  options: { testTimeout: number; hookTimeout: number; isolate?: boolean; maxWorkers?: number },
) => ({
  extends: true as const,
  test: { name, include: [`test/${name}/**/*.test.ts`], ...options },
});

export default defineConfig({
  test: {
    environment: 'node',
    globalSetup: ['test/setup/temp-root.ts'],
    // `npm run test:coverage`: the unit layer's coverage of the pure core, held at 90%.
    coverage: {
      provider: 'v8',
      include: ['src/core/**/*.ts'],
      reporter: [['text', { skipFull: true }], 'text-summary'],
      thresholds: { lines: 90, branches: 90 },
    },
    projects: [
      // Unit tests share no state (no mocks, no environment), so a worker keeps the modules it
      // has loaded between files: the layer's CPU time halves (zod schemas, pptxgenjs load once).
      // Two workers: vitest's default on a 2-core machine is one, and the layer took 16.6 s
      // instead of 12.1 s (it must stay under 15 s).
      layer('unit', { testTimeout: 20_000, hookTimeout: 20_000, isolate: false, maxWorkers: 2 }),
      layer('integration', { testTimeout: 120_000, hookTimeout: 180_000 }),
      layer('contract', { testTimeout: 60_000, hookTimeout: 120_000 }),
      layer('build', { testTimeout: 60_000, hookTimeout: 120_000 }),
      layer('e2e', { testTimeout: 60_000, hookTimeout: 120_000 }),
    ],
  },
});
