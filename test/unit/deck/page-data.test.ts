// What the browser's deck form downloads (src/core/deck/page-data.ts), tailoring in one call
// (tailor.ts), a story's live figures (stories/live-figure.ts) and the JSON Schemas editors
// read (json-schema.ts), on the deck fixture.
import { describe, expect, it } from 'vitest';
import { CaseRequestError } from '../../../src/core/business-case/request.ts';
import {
  assembleDeckData,
  deckPageData,
  deckSharedData,
  deckTypeData,
  deckTypeDataHref,
} from '../../../src/core/deck/page-data.ts';
import { tailorDeck } from '../../../src/core/deck/tailor.ts';
import { JSON_SCHEMAS, jsonSchemaText } from '../../../src/core/json-schema.ts';
import { liveFigures, storyCaseRequest } from '../../../src/core/stories/live-figure.ts';
import { dataset, single, stories, templates } from '../../helpers/deck-fixture.ts';

describe("the deck form's data", () => {
  it("a type's part holds the type, the names its slides mention and its published stories", () => {
    const part = deckTypeData(dataset, 'managed-service-provider', stories);
    expect(part.type.id).toBe('managed-service-provider');
    expect(Object.keys(part.typeNames)).toEqual(['managed-service-provider']);
    expect(part.stories.map((s) => s.id)).toEqual(['msp-cfo', 'msp-owner']);
    // speaker notes are always a list, even where a story has none
    expect(part.stories.find((s) => s.id === 'msp-owner')!.data.speakerNotes).toEqual([]);
    expect(deckTypeData(dataset, 'reseller').stories).toEqual([]);
    expect(() => deckTypeData(dataset, 'no-such-type')).toThrow(
      /Unknown partner type "no-such-type"/,
    );
    expect(deckTypeDataHref('a b')).toBe('/deck-data/types/a%20b.json');
  });

  it('the shared part carries no types; assembled, a story told for two types comes once', () => {
    const shared = deckSharedData(dataset, templates);
    expect('partnerTypes' in shared.dataset).toBe(false);
    const both = {
      ...stories[0]!,
      id: 'both',
      data: { ...stories[0]!.data, types: ['reseller', 'managed-service-provider'] },
    };
    const all = [...stories, both];
    const data = assembleDeckData(shared, [
      deckTypeData(dataset, 'reseller', all),
      deckTypeData(dataset, 'managed-service-provider', all),
    ]);
    expect(data.dataset.partnerTypes.map((t) => t.id)).toEqual([
      'reseller',
      'managed-service-provider',
    ]);
    expect(data.stories.filter((s) => s.id === 'both')).toHaveLength(1);
    expect(deckPageData(dataset, templates, ['reseller']).stories).toEqual([]);
  });
});

describe('tailorDeck', () => {
  it('builds the deck for a request, and refuses unknown ids with the problems', () => {
    const { deck, result } = tailorDeck(dataset, templates, single('reseller'), {
      company: 'Acme',
    });
    expect(deck.meta.types).toEqual(['reseller']);
    expect(result.lanes[0]!.type).toBe('reseller');
    expect(() => tailorDeck(dataset, templates, single('nope'), { company: 'Acme' })).toThrow(
      CaseRequestError,
    );
  });
});

describe("a story's live figures", () => {
  it("are the calculator's key figures for the story's first type, vertical and segment", () => {
    expect(storyCaseRequest({ type: 'reseller', vertical: undefined, segment: undefined })).toEqual(
      single('reseller'),
    );
    expect(storyCaseRequest({ type: 'reseller', vertical: 'retail', segment: 'smb' })).toEqual({
      ...single('reseller'),
      vertical: 'retail',
      segment: 'smb',
    });
    const figures = liveFigures(dataset, {
      type: 'reseller',
      vertical: 'retail',
      segment: undefined,
    });
    expect(figures.npv.text).toMatch(/^-?\$[\d,]+$/);
    expect(figures.paybackMonth.label).toBeTruthy();
  });
});

describe('JSON Schemas for editors', () => {
  it('one per data file, from the zod source', () => {
    const vendor = JSON.parse(jsonSchemaText(JSON_SCHEMAS['vendor.schema.json'])) as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(vendor.properties)).toContain('tiers');
    expect(Object.keys(JSON_SCHEMAS)).toHaveLength(10);
  });
});
