// The build reads data/ once: every later reader in the same process gets the same dataset,
// until a source file changes (the dev server's case), when it is read and validated again.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataOnce } from '../../src/node/load-data-once.ts';
import { fixtureCopy } from '../helpers/fixture.ts';

const dir = fixtureCopy();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadDataOnce', () => {
  it('returns the same dataset to every reader while the sources are unchanged, however the root is spelt', () => {
    const first = loadDataOnce(dir);
    expect(first.dataset?.partnerTypes.map((t) => t.id)).toEqual(['alpha', 'beta']);
    expect(loadDataOnce(`${dir}/`)).toBe(first);
  });

  it('reads again when a file changes, and reports the new error', () => {
    const before = loadDataOnce(dir);
    const file = join(dir, 'data', 'partner-types', 'alpha.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('transacts: true', 'transacts: maybe'));
    const after = loadDataOnce(dir);
    expect(after).not.toBe(before);
    expect(after.dataset).toBeUndefined();
    expect(
      after.diagnostics.some(
        (d) => d.file === 'data/partner-types/alpha.yaml' && d.path.join('.') === 'transacts',
      ),
    ).toBe(true);
  });
});
