import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/core/diagnostics.ts';
import { AUDIENCES, StoryFrontmatter } from '../../../src/core/schema/content.ts';
import { STORY_COMPONENT_NAMES } from '../../../src/core/stories/components.ts';
import { playbookFacets, storyFacets } from '../../../src/core/stories/facets.ts';
import { FIGURE_NAMES, storyCaseInputs } from '../../../src/core/stories/figures.ts';
import { dataset as fixtureDataset } from '../../fixtures/business-case-dataset.ts';
import { checkContentBody } from '../../../src/node/content-rules.ts';
import { isStale, storyMessagesFor, type StoryEntryLike } from '../../../src/core/stories/messages.ts';
import { loadData } from '../../../src/node/load-data.ts';
import { fixtureCopy, MINIMAL } from '../../helpers/fixture.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const STORY = 'content/stories/alpha-owner.mdx';

/** A valid story for the minimal fixture, with lines a test can break one at a time. */
const story = (over: Partial<Record<'types' | 'audience' | 'verticals' | 'segments' | 'status' | 'lastReviewed' | 'extra', string>> = {}, body = 'Pays back at <Figure name="paybackMonth" />, per <Cite source="survey" />.\n') => `---
title: Alpha story
summary: A story for alpha owners.
types: ${over.types ?? '[alpha]'}
audience: ${over.audience ?? 'owner'}
verticals: ${over.verticals ?? '[health]'}
segments: ${over.segments ?? '[smb]'}
keyMessages:
  - First message.
status: ${over.status ?? 'published'}
owner: Marketing
lastReviewed: ${over.lastReviewed ?? '2026-11-01'}${over.extra ? `\n${over.extra}` : ''}
sources:
  - id: survey
    title: A survey
    url: https://example.com/survey
    reliability: secondary
---

${body}`;

const TODAY = new Date('2026-11-27T00:00:00Z');
const check = (files: Record<string, string>) => {
  const root = fixtureCopy(Object.fromEntries(Object.entries(files).map(([f, t]) => [f, () => t])));
  const result = loadData(root, { today: TODAY });
  return { ...result, lines: result.diagnostics.map(formatDiagnostic) };
};

interface Broken {
  name: string;
  file?: string;
  text: string;
  at: string;
  field: string;
  says: RegExp;
}

