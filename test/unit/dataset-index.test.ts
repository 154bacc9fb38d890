// Partner types by id: what every page, case and deck looks up, through one index per dataset.
import { describe, expect, it } from 'vitest';
import { partnerTypeById, typesByIds } from '../../src/core/dataset.ts';
import { dataset } from '../fixtures/business-case-dataset.ts';

describe('partner types by id', () => {
  const ids = dataset.partnerTypes.map((t) => t.id);

  it('finds each type by its id, and nothing for an unknown id', () => {
    for (const t of dataset.partnerTypes) expect(partnerTypeById(dataset, t.id)).toBe(t);
    expect(partnerTypeById(dataset, 'no-such-type')).toBeUndefined();
  });

  it("slices types in the dataset's order, each once, skipping unknown ids", () => {
    const [a, b, c] = [ids[4]!, ids[1]!, ids[6]!];
    expect(typesByIds(dataset, [a, 'nope', b, a, c]).map((t) => t.id)).toEqual([b, a, c]);
    expect(typesByIds(dataset, [])).toEqual([]);
    expect(typesByIds(dataset, [...ids].reverse())).toBe(dataset.partnerTypes);
  });

  it('indexes each list of types on its own (a sliced dataset is not answered from the whole one)', () => {
    const slice = { ...dataset, partnerTypes: typesByIds(dataset, [ids[0]!]) };
    expect(partnerTypeById(slice, ids[1]!)).toBeUndefined();
    expect(partnerTypeById(slice, ids[0]!)?.id).toBe(ids[0]);
  });
});
