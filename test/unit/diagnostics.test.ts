// What a marketer reads when a data file is wrong: zod's issues turned into findings (field,
// what was expected, what was found, a hint for the usual slips) and one line per problem.
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import {
  closest,
  describeValue,
  findingsFromZod,
  formatDiagnostic,
  keysOf,
  schemaAt,
  type Diagnostic,
} from '../../src/core/diagnostics.ts';

const Schema = z.strictObject({
  name: z.string(),
  share: z.number().min(0).max(1),
  kind: z.enum(['resale', 'referral']),
  tags: z.array(z.strictObject({ id: z.string() })).optional(),
  rates: z.record(z.string(), z.strictObject({ value: z.number() })),
  when: z.string().pipe(z.string().min(1)).nullable(),
  nested: z
    .strictObject({ deep: z.strictObject({ leaf: z.number() }) })
    .default({ deep: { leaf: 1 } }),
});

const findings = (input: unknown) => {
  const r = Schema.safeParse(input);
  if (r.success) throw new Error('expected a refusal');
  return findingsFromZod(r.error, Schema, input);
};
const valid = { name: 'x', share: 0.5, kind: 'resale', rates: {}, when: null };

describe('findings from zod', () => {
  it('an unknown field names the field it meant, and the fields allowed there', () => {
    expect(findings({ ...valid, nmae: 'x' })).toContainEqual(
      expect.objectContaining({
        path: ['nmae'],
        atKey: true,
        message: 'unknown field `nmae`; did you mean `name`?',
        expected: expect.stringMatching(/^one of `name`, `share`, `kind`/),
      }),
    );
    // Nothing close: no guess.
    expect(findings({ ...valid, zzzzzzzz: 1 })[0]!.message).toBe('unknown field `zzzzzzzz`');
    // Inside a list item, a record value and an object behind a default.
    expect(findings({ ...valid, tags: [{ id: 'a', idd: 'b' }] })[0]).toMatchObject({
      path: ['tags', 0, 'idd'],
      message: 'unknown field `idd`; did you mean `id`?',
    });
    expect(findings({ ...valid, rates: { a: { value: 1, valeu: 2 } } })[0]).toMatchObject({
      path: ['rates', 'a', 'valeu'],
      message: 'unknown field `valeu`; did you mean `value`?',
    });
  });

  it('a missing field, a wrong kind of value, text read as a field because of its colon', () => {
    const { name: _, ...noName } = valid;
    expect(findings(noName)[0]).toMatchObject({
      message: 'required field is missing',
      expected: 'a string',
      found: 'nothing (the field is missing)',
    });
    expect(findings({ ...valid, name: ['a'] })[0]).toMatchObject({
      message: 'wrong kind of value',
      found: 'a list of 1',
    });
    expect(findings({ ...valid, name: { Margin: 'the real story' } })[0]!.message).toBe(
      '`Margin: the real story` reads as a field because of its `: `; put the whole text in quotes: "Margin: the real story"',
    );
    expect(findings({ ...valid, name: { Margin: null } })[0]!.message).toMatch(/^`Margin:` reads/);
    // Two fields, or a nested value, are not one slipped colon.
    expect(findings({ ...valid, name: { a: 1, b: 2 } })[0]!.message).toBe('wrong kind of value');
    expect(findings({ ...valid, name: { a: [1] } })[0]!.message).toBe('wrong kind of value');
    expect(findings({ ...valid, tags: 'x' })[0]).toMatchObject({ expected: 'a list' });
    expect(findings({ ...valid, rates: 3 })[0]).toMatchObject({ expected: 'a group of fields' });
  });

  it('a value outside the allowed ones, and a percentage where a fraction goes', () => {
    expect(findings({ ...valid, kind: 'resell' })[0]).toMatchObject({
      message: 'not one of the allowed values',
      expected: 'one of "resale", "referral"',
      found: '"resell"',
    });
    expect(findings({ ...valid, share: 35 })[0]!.message).toBe(
      '35 looks like a percentage: write 0.35',
    );
    // Above 100 is no percentage; below 0 is not either.
    expect(findings({ ...valid, share: 350 })[0]!.message).toBe('value not accepted');
    expect(findings({ ...valid, share: -1 })[0]!.message).toBe('value not accepted');
  });
});

