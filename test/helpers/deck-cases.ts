// The decks the contract and interop tests look at: every type's ready deck, and tailored ones
// for every audience, three mixes (one a tie, typed both ways), and hostile prospect names.
import type { CaseRequest } from '../../src/core/business-case/types.ts';
import type { Prospect } from '../../src/core/deck/build-deck.ts';
import { GENERIC_PROSPECT } from '../../src/core/deck/tailor.ts';
import { AUDIENCES, type Audience } from '../../src/core/schema/content.ts';
import { dataset, single, stories } from './decks.ts';

export interface DeckCase {
  id: string;
  request: CaseRequest;
  prospect: Prospect;
  audience?: Audience;
  /** Whether the deck may talk resale (false: a non-reselling lead or a mostly non-reselling mix). */
  reselling: boolean;
}

const transacts = (id: string) => dataset.partnerTypes.find((t) => t.id === id)!.transacts;

/** Every partner type's ready deck, as the build makes it. */
export const READY: DeckCase[] = dataset.partnerTypes.map((t) => ({
  id: `ready-${t.id}`,
  request: single(t.id),
  prospect: { company: GENERIC_PROSPECT },
  reselling: t.transacts,
}));

/** For each audience, a type with a published story written for it (the story slide changes). */
const audienceDecks: DeckCase[] = AUDIENCES.map((audience) => {
  const type =
    stories.find((s) => s.data.status === 'published' && s.data.audience === audience)?.data
      .types[0] ?? 'managed-service-provider';
  return {
    id: `audience-${audience}`,
    request: single(type, { vertical: dataset.verticals[0]!.id }),
    prospect: { company: 'Northwind IT', contact: 'Ana Ruiz, CFO', region: 'EMEA' },
    audience,
    reselling: transacts(type),
  };
});

const mix = (parts: [string, number][], extra: Partial<CaseRequest> = {}): CaseRequest => ({
  mix: parts.map(([type, weight]) => ({ type, weight })),
  ...extra,
});

export const MIXES: DeckCase[] = [
  {
    id: 'mix-influencer-distributor',
    request: mix([
      ['influencer', 0.7],
      ['distributor', 0.3],
    ]),
    prospect: { company: 'Brightline Media' },
    reselling: false,
  },
  {
    id: 'mix-msp-reseller',
    request: mix(
      [
        ['managed-service-provider', 0.6],
        ['reseller', 0.4],
      ],
      { vertical: dataset.verticals[0]!.id, segment: dataset.segments[0]!.id },
    ),
    prospect: { company: 'Contoso Managed IT', contact: 'Ana Ruiz, CFO' },
    reselling: true,
  },
  // A tie goes to the non-reselling side, whichever type is typed first.
  {
    id: 'mix-tie-reseller-first',
    request: mix([
      ['reseller', 0.5],
      ['referral-partner', 0.5],
    ]),
    prospect: { company: 'Tie & Co' },
    reselling: false,
  },
  {
    id: 'mix-tie-referral-first',
    request: mix([
      ['referral-partner', 0.5],
      ['reseller', 0.5],
    ]),
    prospect: { company: 'Tie & Co' },
    reselling: false,
  },
  {
    id: 'mix-consultancy-msp',
    request: mix([
      ['consultancy', 0.6],
      ['managed-service-provider', 0.4],
    ]),
    prospect: { company: 'Harbor Advisory' },
    reselling: false,
  },
];

/** Names the issue saw break decks: a right-to-left override, zero-width padding, and the usual. */
export const HOSTILE: DeckCase[] = [
  {
    id: 'hostile-rtl-override',
    request: single('reseller'),
    prospect: { company: 'Acme\u202E Confidential', contact: '\u2066Dana\u2069 Levi' },
    reselling: true,
  },
  {
    id: 'hostile-zero-width',
    request: single('referral-partner'),
    prospect: { company: '\u200BNorth\u200Bwind\u2060 Referrals\uFEFF' },
    reselling: false,
  },
  {
    id: 'hostile-specials',
    request: single('managed-service-provider'),
    prospect: { company: 'Smith & Jones <Advisory> "SJA"', contact: "Pat O'Brien, COO" },
    reselling: true,
  },
  {
    id: 'hostile-hebrew',
    request: single('consultancy'),
    prospect: { company: 'שותפים Partners בע״מ', region: 'ישראל' },
    reselling: false,
  },
  {
    id: 'hostile-long',
    request: single('systems-integrator'),
    prospect: {
      company:
        'Consolidated International Systems Integration and Digital Transformation Services Group of Northern Europe Holdings Limited',
    },
    reselling: true,
  },
];

export const TAILORED: DeckCase[] = [...audienceDecks, ...MIXES, ...HOSTILE];
export const ALL_CASES: DeckCase[] = [...READY, ...TAILORED];
