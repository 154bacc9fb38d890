import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CaseRequestError } from '../../core/business-case/request.ts';
import { DeckInputError } from '../../core/deck/build-deck.ts';
import { sanitizeLine } from '../../core/deck/sanitize.ts';
import { ASSUMPTION_KEYS } from '../../core/assumption-registry.ts';
import { AUDIENCES } from '../../core/schema/content.ts';
import { loadDeckSources } from '../../node/deck-sources.ts';
import { renderDeck } from '../../node/decks.ts';
import { projectRoot } from '../../node/project-root.ts';
import { FileExistsError, writeFileAtomic } from '../../node/write-deck.ts';
import { CASE_OPTIONS, requestFromOptions } from '../case-options.ts';

export const DECK_USAGE = `Usage: partnerkit deck --type <id> --prospect "<name>" --out <file.pptx> [options]

Writes a recruiting deck tailored to one prospect: its partner type (or mix), its market and
its numbers. The business case is the same one \`partnerkit case\` and the calculator compute.

Options:
  --type <id>            partner type (id, alias or initials, e.g. msp)
  --mix a=0.6,b=0.4      a mix of partner types instead of --type
  --vertical <id>        customer vertical
  --segment <id>         customer size segment
  --product <id>         the vendor's product (default: the type's first fitting product)
  --set key=value        override an assumption (repeatable; 10% = 0.1). Keys:
                         ${ASSUMPTION_KEYS.join(', ')
                           .replace(/(.{1,70})(, |$)/g, '$1,\n                         ')
                           .replace(/,\n\s*$/, '')}
  --audience <who>       who the deck is for, picks the recruiting story the story slide tells:
                         ${AUDIENCES.join(', ')}
  --prospect "<name>"    the prospect's company name (required)
  --contact "<name>"     who the deck is prepared for, e.g. "Dana Levi, CEO"
  --region "<region>"    the prospect's region
  --out <file.pptx>      where to write the deck (required)
  --force                overwrite --out if it exists
`;

const fail = (message: string, usage = false) => {
  process.stderr.write(`partnerkit deck: ${message}\n${usage ? `\n${DECK_USAGE}` : ''}`);
  return 2;
};

export async function runDeck(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        ...CASE_OPTIONS,
        audience: { type: 'string' },
        prospect: { type: 'string' },
        contact: { type: 'string' },
        region: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    return fail((e as Error).message, true);
  }
  if (values.help) {
    process.stdout.write(DECK_USAGE);
    return 0;
  }
  if (!values.type && !values.mix)
    return fail('name a partner type with --type <id> or a mix with --mix a=0.6,b=0.4', true);
  if (values.type && values.mix) return fail('use --type or --mix, not both');
  if (values.prospect === undefined) return fail('--prospect "<company name>" is required', true);
  if (!sanitizeLine(values.prospect))
    return fail(
      `--prospect must name the company: ${JSON.stringify(values.prospect)} has no visible characters once control, bidirectional and zero-width characters are removed`,
    );
  if (!values.out) return fail('--out <file.pptx> is required', true);
  const audience =
    values.audience === undefined ? undefined : AUDIENCES.find((a) => a === values.audience);
  if (values.audience !== undefined && !audience)
    return fail(
      `--audience must be one of ${AUDIENCES.join(', ')} (got ${JSON.stringify(values.audience)})`,
    );
  if (!/\.pptx$/i.test(values.out))
    return fail(`--out must end in .pptx (got ${JSON.stringify(values.out)})`);

  const { request, problems } = requestFromOptions(values);
  if (problems.length) return fail(problems.join('\n'));

  const out = resolve(values.out);
  try {
    const src = loadDeckSources(projectRoot());
    const started = performance.now();
    const { deck, bytes } = await renderDeck(
      src,
      request,
      { company: values.prospect, contact: values.contact, region: values.region },
      audience,
    );
    writeFileAtomic(out, bytes, { force: values.force });
    process.stdout.write(
      `wrote ${values.out}: ${deck.slides.length} slides (${deck.meta.sequence} sequence), ${Math.round(bytes.length / 1024)} KB in ${Math.round(performance.now() - started)} ms\n`,
    );
    process.stdout.write(
      `  NPV ${deck.figures.npv}, payback ${deck.figures.payback.toLowerCase()}, gross profit ${deck.figures.grossProfit}\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof FileExistsError) return fail(e.message);
    if (e instanceof CaseRequestError || e instanceof DeckInputError) return fail(e.message);
    process.stderr.write(`partnerkit deck: ${(e as Error).message}\n`);
    return 1;
  }
}
