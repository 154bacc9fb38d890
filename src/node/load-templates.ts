// Node-only reader for `templates/`: the deck theme and slide sequences, validated with the
// core schemas and placed at file, line and column like everything in data/.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.ts';
import { imageSize, sequenceFor, type DeckTemplates } from '../core/deck/templates.ts';
import { nonResellerProblems } from '../core/deck/resale-talk.ts';
import type { PartnerType } from '../core/schema/partner-type.ts';
import { Sequence, Theme } from '../core/schema/template.ts';
import { sourceFilesIn } from './source-files.ts';
import { loadYamlFile, place } from './yaml-source.ts';

export interface TemplatesResult {
  /** Present only when every template file is valid. */
  templates?: DeckTemplates;
  diagnostics: Diagnostic[];
}

const MAX_LOGO_BYTES = 512 * 1024;

export const templatesDir = (root: string) => join(root, 'templates');

/**
 * Read and validate `templates/theme.yaml`, its logo and `templates/sequences/*.yaml`.
 * With partner types, also check that every type gets a deck.
 */
export function loadTemplates(
  root: string,
  partnerTypes: readonly PartnerType[] = [],
): TemplatesResult {
  const diagnostics: Diagnostic[] = [];
  const dir = templatesDir(root);
  const themePath = join(dir, 'theme.yaml');
  const at = (path: string) => relative(root, path) || path;
  if (!existsSync(themePath)) {
    diagnostics.push({
      file: at(themePath),
      line: 1,
      column: 1,
      path: [],
      severity: 'error',
      message: 'file is missing',
      expected: 'the deck theme (colours, fonts, logo, footer)',
    });
    return { diagnostics };
  }
  const theme = loadYamlFile(root, themePath, Theme, diagnostics);
  let logo: DeckTemplates['logo'] | undefined;
  if (theme.value) {
    const logoPath = join(dir, theme.value.logo.file);
    const problem = (message: string, expected: string) =>
      diagnostics.push(
        place(theme.parsed, {
          path: ['logo', 'file'],
          message,
          expected,
          found: JSON.stringify(theme.value!.logo.file),
        }),
      );
    const real = existsSync(logoPath) ? realpathSync(logoPath) : undefined;
    const realDir = realpathSync(dir);
    if (!real || !statSync(real).isFile())
      problem('logo file does not exist', `a PNG or JPEG file in ${at(dir)}/`);
    else if (!real.startsWith(realDir + sep))
      problem('logo file is outside the templates folder', `a PNG or JPEG file in ${at(dir)}/`);
    else if (statSync(real).size > MAX_LOGO_BYTES)
      problem(
        `logo is ${Math.round(statSync(real).size / 1024)} KB`,
        'at most 512 KB (it is embedded in every deck)',
      );
    else {
      const bytes = readFileSync(real);
      const size = imageSize(bytes);
      if (!size) problem('logo is not a PNG or JPEG image', 'a PNG or JPEG file');
      else
        logo = {
          dataUrl: `data:image/${size.type};base64,${bytes.toString('base64')}`,
          widthPx: size.width,
          heightPx: size.height,
        };
    }
  }

  const seqDir = join(dir, 'sequences');
  const seqFiles = sourceFilesIn(
    root,
    seqDir,
    { extensions: ['.yaml', '.yml'], what: 'slide sequence', skipPartials: true },
    diagnostics,
  ).map((p) => basename(p));
  if (!seqFiles.length && !diagnostics.some((d) => d.file.startsWith(at(seqDir))))
    diagnostics.push({
      file: at(seqDir),
      line: 1,
      column: 1,
      path: [],
      severity: 'error',
      message: 'no slide sequences found',
      expected: 'one .yaml file per audience, e.g. transact.yaml and influence.yaml',
    });
  const sequences: Sequence[] = [];
  const parsedOf = new Map<Sequence, Parameters<typeof place>[0]>();
  for (const name of seqFiles) {
    const path = join(seqDir, name);
    const loaded = loadYamlFile(root, path, Sequence, diagnostics);
    if (!loaded.value) continue;
    const stem = basename(name).replace(/\.ya?ml$/, '');
    if (loaded.value.id !== stem)
      diagnostics.push(
        place(loaded.parsed, {
          path: ['id'],
          message: 'id must match the file name',
          expected: JSON.stringify(stem),
          found: JSON.stringify(loaded.value.id),
        }),
      );
    else {
      sequences.push(loaded.value);
      parsedOf.set(loaded.value, loaded.parsed);
    }
  }
  if (sequences.length === seqFiles.length && sequences.length) {
    for (const t of partnerTypes) {
      const seq = sequenceFor(sequences, t);
      // The non-reseller rule, for the sequence each such type actually gets.
      if (seq && !t.transacts)
        for (const p of nonResellerProblems(seq, t))
          diagnostics.push(
            place(parsedOf.get(seq)!, {
              path: p.path,
              message: p.message,
              expected: 'no discount, rebate or MDF for partners who do not resell',
              found: JSON.stringify(p.found),
            }),
          );
      if (!seq)
        diagnostics.push({
          file: at(seqDir),
          line: 1,
          column: 1,
          path: [],
          severity: 'error',
          message: `no slide sequence applies to partner type \`${t.id}\``,
          expected: 'a sequence whose `appliesTo` matches it (or one with `appliesTo: {}`)',
        });
    }
  }
  if (diagnostics.some((d) => d.severity === 'error') || !theme.value || !logo)
    return { diagnostics };
  return { templates: { theme: theme.value, logo, sequences }, diagnostics };
}
