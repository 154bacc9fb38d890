// The shipped kit's decks, read as a partner and a finance lead would: every ready deck and a set
// of tailored ones (every audience, mixes, hostile names), rendered as the build renders them.
// - the non-reseller rule: no discount, rebate or MDF on a slide, in a chart series or a table of
//   a deck whose lead does not resell or whose mix is mostly (or half) non-reselling;
// - prospect-facing words: no repo path, CLI command, "Your company" mid-sentence, doubled word,
//   "0 people" or over-long decimal, on a slide or in the notes;
// - clean files (cleanFileProblems) and the deck's structure;
// - no slide more than half empty (model occupancy; the LibreOffice test checks the pixels).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../src/core/deck/model.ts';
import { renderDeck } from '../../src/node/decks.ts';
import { SECTION_OF } from '../../src/core/deck/slides/index.ts';
import { ALL_CASES, MIXES, READY, type DeckCase } from '../helpers/deck-cases.ts';
import { runCase } from '../../src/core/business-case/run-case.ts';
import { occupancy, sources, textFits } from '../helpers/decks.ts';
import {
  allChartTriggers,
  cleanFileProblems,
  malformedParts,
  openPptx,
  seriesNames,
  slideParagraphs,
  tableText,
  type OpenedPptx,
} from '../helpers/pptx.ts';

interface Rendered {
  c: DeckCase;
  deck: Deck;
  opened: OpenedPptx;
}
const rendered: Rendered[] = [];

beforeAll(async () => {
  for (const c of ALL_CASES) {
    const { deck, bytes } = await renderDeck(sources, c.request, c.prospect, c.audience);
    rendered.push({ c, deck, opened: await openPptx(bytes) });
  }
}, 240_000);

const RESALE_TALK = /\b(discounts?|rebates?|MDF|market development funds?)\b/i;

