// The one description per stream kind (src/core/stream-kinds.ts) is what the engine, the
// calculator and the CLI derive their labels, colours, groups, drivers and series from: these
// tests hold the description to the model, so a wrong entry fails here rather than on a page.
import { describe, expect, it } from 'vitest';
import {
  ASSUMPTION_GROUPS,
  ASSUMPTION_KEYS,
  ASSUMPTIONS,
  type AssumptionKey,
} from '../../../src/core/assumption-registry.ts';
import {
  resolveAssumptions,
  sensitivityDrivers,
  simOptions,
  simulate,
  STREAM_LABELS,
  type SimLane,
} from '../../../src/core/business-case/index.ts';
import { STREAM_STEPS } from '../../../src/core/business-case/simulate.ts';
import { relevantGroups } from '../../../src/core/result-display.ts';
import { STREAM_KINDS, STREAMS, type StreamKind } from '../../../src/core/stream-kinds.ts';
import { StreamKind as StreamKindSchema } from '../../../src/core/schema/partner-type.ts';
import type { Dataset } from '../../../src/core/dataset.ts';
import { dataset } from '../../fixtures/business-case-dataset.ts';

/** Volume, horizon and cost inputs: read by every stream through bookings and customers. */
const SHARED = new Set<AssumptionKey>(
  ASSUMPTION_KEYS.filter((k) => ['horizon', 'volume', 'costs'].includes(ASSUMPTIONS[k].group)),
);

/** The fixture with private offers open at the entry tier, so every marketplace path runs. */
const privateOffers: Dataset = {
  ...dataset,
  vendor: {
    ...dataset.vendor,
    tiers: dataset.vendor.tiers.map((t, i) =>
      i === 0
        ? { ...t, benefits: { ...t.benefits, marketplace: { privateOffers: true, feeRebate: 0 } } }
        : t,
    ),
  },
};

/** Every fixture type with a stream, resolved on both datasets. */
function lanesWith(kind: StreamKind) {
  const types = dataset.partnerTypes.filter((t) => t.businessCase.streams.includes(kind));
  return [dataset, privateOffers].flatMap((d) =>
    types.map((t) => resolveAssumptions(d, { mix: [{ type: t.id, weight: 1 }] })),
  );
}