// Each case breaks a story the way a marketer might, and pins file, line, column, field and words.
const broken: Broken[] = [
  { name: 'unknown figure name', text: story({}, 'Pays back at <Figure name="paybak" />.\n'), at: `${STORY}:20:22`, field: 'Figure.name', says: /figure `paybak` does not exist; did you mean `paybackMonth`\?/ },
  { name: 'misspelt component', text: story({}, 'Text.\n\n<Figur name="npv" />\n'), at: `${STORY}:22:1`, field: 'Figur', says: /unknown component `<Figur>`; did you mean `<Figure>`\?/ },
  { name: 'unknown prop on a component', text: story({}, '<Callout kind="tip" titel="x">Hi</Callout>\n'), at: `${STORY}:20:21`, field: 'Callout.titel', says: /unknown prop `titel`.*did you mean `title`\?/ },
  { name: 'missing required prop', text: story({}, '<Figure />\n'), at: `${STORY}:20:1`, field: 'Figure.name', says: /`<Figure>` needs a `name` prop/ },
  { name: 'citation of a source the story does not list', text: story({}, 'As shown<Cite source="surveys" />.\n'), at: `${STORY}:20:15`, field: 'Cite.source', says: /source `surveys` does not exist; did you mean `survey`\?/ },
  { name: 'dangling type reference', text: story({ types: '[alpha, gamma]' }), at: `${STORY}:4:16`, field: 'types[1]', says: /partner type `gamma` does not exist/ },
  { name: 'misspelt type with did-you-mean', text: story({ types: '[alpah]' }), at: `${STORY}:4:9`, field: 'types[0]', says: /partner type `alpah` does not exist; did you mean `alpha`\?/ },
  { name: 'dangling vertical', text: story({ verticals: '[healt]' }), at: `${STORY}:6:13`, field: 'verticals[0]', says: /vertical `healt` does not exist; did you mean `health`\?/ },
  { name: 'dangling segment', text: story({ segments: '[enterprise]' }), at: `${STORY}:7:12`, field: 'segments[0]', says: /segment `enterprise` does not exist/ },
  { name: 'bad date', text: story({ lastReviewed: 'last tuesday' }), at: `${STORY}:12:15`, field: 'lastReviewed', says: /expected a date, found "last tuesday"/ },
  { name: 'unknown audience', text: story({ audience: 'ceo' }), at: `${STORY}:5:11`, field: 'audience', says: /not one of the allowed values.*"owner", "cfo"/ },
  { name: 'unknown status', text: story({ status: 'live' }), at: `${STORY}:10:9`, field: 'status', says: /"draft", "published".*found "live"/ },
  { name: 'misspelt frontmatter key', text: story({ extra: 'sumary: x' }), at: `${STORY}:13:1`, field: 'sumary', says: /unknown field `sumary`; did you mean `summary`\?/ },
  { name: 'file name that cannot be an address', file: 'content/stories/Alpha Story.mdx', text: story(), at: 'content/stories/Alpha Story.mdx:2:1', field: '', says: /file name `Alpha Story` becomes the story's address/ },
  { name: 'misspelt component in a partial', file: 'content/stories/_bits.mdx', text: 'Some text <Qoute by="x">y</Qoute>\n', at: 'content/stories/_bits.mdx:1:11', field: 'Qoute', says: /unknown component `<Qoute>`; did you mean `<Quote>`\?/ },
  { name: 'component tag in a playbook narrative', file: 'content/playbooks/alpha.mdx', text: '---\ntype: alpha\nowner: Marketing\nlastReviewed: 2026-11-01\n---\n\n<Figure name="margin" />\n', at: 'content/playbooks/alpha.mdx:7:9', field: 'Figure.name', says: /figure `margin` does not exist/ },
];

describe('story frontmatter and body validation', () => {
  it('accepts the minimal project with a valid story, its partial and a draft', () => {
    const { dataset, lines } = check({
      [STORY]: story({}, "import Bits from './_bits.mdx';\n\n<Bits />\n\n" + 'Pays back at <Figure name="paybackMonth" />.\n'),
      'content/stories/_bits.mdx': 'A partial with no frontmatter and a <Callout>box</Callout>.\n',
      'content/stories/alpha-draft.mdx': story({ status: 'draft' }),
    });
    expect(lines).toEqual([]);
    expect(dataset).toBeDefined();
  });

  it.each(broken)('$name', (c) => {
    const { dataset, diagnostics } = check({ [c.file ?? STORY]: c.text });
    expect(dataset, 'an invalid project yields no dataset').toBeUndefined();
    const lines = diagnostics.map(formatDiagnostic);
    const hit = lines.find((l) => c.says.test(l));
    expect(hit, `no message matching ${c.says}; got:\n${lines.join('\n')}`).toBeDefined();
    expect(hit).toContain(`error ${c.at} `);
    if (c.field) expect(hit).toContain(`field \`${c.field}\``);
  });

  it('warns, without failing, about content reviewed longer ago than staleAfterDays', () => {
    const { dataset, diagnostics } = check({ [STORY]: story({ lastReviewed: '2026-01-02' }) });
    expect(dataset).toBeDefined();
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      `warning ${STORY}:12:15 field \`lastReviewed\`: last reviewed 329 days ago; check the content is still true and update the date (expected a review within 180 days (package.json \`partnerkit.staleAfterDays\`), found 2026-01-02)`,
    ]);
    expect(loadData(fixtureCopy({ [STORY]: () => story({ lastReviewed: '2026-01-02' }) }), { today: TODAY, staleAfterDays: 400 }).diagnostics).toEqual([]);
  });

  it('a key message in recruiter words is refused with where it belongs; speaker notes take it', () => {
    const recruiter = story().replace('  - First message.', '  - First message.\n  - Every figure comes from the calculator; see the playbook.');
    const { lines } = check({ [STORY]: recruiter });
    expect(lines.join('\n')).toMatch(/alpha-owner\.mdx:10:5 field `keyMessages\[1\]`: .*read by the partner on the deck's story slide.*"calculator".*`speakerNotes`/);
    const moved = story().replace('status:', 'speakerNotes:\n  - Every figure comes from the calculator; see the playbook.\nstatus:');
    expect(check({ [STORY]: moved }).lines).toEqual([]);
  });

  it('reads the stale age from package.json', () => {
    const root = fixtureCopy({ [STORY]: () => story({ lastReviewed: '2026-11-01' }), 'package.json': () => JSON.stringify({ partnerkit: { staleAfterDays: 10 } }) });
    const [warning] = loadData(root, { today: TODAY }).diagnostics;
    expect(warning?.severity).toBe('warning');
    expect(formatDiagnostic(warning!)).toContain('within 10 days');
  });

  it('the schema has a description on every field and rejects more than five key messages', () => {
    for (const [key, field] of Object.entries(StoryFrontmatter.shape)) expect(field.description, key).toBeTruthy();
    const data = { title: 't', summary: 's', types: ['a'], audience: 'owner', keyMessages: ['1', '2', '3', '4', '5', '6'], status: 'published', owner: 'o', lastReviewed: '2026-01-01' };
    expect(StoryFrontmatter.safeParse(data).success).toBe(false);
    expect(StoryFrontmatter.safeParse({ ...data, keyMessages: ['1'] }).data?.verticals).toEqual([]);
  });
});

