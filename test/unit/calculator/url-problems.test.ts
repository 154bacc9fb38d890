// A link with ids the dataset does not know: the calculator drops them, says which parameter
// was wrong and why, and computes what is left (src/core/url-state.ts).
import { describe, expect, it } from 'vitest';
import { caseSearch, canonicalMix, readCaseUrl } from '../../../src/core/url-state.ts';
import { dataset as d } from '../../fixtures/business-case-dataset.ts';

describe('a link with unknown ids', () => {
  it('an unknown type and no default mix: no mix, and the problem names the type and the known ones', () => {
    const { request, problems } = readCaseUrl('?mix=nope=1', d);
    expect(request.mix).toEqual([]);
    expect(problems).toEqual([
      {
        param: 'type',
        message: expect.stringMatching(
          /^unknown partner type `nope` \(known: reseller, managed-service-provider,/,
        ),
      },
    ]);
  });

  it('unknown vertical, segment and product are dropped, each with its problem', () => {
    const { request, problems } = readCaseUrl(
      '?type=reseller&vertical=nope&segment=nope&product=nope',
      d,
    );
    expect(request).toEqual({ mix: [{ type: 'reseller', weight: 1 }], overrides: {} });
    expect(problems.map((p) => p.param)).toEqual(['vertical', 'segment', 'product']);
    expect(problems[0]!.message).toBe('unknown vertical `nope` (known: health, retail)');
  });

  it('weights that are all zero or negative are left as written (the engine refuses them)', () => {
    const mix = [
      { type: 'a', weight: 0 },
      { type: 'b', weight: -1 },
    ];
    expect(canonicalMix(mix)).toEqual(mix);
    expect(canonicalMix(mix)).not.toBe(mix);
  });

  it('a request with no overrides writes only its mix', () => {
    expect(caseSearch({ mix: [{ type: 'reseller', weight: 1 }] })).toBe('?type=reseller');
  });
});