describe('one description per stream kind', () => {
  it('every kind has a label, a hex colour, a known group, and inputs and drivers in the registry', () => {
    for (const kind of STREAM_KINDS) {
      const s = STREAMS[kind];
      expect(s.label.trim(), kind).not.toBe('');
      expect(s.colour, kind).toMatch(/^#[0-9a-f]{6}$/i);
      expect(Object.keys(ASSUMPTION_GROUPS), kind).toContain(s.group);
      for (const k of [...s.inputs, ...s.drivers]) expect(ASSUMPTION_KEYS, kind).toContain(k);
      for (const k of s.drivers) expect(s.inputs, `${kind}: driver ${k} is an input`).toContain(k);
      if (s.margin) expect(s.inputs, kind).toContain(s.margin);
      expect(typeof STREAM_STEPS[kind], kind).toBe('function');
    }
  });

  it('labels, the YAML enum, the form groups and the drivers come from the description', () => {
    expect(StreamKindSchema.options).toEqual(STREAM_KINDS);
    for (const kind of STREAM_KINDS) {
      expect(STREAM_LABELS[kind]).toBe(STREAMS[kind].label);
      expect(relevantGroups([kind])).toContain(STREAMS[kind].group);
    }
    const lanes = lanesWith('managed').flatMap((r) => r.lanes);
    for (const k of STREAMS.managed.drivers) expect(sensitivityDrivers(lanes)).toContain(k);
  });

  it("a stream's gross profit moves only with its own inputs, volume and costs (at the entry tier)", () => {
    const bump = (key: AssumptionKey, v: number) => {
      const s = ASSUMPTIONS[key];
      const up = v === 0 ? (s.max - s.min) / 4 + s.min : v * 1.1;
      return Math.min(s.max, up === v ? v / 2 : up);
    };
    for (const kind of STREAM_KINDS) {
      for (const resolved of lanesWith(kind)) {
        const opts = { ...simOptions(resolved), tierProgression: false };
        const base = Array.from(simulate(resolved.lanes, opts).grossProfit[kind]);
        const own = new Set<AssumptionKey>(STREAMS[kind].inputs);
        for (const key of ASSUMPTION_KEYS) {
          if (own.has(key) || SHARED.has(key)) continue;
          const lanes: SimLane[] = resolved.lanes.map((l) => ({
            ...l,
            assumptions: { ...l.assumptions, [key]: bump(key, l.assumptions[key]) },
          }));
          const moved = Array.from(simulate(lanes, opts).grossProfit[kind]);
          expect(moved, `${kind} (${resolved.lanes[0]!.type}) moved with ${key}`).toEqual(base);
        }
      }
    }
  });

  it("what a customer is worth (`perCustomer`) lowers the stream's gross profit when it is halved", () => {
    for (const kind of STREAM_KINDS) {
      const key = STREAMS[kind].perCustomer;
      // An ISV's marketplace stream is the fee on its own software: no deal of its own
      // (src/core/customer-value.ts); every other lane earns on its kind's per-customer value.
      const lanes = lanesWith(kind).filter(
        (r) =>
          !(
            kind === 'marketplace' &&
            r.lanes[0]!.streams.includes('ip') &&
            !r.lanes[0]!.streams.includes('resale')
          ),
      );
      let earning = 0;
      for (const resolved of lanes) {
        const opts = { ...simOptions(resolved), tierProgression: false };
        const total = (ls: SimLane[]) =>
          Array.from(simulate(ls, opts).grossProfit[kind]).reduce((a, b) => a + b, 0);
        const base = total(resolved.lanes);
        const half = total(
          resolved.lanes.map((l) => ({
            ...l,
            assumptions: { ...l.assumptions, [key]: l.assumptions[key] / 2 },
          })),
        );
        // Private offers closed at the entry tier: a reseller's marketplace stream earns nothing.
        if (base === 0) continue;
        earning++;
        expect(half, `${kind} (${resolved.lanes[0]!.type}) with half its ${key}`).toBeLessThan(
          base,
        );
      }
      expect(earning, `${kind}: a fixture type that earns on it`).toBeGreaterThan(0);
    }
  });

  it('recurring gross profit is what the descriptions say recurs', () => {
    const total = (a: ArrayLike<number>) => Array.from(a).reduce((s, x) => s + x, 0);
    let checked = 0;
    for (const type of dataset.partnerTypes) {
      const recurringOf = (renewalRate: number) => {
        const resolved = resolveAssumptions(dataset, {
          mix: [{ type: type.id, weight: 1 }],
          overrides: { renewalRate },
        });
        const sim = simulate(resolved.lanes, { ...simOptions(resolved), tierProgression: false });
        let all = 0;
        let renewing = 0;
        for (const kind of STREAM_KINDS) {
          if (STREAMS[kind].recurring === 'all') all += total(sim.grossProfit[kind]);
          if (STREAMS[kind].recurring === 'renewals') renewing += total(sim.grossProfit[kind]);
        }
        return { recurring: total(sim.recurringGrossProfit), all, renewing };
      };
      // With no renewals, only the streams that recur in full count (an ISV's marketplace fee
      // on its subscriptions is charged on recurring revenue, so it counts with them).
      const none = recurringOf(0);
      const ownIp =
        type.businessCase.streams.includes('ip') && !type.businessCase.streams.includes('resale');
      expect(none.recurring, type.id).toBeCloseTo(none.all + (ownIp ? none.renewing : 0), 6);
      // With renewals, part of the `renewals` streams recurs too, never more than all of it.
      if (ownIp || !type.businessCase.streams.some((k) => STREAMS[k].recurring === 'renewals'))
        continue;
      checked++;
      const some = recurringOf(0.9);
      expect(some.recurring, type.id).toBeGreaterThan(some.all + 1e-6);
      expect(some.recurring, type.id).toBeLessThan(some.all + some.renewing);
    }
    expect(checked).toBeGreaterThan(0);
  });
});
