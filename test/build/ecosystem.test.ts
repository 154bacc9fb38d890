// The ecosystem pages in the built site, against the core functions that compute them: a page
// per product, the coverage map's every cell and its CSV, the plays and their partners' figures,
// and the links from playbooks to plays and products.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/node/load-data.ts';
import { coverageCsv, coverageMap } from '../../src/core/ecosystem/coverage.ts';
import { playEconomics, playsWithType } from '../../src/core/ecosystem/plays.ts';
import { routesForType } from '../../src/core/ecosystem/routes.ts';
import { programAudit, reachState } from '../../src/core/ecosystem/audit.ts';
import { formatMoney } from '../../src/core/format.ts';
import { resultWords } from '../../src/core/wording.ts';
import { DIST } from '../helpers/browser.ts';

const root = join(import.meta.dirname, '..', '..');
const { dataset } = loadData(root);
const d = dataset!;
const html = (path: string) => readFileSync(join(DIST, path), 'utf8');
const money = { currency: d.vendor.currency, locale: d.vendor.locale };
const esc = (s: string) =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

describe('ecosystem pages', () => {
  it('builds /products/<id>/ for every product, naming the types that lead it with links to their playbooks', () => {
    for (const p of d.vendor.products) {
      const file = join('products', p.id, 'index.html');
      expect(existsSync(join(DIST, file)), file).toBe(true);
      const page = html(file);
      expect(page).toContain(`<h1>${esc(p.name)}</h1>`);
      const route = d.routes?.routes.find((r) => r.product === p.id);
      for (const e of route?.lead ?? []) expect(page).toContain(`href="/partners/${e.type}/"`);
    }
    const index = html('products/index.html');
    for (const p of d.vendor.products) expect(index).toContain(`href="/products/${p.id}/"`);
  });

  it('/coverage/ shows every type x vertical x segment cell with the status the core computes', () => {
    const map = coverageMap(d)!;
    const page = html('coverage/index.html');
    const shown = new Map(
      [...page.matchAll(/data-cell="([^"]+)" data-status="([a-z]+)"/g)].map((m) => [m[1], m[2]]),
    );
    expect(shown.size).toBe(
      d.partnerTypes.length *
        d.verticals.length *
        d.segments.length *
        Math.max(1, map.regions.length),
    );
    for (const c of map.cells)
      expect(shown.get([c.type, c.vertical, c.segment, c.region ?? ''].join('|'))).toBe(c.status);
    // every status occurs in the example
    expect(new Set(shown.values())).toEqual(
      new Set(['gap', 'thin', 'met', 'crowded', 'untargeted']),
    );
  });

  it('/coverage/ ranks the cells to recruit into, each linked to its playbook, story, case and deck', () => {
    const map = coverageMap(d)!;
    const page = html('coverage/index.html');
    const list = page.slice(page.indexOf('id="recruit-next"'), page.indexOf('id="map"'));
    expect(map.recruitNext.length).toBeGreaterThan(0);
    let at = 0;
    for (const item of map.recruitNext) {
      const href = `href="/partners/${item.cell.type}/"`;
      const next = list.indexOf(href, at);
      expect(next, `recruit-next item ${item.rank} links its playbook in order`).toBeGreaterThan(
        at - 1,
      );
      at = next;
    }
    const first = map.recruitNext[0]!.cell;
    expect(list).toContain(
      `href="/partners/${first.type}/business-case/?vertical=${first.vertical}&amp;segment=${first.segment}"`,
    );
    expect(list).toContain(`href="/decks/${first.type}.pptx"`);
    expect(list).toMatch(/href="\/stories\/[a-z0-9-]+\/"/);
  });

  it('/coverage.csv is the same map as the page', () => {
    expect(readFileSync(join(DIST, 'coverage.csv'), 'utf8')).toBe(coverageCsv(coverageMap(d)!));
  });

  it('/plays/ lists every play; each play page shows each partner’s net as the engine computes it', () => {
    const plays = d.plays!.plays;
    const index = html('plays/index.html');
    for (const play of plays) {
      expect(index).toContain(`href="/plays/${play.id}/"`);
      const page = html(join('plays', play.id, 'index.html'));
      const e = playEconomics(d, play);
      for (const p of e.partners) {
        expect(page).toContain(`href="/partners/${p.type}/"`);
        expect(page).toContain(`<strong>${formatMoney(p.net, money)}</strong>`);
      }
      // Joint customers as a person counts them: "about 32", never "31.9".
      const text = page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      expect(text, play.id).toContain(
        `${resultWords(money).wholeCount(e.customers, 'joint customer')} at`,
      );
      expect(text, play.id).not.toMatch(/\d\.\d+ joint customer/);
    }
    // The example kit has a play whose count is fractional: the check above is not vacuous.
    expect(plays.some((p) => !Number.isInteger(playEconomics(d, p).customers))).toBe(true);
  });

  it("each type's deck data carries its plays for the deck form's play slide", () => {
    for (const t of d.partnerTypes) {
      const part = JSON.parse(html(join('deck-data', 'types', `${t.id}.json`))) as {
        plays: { id: string }[];
      };
      expect(
        part.plays.map((p) => p.id),
        t.id,
      ).toEqual(playsWithType(d, t.id).map((p) => p.id));
    }
    expect(d.partnerTypes.some((t) => playsWithType(d, t.id).length > 0)).toBe(true);
  });

  it('each playbook links the plays that include its type and the product to lead with', () => {
    for (const t of d.partnerTypes) {
      const page = html(join('partners', t.id, 'index.html'));
      for (const play of playsWithType(d, t.id))
        expect(page, t.id).toContain(`href="/plays/${play.id}/"`);
      const lead = routesForType(d, t.id).leadWith;
      expect(page, t.id).toContain(
        lead ? `Lead with <a href="/products/${lead.product.id}/"` : 'route asks this type to wait',
      );
    }
  });

  it('/program/ shows every type x tier and type x benefit as the audit computes them, and its findings', () => {
    const audit = programAudit(d);
    const page = html('program/index.html');
    const reach = new Map(
      [...page.matchAll(/data-type="([^"]+)" data-tier="([^"]+)" data-reach="([a-z]+)"/g)].map(
        (m) => [`${m[1]}|${m[2]}`, m[3]],
      ),
    );
    expect(reach.size).toBe(d.partnerTypes.length * d.vendor.tiers.length);
    for (const t of audit.tiers) expect(reach.get(`${t.type}|${t.tier}`)).toBe(reachState(t));
    // A tier that pays a type nothing reads "Not worth joining" on the page, whatever its reach.
    const unpaid = audit.tiers.filter((t) => !t.pays);
    expect(unpaid.length).toBeGreaterThan(0);
    for (const t of unpaid) expect(reach.get(`${t.type}|${t.tier}`)).toBe('declined');
    const use = new Map(
      [
        ...page.matchAll(/data-type="([^"]+)" data-benefit="([^"]+)" data-usable="(true|false)"/g),
      ].map((m) => [`${m[1]}|${m[2]}`, m[3]]),
    );
    for (const b of audit.benefits.filter((x) => audit.score.offeredBenefits.includes(x.benefit)))
      expect(use.get(`${b.type}|${b.benefit}`)).toBe(String(b.usable));
    // Each type's share of the benefits is a count a person reads: "can use 7 of 8".
    const shares = [
      ...page.matchAll(/data-usable-count="(\d+)"[^>]*>\s*can use (\d+) of (\d+)\s*</g),
    ];
    expect(shares).toHaveLength(d.partnerTypes.length);
    d.partnerTypes.forEach((t, i) => {
      const n = audit.benefits.filter(
        (b) => b.type === t.id && b.usable && audit.score.offeredBenefits.includes(b.benefit),
      ).length;
      expect(shares[i]!.slice(1).map(Number), t.id).toEqual([
        n,
        n,
        audit.score.offeredBenefits.length,
      ]);
    });
    expect(audit.findings.length).toBeGreaterThan(0);
    for (const f of audit.findings) expect(page).toContain(esc(f.text));
    expect(page).toContain(`<span class="stat-value">${audit.score.value}</span>`);
    // Every source a fix cites is listed, and the fix links to it.
    for (const x of audit.findings.flatMap((f) => f.sources)) {
      expect(page).toContain(`id="source-${x.id}"`);
      expect(page).toContain(`href="#source-${x.id}"`);
    }
  });

  it('/program/ groups its findings by tier, lowest first, then those across the tiers, each finding under its tier', () => {
    const audit = programAudit(d);
    const page = html('program/index.html');
    const groups = [
      ...page.matchAll(/data-finding-group="([a-z0-9-]+)"[^>]*>([\s\S]*?)<\/section>/g),
    ];
    const expected = [
      ...d.vendor.tiers.map((t) => t.id).filter((id) => audit.findings.some((f) => f.tier === id)),
      ...(audit.findings.some((f) => !f.tier) ? ['across'] : []),
    ];
    expect(expected.length).toBeGreaterThan(1);
    expect(groups.map((g) => g[1])).toEqual(expected);
    for (const f of audit.findings) {
      const group = groups.find((g) => g[1] === (f.tier ?? 'across'))!;
      expect(group[2], f.text).toContain(esc(f.text));
    }
    // a jump list names each group with its count, before the first card
    for (const id of expected) expect(page).toContain(`href="#findings-${id}"`);
    expect(page.indexOf('href="#findings-')).toBeLessThan(page.indexOf('class="card finding'));
  });

  it('/program/ and each playbook show what each type moves besides revenue, as the core computes it', () => {
    const audit = programAudit(d);
    const page = html('program/index.html');
    let seen = 0;
    const cells = [
      ...page.matchAll(
        /class="num use use-(yes|none)" data-type="([^"]+)" data-metric="([a-z]+)"/g,
      ),
    ];
    for (const tm of audit.metrics) {
      const moved = cells.filter((m) => m[2] === tm.type && m[1] === 'yes').map((m) => m[3]);
      expect(moved, tm.type).toEqual(tm.moves.map((x) => x.metric));
      const playbook = html(join('partners', tm.type, 'index.html'));
      expect(playbook, tm.type).toContain('id="measure"');
      expect(playbook, tm.type).toContain(
        `data-metrics="${tm.moves.map((x) => x.metric).join(' ')}"`,
      );
      for (const x of tm.moves) expect(playbook, tm.type).toContain(esc(x.label));
      // Customers and people are whole, on the playbook and in the /program/ table.
      const figures = [
        ...playbook.matchAll(
          /<span class="stat-value"[^>]*>([^<]*(?:customer|person|people)[^<]*)</g,
        ),
      ].map((m) => m[1]!);
      seen += figures.length;
      for (const f of figures)
        expect(f, tm.type).toMatch(/^(about |less than one )?[\d,]*\s?(customers?|person|people)$/);
    }
    expect(seen).toBeGreaterThan(0);
    const counts = [
      ...page.matchAll(
        /class="num use use-yes" data-type="[^"]+" data-metric="(sourced|delivered|certified)"[^>]*>\s*([^<]*?)\s*</g,
      ),
    ].map((m) => m[2]!);
    expect(counts.length).toBeGreaterThan(0);
    for (const c of counts) expect(c).toMatch(/^([\d,]+|Yes)$/);
  });
});
