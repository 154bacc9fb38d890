// templates/ is data a marketer edits: `partnerkit validate` checks it with file:line messages.
import { cpSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/core/diagnostics.ts';
import { loadData } from '../../../src/node/load-data.ts';
import { fixtureCopy } from '../../helpers/fixture.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** The minimal fixture plus a copy of the shipped templates, edited by `change`. */
function withTemplates(change: (dir: string) => void = () => {}) {
  const dir = fixtureCopy();
  cpSync(join(ROOT, 'templates'), join(dir, 'templates'), { recursive: true });
  change(join(dir, 'templates'));
  return dir;
}
const edit = (file: string, from: string, to: string) => {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  writeFileSync(file, text.replace(from, to));
};
const messages = (dir: string) => loadData(dir).diagnostics.map(formatDiagnostic);

describe('templates validation', () => {
  it('the shipped templates are valid with the minimal fixture', () => {
    const dir = withTemplates();
    expect(messages(dir)).toEqual([]);
    expect(loadData(dir).dataset).toBeDefined();
  });

  it('a misspelt key names the file, line and the key it meant', () => {
    const dir = withTemplates((t) => edit(join(t, 'theme.yaml'), 'footer:', 'fotter:'));
    const out = messages(dir);
    expect(
      out.some((m) =>
        /^error templates\/theme\.yaml:\d+:1 field `fotter`: unknown field `fotter`; did you mean `footer`\?/.test(
          m,
        ),
      ),
    ).toBe(true);
    expect(loadData(dir).dataset).toBeUndefined();
  });

  it('a colour name is refused (it breaks PowerPoint charts)', () => {
    const dir = withTemplates((t) =>
      edit(join(t, 'theme.yaml'), 'primary: "#0B4F8A"', 'primary: navy'),
    );
    const out = messages(dir).join('\n');
    expect(out).toMatch(
      /templates\/theme\.yaml:\d+:\d+ field `colours\.primary`: .*six-digit hex colour/,
    );
  });

  it('an influence deck must lead with earnings and may not show discounts, rebates or MDF', () => {
    const dir = withTemplates((t) => {
      const f = join(t, 'sequences', 'influence.yaml');
      edit(f, '  - kind: earnings\n', '');
      edit(f, 'benefits: [referralFee,', 'benefits: [discount, referralFee,');
    });
    const out = messages(dir).join('\n');
    expect(out).toMatch(
      /templates\/sequences\/influence\.yaml:\d+:\d+ field `slides\[1\]\.kind`: .*leads with `earnings`/,
    );
    expect(out).toMatch(
      /influence\.yaml:\d+:\d+ field `slides\[\d+\]\.benefits`: .*discount, rebate and MDF put off partners who do not resell/,
    );
  });

  it('a missing logo, a renamed sequence and a type no sequence serves are each reported', () => {
    const dir = withTemplates((t) => {
      rmSync(join(t, 'logo.png'));
      edit(join(t, 'sequences', 'retain.yaml'), 'id: retain', 'id: recurring');
      rmSync(join(t, 'sequences', 'transact.yaml'));
    });
    const out = messages(dir).join('\n');
    expect(out).toMatch(
      /templates\/theme\.yaml:\d+:\d+ field `logo\.file`: logo file does not exist/,
    );
    expect(out).toMatch(/retain\.yaml:\d+:\d+ field `id`: id must match the file name/);
  });

  it('a partner type that no sequence applies to is an error', () => {
    const dir = withTemplates((t) => {
      rmSync(join(t, 'sequences', 'transact.yaml'));
      rmSync(join(t, 'sequences', 'retain.yaml'));
    });
    const out = messages(dir).join('\n');
    expect(out).toMatch(/no slide sequence applies to partner type `alpha`/);
  });

  it('a logo that is not an image is refused', () => {
    const dir = withTemplates((t) => writeFileSync(join(t, 'logo.png'), '<svg/>'));
    expect(messages(dir).join('\n')).toMatch(/logo is not a PNG or JPEG image/);
  });

  it('a sequence that would show a non-reselling type discounts is refused, however it is keyed', () => {
    // Beta stops reselling; a sequence keyed on journey roles (not `transacts: false`) wins for it
    // (ties go to the first id) with resale columns and no earnings slide.
    const dir = withTemplates((t) => {
      writeFileSync(
        join(t, 'sequences', 'advisors.yaml'),
        [
          'id: advisors',
          'name: Advisors',
          'appliesTo:',
          '  journeyRoles: [influence]',
          'slides:',
          '  - kind: title',
          '  - kind: tiers',
          '    benefits: [discount, rebate, mdfRate, coSell]',
          '    title: Bigger discounts at every tier',
          '  - kind: sources',
          '',
        ].join('\n'),
      );
    });
    const beta = join(dir, 'data', 'partner-types', 'beta.yaml');
    edit(beta, 'journeyRoles: [transact]', 'journeyRoles: [influence]');
    edit(beta, 'transacts: true', 'transacts: false');
    const out = messages(dir).join('\n');
    expect(out).toMatch(
      /templates\/sequences\/advisors\.yaml:\d+:\d+ field `slides\[1\]\.kind`: .*applies to partner type `beta`.*leads with `earnings`/,
    );
    expect(out).toMatch(
      /advisors\.yaml:\d+:\d+ field `slides\[1\]\.benefits`: .*`beta`.*leave discount, rebate, mdfRate out/,
    );
    expect(out).toMatch(
      /advisors\.yaml:\d+:\d+ field `slides\[1\]\.title`: .*may not talk of discounts/,
    );
    // The same sequence is fine while every type it applies to resells.
    const reselling = withTemplates((t) =>
      cpSync(
        join(dir, 'templates', 'sequences', 'advisors.yaml'),
        join(t, 'sequences', 'advisors.yaml'),
      ),
    );
    expect(messages(reselling).join('\n')).not.toMatch(/advisors\.yaml/);
  });

  it('a logo path that leaves templates/ is refused, by name or through a link', () => {
    const dotdot = withTemplates((t) =>
      edit(join(t, 'theme.yaml'), 'file: logo.png', 'file: ../../../etc/logo.png'),
    );
    expect(messages(dotdot).join('\n')).toMatch(
      /theme\.yaml:\d+:\d+ field `logo\.file`: .*inside templates\/.*no "\.\."/,
    );
    const linked = withTemplates((t) => {
      writeFileSync(join(t, '..', 'outside.png'), readFileSync(join(t, 'logo.png')));
      symlinkSync(join(t, '..', 'outside.png'), join(t, 'brand.png'));
      edit(join(t, 'theme.yaml'), 'file: logo.png', 'file: brand.png');
    });
    expect(messages(linked).join('\n')).toMatch(/logo file is outside the templates folder/);
  });
});