describe('the non-reseller rule, on every deck', () => {
  it('a non-reselling lead or a mostly non-reselling mix shows no discount, rebate or MDF anywhere', () => {
    const checked = rendered.filter((r) => !r.c.reselling);
    expect(checked.length).toBeGreaterThan(8);
    for (const { c, deck, opened } of checked) {
      expect(deck.slides[1]?.kind, `${c.id}: leads with earnings`).toBe('earnings');
      opened.slideText.forEach((t, i) =>
        expect(t, `${c.id} slide ${i + 1}`).not.toMatch(RESALE_TALK),
      );
      for (const name of seriesNames(opened))
        expect(name, `${c.id} chart series`).not.toMatch(RESALE_TALK);
      for (const t of tableText(opened)) expect(t, `${c.id} table`).not.toMatch(RESALE_TALK);
    }
  });

  it('the appendix numbers its sources 1, 2, 3… with no gap, and every input group it names survives the rule', () => {
    for (const { c, deck } of rendered) {
      const appendix = deck.slides.find((s) => s.kind === 'sources');
      const text = JSON.stringify(appendix?.blocks ?? []);
      const numbers = [...text.matchAll(/"\[(\d+)\] /g)].map((m) => Number(m[1]));
      expect(numbers, `${c.id}: appendix numbering`).toEqual(numbers.map((_, i) => i + 1));
      // The inputs section is whole: a heading with no list under it means the list was dropped.
      if (text.includes("Where the business case's inputs come from"))
        expect(text, `${c.id}: inputs listed`).toMatch(/Estimates for|Cited:|own figures/);
    }
  });

  it('a mostly non-reselling mix never says "nothing to resell" beside its resale income', () => {
    const mixed = rendered.filter(
      (r) => !r.c.reselling && r.opened.slideText[1]!.includes('Resale income'),
    );
    expect(mixed.map((r) => r.c.id)).toContain('mix-influencer-distributor');
    for (const { c, opened } of mixed)
      expect(opened.slideText[1], c.id).not.toMatch(/nothing to resell|without reselling/i);
  });

  it('reselling decks do show the resale terms (the check above can fail)', () => {
    const reseller = rendered.find((r) => r.c.id === 'ready-reseller')!;
    expect(reseller.opened.slideText.join(' ')).toMatch(RESALE_TALK);
  });

  it('a tie goes to the non-reselling side whatever the order typed', () => {
    const [a, b] = ['mix-tie-reseller-first', 'mix-tie-referral-first'].map(
      (id) => rendered.find((r) => r.c.id === id)!.deck,
    );
    expect(a!.meta.sequence).toBe('influence');
    expect(b!.meta).toEqual(a!.meta);
    expect(a!.meta.types[0]).toBe('referral-partner');
    expect(a!.slides.map((s) => [s.kind, s.title])).toEqual(
      b!.slides.map((s) => [s.kind, s.title]),
    );
    // Every word on every slide, and the notes: the same deck whichever type was typed first.
    const [ta, tb] = ['mix-tie-reseller-first', 'mix-tie-referral-first'].map(
      (id) => rendered.find((r) => r.c.id === id)!.opened,
    );
    expect(ta!.slideText).toEqual(tb!.slideText);
    expect(ta!.notes).toEqual(tb!.notes);
  });

  it('the mixes asked for are all here', () => {
    expect(MIXES.filter((m) => !m.reselling).length).toBeGreaterThanOrEqual(3);
  });
});

describe('prospect-facing words', () => {
  const wordProblems = (text: string, where: string): string[] => {
    const out: string[] = [];
    const find = (re: RegExp, what: string) => {
      const m = re.exec(text);
      if (m)
        out.push(`${where}: ${what}: …${text.slice(Math.max(0, m.index - 30), m.index + 40)}…`);
    };
    find(/\b(content|data|templates|src|public)\/[\w./-]+|\.mdx\b|\.ya?ml\b/, 'a repo path');
    find(/\bnpx\b|\bnpm run\b|\bpartnerkit\b|--(type|mix|prospect)\b/i, 'a CLI command');
    find(/\b(\w+) \1\b/i, 'a doubled word');
    find(/\b0 (people|persons?|customers?|hires?|new customers|of your)\b/i, 'a zero count');
    find(/\{[A-Za-z]+\.[\w.-]+\}|\{horizon\}/, 'an unbound token');
    find(
      /\bthe people your plan needs\b|\bfor the tier your business case aims at\b/i,
      'a step that names nothing',
    );
    find(/\d\.\d{5,}/, 'a number with more than four decimals');
    find(/\b[Aa] (?!(uni|usa|use|usu|uti|eu|one))[aeiou]\w/, '"a" before a vowel');
    find(/\b(engine|calculator)\b/i, 'tool talk');
    return out;
  };

  it('no slide or note has a repo path, a CLI command, a doubled word, "0 people" or raw decimals', () => {
    const problems: string[] = [];
    for (const { c, opened } of rendered) {
      slideParagraphs(opened).forEach((ps, i) =>
        ps.forEach((p) => problems.push(...wordProblems(p, `${c.id} slide ${i + 1}`))),
      );
      opened.notes.forEach((n, i) => problems.push(...wordProblems(n, `${c.id} notes ${i + 1}`)));
    }
    expect(problems).toEqual([]);
  });

  it('next steps say how many people the case certifies, and leave certifying out where it certifies no one', () => {
    let without = 0;
    for (const { c, deck } of rendered.filter((r) => READY.includes(r.c))) {
      const steps = JSON.stringify(deck.slides.find((s) => s.kind === 'next-steps'));
      // Whole people, as the tier slide counts them: those the case certifies and its hires
      // (a quarter of an engineer's time bought in is not one more person).
      const a = runCase(sources.dataset, c.request).assumptions;
      const certifies = Math.floor(a.certifications + a.hires + 1e-9);
      if (certifies > 0) expect(steps, c.id).toContain(`Get ${certifies} of your people certified`);
      else {
        without++;
        expect(steps, c.id).not.toMatch(/certif/i);
      }
    }
    // The example kit has a type that certifies no one (the cloud marketplace).
    expect(without).toBeGreaterThan(0);
  });

  it('next steps name the tier a plan aims for, and say nothing of a plan that aims no higher than joining', () => {
    const tiers = sources.dataset.vendor.tiers;
    const aims = new Set<boolean>();
    for (const { c, deck } of rendered.filter((r) => READY.includes(r.c))) {
      const type = sources.dataset.partnerTypes.find((t) => c.request.mix[0]!.type === t.id)!;
      const target = tiers.find((t) => t.id === type.businessCase.targetTier) ?? tiers[0]!;
      const steps = JSON.stringify(deck.slides.find((s) => s.kind === 'next-steps'));
      aims.add(target !== tiers[0]);
      if (target !== tiers[0])
        expect(steps, c.id).toContain(`plan with your partner manager toward ${target.name}`);
      else expect(steps, c.id).not.toContain('plan with your partner manager');
    }
    // Both kinds are in the example kit.
    expect([...aims].sort()).toEqual([false, true]);
  });

  it('slides speak to the partner: no "prospect", "playbook" or other recruiter words on them', () => {
    const problems: string[] = [];
    for (const { c, opened } of rendered)
      slideParagraphs(opened).forEach((ps, i) =>
        ps
          .filter((p) => /\b(prospects?|playbooks?|recruiting kit|the vendor)\b/i.test(p))
          .forEach((p) => problems.push(`${c.id} slide ${i + 1}: ${p}`)),
      );
    expect(problems).toEqual([]);
  });

  it('a plural subject takes a plural verb in the revenue-mix title', () => {
    for (const { c, deck } of rendered) {
      const t = deck.slides.find((s) => s.kind === 'revenue-mix')?.title ?? '';
      expect(t, c.id).not.toMatch(/\b(fees|services|commissions|classes|rebates)\b[^,]* brings\b/);
    }
  });

  it('"Your company" starts a sentence or stands alone, never mid-sentence', () => {
    for (const { c, opened } of rendered) {
      const texts = [...slideParagraphs(opened).flat(), ...opened.notes];
      for (const t of texts) expect(t, c.id).not.toMatch(/(?<!^|[.!?:·] )\bYour company\b/);
    }
  });

  it("the consultancy's deck names its retainer as the firm does and never asks it to run the product", () => {
    const { deck } = rendered.find((r) => r.c.id === 'ready-consultancy')!;
    const all = JSON.stringify(deck.slides);
    expect(all).toContain('Retained advisory');
    expect(all).not.toMatch(/Managed services|running the product/);
    // Its case stands on its own work: no referral fee counted in it.
    expect(JSON.stringify(deck.slides.find((s) => s.kind === 'earnings'))).not.toMatch(
      /Referral fees/,
    );
  });

  it('working capital on the investment slide says it is money customers still owe', () => {
    const { deck } = rendered.find((r) => r.c.id === 'ready-reseller')!;
    const slide = JSON.stringify(deck.slides.find((s) => s.kind === 'investment'));
    expect(slide).toMatch(/Working capital \(customers still owe it at month 36\)/);
  });

  it('no sentence mark is doubled: a source title ending "?" takes no full stop after it', () => {
    for (const { c, opened } of rendered) {
      const texts = [...slideParagraphs(opened).flat(), ...opened.notes];
      for (const t of texts) expect(t, c.id).not.toMatch(/[?!]\.(?!\.)|\.\.(?!\.)/);
    }
  });

  it('hostile names reach the slides without their bidirectional or invisible characters', () => {
    for (const id of ['hostile-rtl-override', 'hostile-zero-width']) {
      const { deck, opened } = rendered.find((r) => r.c.id === id)!;
      const all = [...opened.slideText, ...opened.notes].join(' ');
      expect(all, id).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF]/);
      expect(deck.theme.footer, id).toContain(deck.meta.prospect);
    }
    expect(rendered.find((r) => r.c.id === 'hostile-zero-width')!.deck.meta.prospect).toBe(
      'Northwind Referrals',
    );
  });
});

