// templates/ as shipped is valid with the shipped data (the unit tests check it against the
// minimal fixture, and its validation message by message).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.ts';
import { loadData } from '../../src/node/load-data.ts';
import { loadTemplates } from '../../src/node/load-templates.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the shipped templates', () => {
  it('are valid with the shipped data', () => {
    const { dataset } = loadData(ROOT);
    expect(loadTemplates(ROOT, dataset!.partnerTypes).diagnostics.map(formatDiagnostic)).toEqual(
      [],
    );
  });
});
