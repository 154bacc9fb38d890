// `partnerkit case` text as a terminal shows it: the tier table fits 80 columns with each tier's
// benefits wrapped beneath it, every line fits 100, and a marked sensitivity move is a footnote.
import { describe, expect, it } from 'vitest';
import { runCase } from '../../src/core/business-case/run-case.ts';
import { caseText, wrapText } from '../../src/cli/commands/case.ts';
import { dataset } from '../fixtures/business-case-dataset.ts';

const text = (type: string) => caseText(runCase(dataset, { mix: [{ type, weight: 1 }] }));
const section = (out: string, from: RegExp, to: RegExp) => {
  const lines = out.split('\n');
  const start = lines.findIndex((l) => from.test(l));
  const end = lines.findIndex((l, i) => i > start && to.test(l));
  return lines.slice(start, end);
};

describe('partnerkit case text in a terminal', () => {
  it('the tier table fits 80 columns, each tier with its benefits beneath it', () => {
    for (const type of ['reseller', 'referral-partner']) {
      const tiers = section(text(type), /^Tier\s+Reached/, /^Scenario/);
      expect(tiers.length, type).toBeGreaterThan(6);
      for (const line of tiers) expect(line.length, `${type}: ${line}`).toBeLessThanOrEqual(80);
      const silver = tiers.findIndex((l) => l.startsWith('Silver '));
      const gold = tiers.findIndex((l) => l.startsWith('Gold '));
      const beneath = tiers.slice(silver + 1, gold);
      expect(beneath.length, type).toBeGreaterThan(0);
      expect(
        beneath.every((l) => /^ {2}\S/.test(l)),
        type,
      ).toBe(true);
      const benefits = beneath.map((l) => l.trim());
      expect(benefits.join(' '), type).toMatch(/discount|referral fee/);
      expect(benefits.join(' '), type).toMatch(/a year program fee$/);
      expect(benefits.join(' '), type).not.toMatch(/\b1 NFR licences/);
    }
  });

  it('every line fits a 100-column terminal; marked moves are numbered footnotes', () => {
    const out = text('reseller');
    for (const line of out.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
    const sens = section(out, /^Driver/, /^Notes:|^$/);
    expect(sens.join('\n')).toMatch(/ \[1\] /);
    expect(out).toMatch(/^\[1\] \S.* at ×(0\.8|1\.2) (misses|reaches|stops at its limit)/m);
  });

  it('wraps words to the width, indenting later lines', () => {
    expect(wrapText('aa bb cc dd', 6, '  ')).toEqual(['  aa', '  bb', '  cc', '  dd']);
    expect(wrapText('aa bb cc dd', 8)).toEqual(['aa bb cc', 'dd']);
  });
});

describe('partnerkit case text adds up', () => {
  const money = (cell: string) => Number(cell.replace(/[$,]/g, ''));
  it("each year's cost rows sum to its Costs row, working capital included", () => {
    for (const type of ['reseller', 'referral-partner']) {
      const r = runCase(dataset, { mix: [{ type, weight: 1 }] });
      const lines = section(caseText(r), /^-{5,}/, /^Net cash/).slice(1);
      const gp = lines.findIndex((l) => l.startsWith('Gross profit'));
      const items = lines.slice(gp + 1, -1).map((l) => l.trim().split(/\s{2,}/));
      const costs = lines
        .at(-1)!
        .trim()
        .split(/\s{2,}/);
      expect(costs[0], type).toBe('Costs');
      for (let col = 1; col < costs.length; col++) {
        const sum = items.reduce((acc, cells) => acc + money(cells[col]!), 0);
        // Each cell is rounded to the dollar: the sum may be off by a dollar a row.
        expect(Math.abs(sum - money(costs[col]!)), `${type} column ${col}`).toBeLessThanOrEqual(
          items.length,
        );
      }
      if (r.summary.workingCapitalAtEnd > 0.5)
        expect(
          items.map((c) => c[0]),
          type,
        ).toContain('Working capital');
    }
  });
});