describe('clean files and structure', () => {
  it('every deck passes the XML, chart and clean-file checks', async () => {
    for (const { c, opened } of rendered) {
      expect(malformedParts(opened), c.id).toEqual([]);
      expect(allChartTriggers(opened), c.id).toEqual([]);
      expect(await cleanFileProblems(opened), c.id).toEqual([]);
    }
  });

  it('opens on the title, runs money, opportunity, case, program, next steps, then closes before the appendix', () => {
    const order = ['money', 'opportunity', 'case', 'program', 'next', 'appendix'];
    for (const { c, deck } of rendered) {
      const kinds = deck.slides.map((s) => s.kind);
      expect(kinds[0], c.id).toBe('title');
      expect(kinds.at(-1), c.id).toBe('sources');
      expect(kinds.at(-2), c.id).toBe('closing');
      expect(kinds.at(-3), c.id).toBe('next-steps');
      const sections = deck.slides.flatMap((s) => SECTION_OF[s.kind] ?? []);
      expect(sections, c.id).toEqual(
        [...sections].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
      );
      expect(new Set(sections), c.id).toEqual(new Set(order));
      expect(kinds, c.id).toContain('headline');
    }
  });

  it('every content slide has an action title (a sentence, not a label) and its section label', () => {
    for (const { c, deck } of rendered)
      for (const s of deck.slides.filter((x) => x.kind !== 'title' && x.kind !== 'closing')) {
        expect(s.title.split(' ').length, `${c.id} ${s.kind}: ${s.title}`).toBeGreaterThanOrEqual(
          4,
        );
        expect(s.section, `${c.id} ${s.kind}`).toBeTruthy();
      }
  });

  it('text fits its box, and no slide is more than half empty', () => {
    const empty: string[] = [];
    for (const { c, deck } of rendered)
      for (const s of deck.slides) {
        for (const b of s.blocks)
          if (b.type === 'text')
            expect(textFits(b), `${c.id} ${s.kind}: ${b.paragraphs.join(' / ').slice(0, 60)}`).toBe(
              true,
            );
        const used = occupancy(s, deck.theme);
        if (used < 0.5) empty.push(`${c.id} ${s.kind}: ${Math.round(used * 100)}% used`);
      }
    expect(empty).toEqual([]);
  });
});
