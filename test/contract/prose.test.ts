// The example kit's prose says what its cases assume: the five answers that once contradicted
// the numbers beside them now take those numbers from the case, on the page and in a deck.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCase } from '../../src/core/business-case/index.ts';
import { buildDeck } from '../../src/core/deck/build-deck.ts';
import { bindDefaultProse } from '../../src/core/prose-tokens.ts';
import { resultWords } from '../../src/core/wording.ts';
import { loadDeckSources } from '../../src/node/deck-sources.ts';

const { dataset, templates, stories } = loadDeckSources(join(import.meta.dirname, '..', '..'));
const pages = bindDefaultProse(dataset);
const w = resultWords({ currency: dataset.vendor.currency, locale: dataset.vendor.locale });
const answer = (type: string, id: string) =>
  pages.partnerTypes.find((t) => t.id === type)!.objections.find((o) => o.id === id)!.response;
const caseOf = (type: string) => runCase(dataset, { mix: [{ type, weight: 1 }] });

describe('prose bound to the case', () => {
  it('no token is left unbound on any page', () => {
    expect(JSON.stringify(pages.partnerTypes)).not.toMatch(/\{[A-Za-z][\w.-]*\}/);
  });

  it('the MSP\'s answer states the hire the case pays for, not "no new hire"', () => {
    const r = caseOf('managed-service-provider');
    const text = answer('managed-service-provider', 'tool-sprawl');
    expect(r.summary.costsByItem.hires).toBeGreaterThan(0);
    expect(text).not.toMatch(/no new hire/);
    expect(text).toContain(w.money(r.summary.costsByItem.hires));
  });

  it("the integrator's answer states the resale margin the case earns, not pass-through", () => {
    const r = caseOf('systems-integrator');
    const text = answer('systems-integrator', 'resale-margin');
    expect(text).not.toMatch(/treats resale as pass-through/);
    expect(text).toContain(w.money(r.summary.grossProfitByStream.resale));
  });

  it("the ISV's answer costs the integration the case costs", () => {
    const r = caseOf('isv');
    const text = answer('isv', 'engineering-cost');
    expect(text).not.toMatch(/two engineers for a month/);
    expect(text).toContain(w.money(r.summary.costsByItem.practiceBuild));
  });

  it("the cloud reseller's answer says when the rebates it claims start in its case", () => {
    const r = caseOf('cloud-reseller');
    const text = answer('cloud-reseller', 'margin-too-thin');
    expect(text).not.toMatch(/shows all three together/);
    const silver = r.tiers.find((t) => t.id === 'silver')!;
    // Its plan reaches Silver (three certified people), so the case earns the rebate from then.
    expect(silver.reachedMonth).not.toBeNull();
    expect(r.summary.grossProfitByStream.rebate).toBeGreaterThan(0);
    expect(text).toContain(`counts them once it reaches Silver in month ${silver.reachedMonth}.`);
  });

  it("the distributor's answer quotes the margin its case earns", () => {
    const r = caseOf('distributor');
    const text = answer('distributor', 'margin-too-thin');
    const share = r.summary.grossProfitByStream.resale / r.summary.bookings;
    expect(text).toContain(`keeps ${w.percent(share)} of what it sells`);
  });

  it("a tailored deck binds the prose to its own case, not the default's", () => {
    const result = runCase(dataset, {
      mix: [{ type: 'managed-service-provider', weight: 1 }],
      overrides: { hires: 2 },
    });
    const deck = buildDeck({
      dataset,
      templates,
      stories,
      result,
      prospect: { company: 'Northwind IT' },
    });
    const text = JSON.stringify(deck.slides.find((s) => s.kind === 'objections'));
    expect(text).toContain('adds 2 FTE of engineer time');
    expect(text).toContain(w.money(result.summary.costsByItem.hires));
  });

  it("the partner's own objection quotes the program's entry discount, so a new price list changes it too", () => {
    const registered = dataset.vendor.tiers[0]!;
    const quoted = (d: typeof dataset, type: string) =>
      bindDefaultProse(d).partnerTypes.find((t) => t.id === type)!.objections[0]!.objection;
    expect(quoted(dataset, 'reseller')).toBe(
      `A ${w.percent(registered.benefits.discount)} discount doesn't cover the cost of selling a new line.`,
    );
    const repriced = {
      ...dataset,
      vendor: {
        ...dataset.vendor,
        tiers: [
          { ...registered, benefits: { ...registered.benefits, discount: 0.12 } },
          ...dataset.vendor.tiers.slice(1),
        ],
      },
    };
    expect(quoted(repriced, 'reseller')).toMatch(/^A 12% discount /);
    expect(quoted(repriced, 'cloud-reseller')).toMatch(/^12% on a cloud subscription /);
  });

  it("the influencer's deck costs the time it spends on content, in its words, not 'sales and pre-sales capacity'", () => {
    const deck = buildDeck({
      dataset,
      templates,
      stories,
      result: caseOf('influencer'),
      prospect: { company: 'Northwind Media' },
    });
    const investment = JSON.stringify(deck.slides.find((s) => s.kind === 'investment'));
    expect(investment).toContain('Time on content');
    const fte = w.number(caseOf('influencer').assumptions.salesFte, 2);
    expect(investment).toContain(`Time on content: ${fte} FTE, from before the first deal.`);
    expect(investment).not.toMatch(/sales and pre-sales capacity/i);
  });
});
