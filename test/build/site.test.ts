import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/node/load-data.ts';
import { DIST } from '../helpers/browser.ts';

const root = join(import.meta.dirname, '..', '..');
const { dataset } = loadData(root);
const html = (path: string) => readFileSync(join(DIST, path), 'utf8');

describe('the example kit builds', () => {
  it('the shipped example data is valid and has at least 11 partner types', () => {
    expect(dataset).toBeDefined();
    expect(dataset!.partnerTypes.length).toBeGreaterThanOrEqual(11);
  });

  it('yields a playbook page per partner type, each with its economics and sources', () => {
    for (const t of dataset!.partnerTypes) {
      const file = join('partners', t.id, 'index.html');
      expect(existsSync(join(DIST, file)), file).toBe(true);
      const page = html(file);
      expect(page).toContain(`<h1>${t.name.replaceAll('&', '&amp;')}</h1>`);
      for (const s of t.revenueStreams) expect(page).toContain(s.name.replaceAll('&', '&amp;'));
      for (const o of t.objections) expect(page).toContain(`id="objection-${o.id}"`);
      for (const s of t.sources) expect(page).toContain(`id="source-${s.id}"`);
    }
  });

  it('the home page links every partner type under each of its journey roles', () => {
    const page = html('index.html');
    for (const t of dataset!.partnerTypes) {
      const links = page.split(`href="/partners/${t.id}/"`).length - 1;
      expect(links, t.id).toBe(t.journeyRoles.length);
    }
  });
});
