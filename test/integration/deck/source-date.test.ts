// With SOURCE_DATE_EPOCH set, a build's ready decks are the same bytes whenever they are made:
// the deck's and its chart workbooks' core properties carry that date, not the render time.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DeckPool } from '../../../src/node/deck-pool.ts';
import { sourceDate, stampCoreDates } from '../../../src/node/source-date.ts';
import { readZip } from '../../../src/node/zip.ts';
import { sources } from '../../helpers/decks.ts';

const out = mkdtempSync(join(tmpdir(), 'pk-source-date-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const EPOCH = '1764374400'; // 2025-11-29T00:00:00Z

/** Render one ready deck on a fresh worker with SOURCE_DATE_EPOCH as given. */
async function readyDeck(
  typeId: string,
  epoch: string | undefined,
  dir: string,
): Promise<Uint8Array> {
  const before = process.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
  else process.env.SOURCE_DATE_EPOCH = epoch; // a worker takes a copy of the environment when it starts
  const pool = new DeckPool(sources, [typeId], mkdtempSync(join(out, dir)), 1);
  try {
    return readFileSync((await pool.deck(typeId)).file);
  } finally {
    await pool.close();
    if (before === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = before;
  }
}

const coreDates = (zip: Uint8Array) => {
  const core = readZip(zip).find((e) => e.name === 'docProps/core.xml');
  return [
    ...new TextDecoder()
      .decode(core!.data)
      .matchAll(/<dcterms:(?:created|modified)[^>]*>([^<]*)</g),
  ].map((m) => m[1] ?? '');
};

describe('SOURCE_DATE_EPOCH', () => {
  it('reads whole seconds as a W3CDTF date, and refuses anything else with a message', () => {
    expect(sourceDate(EPOCH)).toBe('2025-11-29T00:00:00Z');
    expect(sourceDate(undefined)).toBeUndefined();
    expect(sourceDate('')).toBeUndefined();
    expect(() => sourceDate('yesterday')).toThrow(
      /SOURCE_DATE_EPOCH must be whole seconds since 1970/,
    );
    expect(
      stampCoreDates(
        '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T10:11:12.345Z</dcterms:created>',
        '2025-11-29T00:00:00Z',
      ),
    ).toBe('<dcterms:created xsi:type="dcterms:W3CDTF">2025-11-29T00:00:00Z</dcterms:created>');
  });

  it('gives a ready deck and its chart workbooks that date, so two builds write the same bytes', async () => {
    const a = await readyDeck('managed-service-provider', EPOCH, 'a-');
    await new Promise((r) => setTimeout(r, 1100)); // the render time's seconds move on
    const b = await readyDeck('managed-service-provider', EPOCH, 'b-');
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    expect(coreDates(a)).toEqual(['2025-11-29T00:00:00Z', '2025-11-29T00:00:00Z']);
    const workbooks = readZip(a).filter((e) => e.name.endsWith('.xlsx'));
    expect(workbooks.length).toBeGreaterThan(0);
    for (const w of workbooks)
      expect(coreDates(w.data)).toEqual(['2025-11-29T00:00:00Z', '2025-11-29T00:00:00Z']);
  });

  it('leaves the render time when unset', async () => {
    const year = String(new Date().getUTCFullYear());
    for (const date of coreDates(await readyDeck('managed-service-provider', undefined, 'c-')))
      expect(date.startsWith(year)).toBe(true);
  });
});