describe('values, schemas and lines', () => {
  it('either of two forms (text, or a group of fields): the problem inside the form given, else both forms named', () => {
    const Steps = z.strictObject({
      steps: z.array(
        z.union([
          z.string(),
          z.strictObject({ step: z.string(), when: z.array(z.enum(['resale', 'referral'])) }),
        ]),
      ),
    });
    const of = (steps: unknown[]) => {
      const r = Steps.safeParse({ steps });
      if (r.success) throw new Error('expected a refusal');
      return findingsFromZod(r.error, Steps, { steps });
    };
    expect(of(['ok', { step: 'x', when: ['resell'] }])).toEqual([
      expect.objectContaining({
        path: ['steps', 1, 'when', 0],
        message: 'not one of the allowed values',
        found: '"resell"',
      }),
    ]);
    expect(of([{ step: 'x', wen: ['resale'] }])).toContainEqual(
      expect.objectContaining({
        path: ['steps', 0, 'wen'],
        message: 'unknown field `wen`; did you mean `when`?',
        expected: 'one of `step`, `when`',
      }),
    );
    expect(of([3])).toEqual([
      expect.objectContaining({
        path: ['steps', 0],
        message: 'wrong kind of value',
        expected: 'a string or a group of fields',
        found: '3',
      }),
    ]);
  });

  it('describes a value briefly', () => {
    expect(describeValue(undefined)).toBe('nothing (the field is missing)');
    expect(describeValue(null)).toBe('an empty value');
    expect(describeValue('x'.repeat(80))).toBe(JSON.stringify(`${'x'.repeat(57)}...`));
    expect(describeValue(true)).toBe('true');
    expect(describeValue(new Date('2026-11-01T10:00:00Z'))).toBe('2026-11-01');
    expect(describeValue({ a: 1 })).toBe('a group of fields');
  });

  it('walks a schema through lists, records, defaults and pipes, and nowhere else', () => {
    expect(keysOf(Schema, ['tags', 0])).toEqual(['id']);
    expect(keysOf(Schema, ['rates', 'any'])).toEqual(['value']);
    expect(keysOf(Schema, ['nested', 'deep'])).toEqual(['leaf']);
    expect(keysOf(Schema, ['name'])).toEqual([]);
    expect(schemaAt(Schema, ['name', 'x'])).toBeUndefined();
    expect(schemaAt(Schema, ['nope', 'x'])).toBeUndefined();
    expect(schemaAt(Schema, ['when'])).toBeDefined();
  });

  it('guesses only close words', () => {
    expect(closest('shre', ['share', 'name'])).toBe('share');
    expect(closest('completely-else', ['share', 'name'])).toBeUndefined();
    expect(closest('x', [])).toBeUndefined();
  });

  it('one line per problem: severity, place, field, message, expected and found', () => {
    const d: Diagnostic = {
      file: 'data/vendor.yaml',
      line: 3,
      column: 5,
      severity: 'warning',
      path: ['tiers', 0, 'name'],
      message: 'too long',
      expected: 'at most 40 characters',
      found: '"x"',
    };
    expect(formatDiagnostic(d)).toBe(
      'warning data/vendor.yaml:3:5 field `tiers[0].name`: too long (expected at most 40 characters, found "x")',
    );
    expect(
      formatDiagnostic({
        ...d,
        severity: 'error',
        path: [],
        expected: undefined,
        found: undefined,
      }),
    ).toBe('error data/vendor.yaml:3:5 too long');
  });
});