describe('the content rules on the parsed MDX', () => {
  const body = (text: string, sourceIds: string[] = []) =>
    checkContentBody('content/stories/x.mdx', text, { sourceIds }).map((f) => `${f.line}:${f.column} ${f.message}`);

  it('ignore code, inline code and comments, follow imports of partials, keep positions', () => {
    const text = [
      '---',
      'title: <Nope />',
      '---',
      "import A from './_a.mdx';",
      '',
      'Text `<Inline />` and {/* <Comment /> */} and <Figure name="npv" /> <A />.',
      '```mdx',
      '<Fenced name="x" />',
      '```',
      '<Quote',
      '  by="Someone"',
      '  sourc={"s"}>words</Quote>',
    ].join('\n');
    expect(body(text)).toEqual(['4:1 the partial `./_a.mdx` does not exist', '12:3 unknown prop `sourc` on `<Quote>`; did you mean `source`?']);
  });

  it('take literal props in braces, and refuse any other expression as a prop', () => {
    expect(body('<Figure name={"npv"} />\n')).toEqual([]);
    expect(body('<Figure name={name} />\n')).toEqual(['1:9 `name={name}` on `<Figure>` is JavaScript, which content may not run']);
  });
});

const entry = (id: string, data: Partial<StoryEntryLike['data']>): StoryEntryLike => ({
  id,
  data: { title: id, summary: '', types: ['reseller'], audience: 'owner', verticals: [], segments: [], keyMessages: [`${id} message`], status: 'published', ...data },
});

describe('storyMessagesFor (stories feed the decks)', () => {
  const stories = [
    entry('b-owner', {}),
    entry('a-owner', {}),
    entry('cfo', { audience: 'cfo' }),
    entry('cfo-health', { audience: 'cfo', verticals: ['healthcare'] }),
    entry('cfo-draft', { audience: 'cfo', status: 'draft', types: ['msp'] }),
    entry('also-reseller', { audience: 'technical-lead', types: ['msp', 'reseller'] }),
  ];

  it('picks the published story for the type and audience, first type and general vertical first, then by id', () => {
    expect(storyMessagesFor(stories, 'reseller', 'owner')).toMatchObject({ id: 'a-owner', keyMessages: ['a-owner message'], matched: 'audience' });
    expect(storyMessagesFor(stories, 'reseller', 'cfo')?.id).toBe('cfo');
    expect(storyMessagesFor(stories, 'reseller', 'cfo', { vertical: 'healthcare' })?.id).toBe('cfo-health');
    expect(storyMessagesFor(stories, 'reseller', 'technical-lead')?.id).toBe('also-reseller');
  });

  it('falls back to the type\'s best story for another audience, and never uses drafts unless asked', () => {
    expect(storyMessagesFor(stories, 'reseller', 'marketing-lead')).toMatchObject({ id: 'a-owner', matched: 'type' });
    expect(storyMessagesFor(stories, 'msp', 'cfo')).toMatchObject({ id: 'also-reseller', matched: 'type' });
    expect(storyMessagesFor(stories, 'msp', 'cfo', { includeDrafts: true })?.id).toBe('cfo-draft');
    expect(storyMessagesFor(stories, 'nobody')).toBeUndefined();
  });

  it('returns a copy of the messages', () => {
    const got = storyMessagesFor(stories, 'reseller', 'owner')!;
    got.keyMessages.push('x');
    expect(stories[1]!.data.keyMessages).toEqual(['a-owner message']);
  });
});

describe('facets', () => {
  it('a story for no vertical carries every vertical; a playbook every audience and its type\'s roles', () => {
    const d = fixtureDataset;
    expect(storyFacets(d, { types: ['reseller'], audience: 'cfo', verticals: [] }).vertical).toEqual(d.verticals.map((v) => v.id));
    expect(storyFacets(d, { types: ['reseller'], audience: 'cfo', verticals: ['retail'] }).vertical).toEqual(['retail']);
    const p = playbookFacets(d, 'reseller');
    expect(p.audience).toEqual([...AUDIENCES]);
    expect(p.role).toEqual(d.partnerTypes.find((t) => t.id === 'reseller')!.journeyRoles);
    expect(storyCaseInputs({ types: ['a', 'b'], verticals: ['v'], segments: [] })).toEqual({ type: 'a', vertical: 'v', segment: undefined });
  });
});

describe('components offered to MDX', () => {
  it('the pages provide exactly the components the validator accepts', () => {
    const index = readFileSync(join(ROOT, 'src', 'components', 'story', 'StoryContent.astro'), 'utf8');
    const provided = /const components = \{([^}]*)\}/.exec(index)![1]!.split(',').map((s) => s.trim()).filter(Boolean);
    expect(provided.sort()).toEqual([...STORY_COMPONENT_NAMES].sort());
    expect(FIGURE_NAMES).toContain('paybackMonth');
  });

  it('isStale counts whole days', () => {
    expect(isStale(new Date('2026-01-01'), new Date('2026-06-30'), 180)).toBe(false);
    expect(isStale(new Date('2026-01-01'), new Date('2026-07-01'), 180)).toBe(true);
  });
});

it('the minimal fixture itself has no content (so other tests stay independent of it)', () => {
  expect(loadData(MINIMAL).diagnostics).toEqual([]);
});
