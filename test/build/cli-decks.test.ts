// `partnerkit decks` writes the decks the site ships in dist/decks/: the same parts, byte for
// byte, apart from the time each was made (the build ran without SOURCE_DATE_EPOCH).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readZip } from '../../src/node/zip.ts';
import { DIST } from '../helpers/browser.ts';
import { dataset, ROOT } from '../helpers/decks.ts';

const out = mkdtempSync(join(tmpdir(), 'pk-cli-decks-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** A package's parts, the core properties' dates blanked (in the deck and in each chart workbook). */
function parts(bytes: Uint8Array): [string, string][] {
  return readZip(bytes).map((e) => {
    const data = e.name.endsWith('.xlsx')
      ? parts(e.data)
          .map((p) => p.join('='))
          .join('\n')
      : Buffer.from(e.data).toString('latin1');
    return [
      e.name,
      e.name.endsWith('docProps/core.xml')
        ? data.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$1')
        : data,
    ];
  });
}

describe('partnerkit decks', () => {
  it('writes the same decks as the build', () => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'src', 'cli', 'partnerkit.ts'), 'decks', '--out', out],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    for (const t of dataset.partnerTypes) {
      expect(parts(readFileSync(join(out, `${t.id}.pptx`))), t.id).toEqual(
        parts(readFileSync(join(DIST, 'decks', `${t.id}.pptx`))),
      );
    }
  });
});
