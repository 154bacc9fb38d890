import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** The repo's ESLint config, on text placed at `path` (purity rules need no type information). */
async function lint(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: [{ files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked }],
  });
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('core purity (eslint.config.js)', () => {
  it.each([
    [
      "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;",
      /no Node built-ins/,
    ],
    ["import { getCollection } from 'astro:content';\nexport const f = getCollection;", /no Astro/],
    ["import { Chart } from 'chart.js';\nexport const c = Chart;", /may import only core modules/],
    ['export const w = () => document.title;', /no DOM or Node globals/],
    ['export const e = () => process.env.HOME;', /no DOM or Node globals/],
  ])('rejects %s in src/core', async (code, message) => {
    const messages = await lint('src/core/probe.ts', code);
    expect(messages.join('\n')).toMatch(message);
  });

  it('accepts core-relative imports and declared packages', async () => {
    const code =
      "import { z } from 'zod';\nimport { ASSUMPTIONS } from './assumption-registry.ts';\nexport const s = z.object({}) && ASSUMPTIONS;";
    expect(await lint('src/core/probe.ts', code)).toEqual([]);
  });

  it('lets src/node use Node built-ins', async () => {
    const code = "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;";
    expect(await lint('src/node/probe.ts', code)).toEqual([]);
  });
});
