import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DeckPool, deckWorkerCount } from '../../node/deck-pool.ts';
import { loadDeckSources } from '../../node/deck-sources.ts';
import { projectRoot } from '../../node/project-root.ts';
import { writeFileAtomic } from '../../node/write-deck.ts';

export const DECKS_USAGE = `Usage: partnerkit decks --out <dir> [--force]

Writes the ready deck of every partner type (its own defaults, a generic prospect) as
<dir>/<type>.pptx, the same decks the site offers on its downloads page, rendered the same way
(on worker threads; byte for byte the same when SOURCE_DATE_EPOCH is set).

Options:
  --out <dir>   folder to write into (created if missing)
  --force       overwrite decks that already exist (otherwise nothing is written)
`;

/**
 * mkdir -p, one level at a time: Node's recursive mkdir never returns for some impossible paths
 * (a folder under /proc), where a plain mkdir fails at once with a reason.
 */
function makeFolder(dir: string) {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) makeFolder(parent);
  mkdirSync(dir);
}

/** What is wrong with a folder, in words (not a stack trace). */
function folderProblem(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOTDIR':
      return 'a file is in the way (part of the path is not a folder)';
    case 'EEXIST':
      return 'a file with that name is in the way';
    case 'ENOENT':
      return 'the folder cannot be created there';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return err.message ?? String(e);
  }
}

export async function runDecks(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    process.stderr.write(`partnerkit decks: ${(e as Error).message}\n\n${DECKS_USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(DECKS_USAGE);
    return 0;
  }
  if (!values.out) {
    process.stderr.write(`partnerkit decks: --out <dir> is required\n\n${DECKS_USAGE}`);
    return 2;
  }
  const dir = resolve(values.out);
  let src;
  try {
    src = loadDeckSources(projectRoot());
  } catch (e) {
    process.stderr.write(`partnerkit decks: ${(e as Error).message}\n`);
    return 1;
  }
  const types = src.dataset.partnerTypes;
  const targets = types.map((t) => join(dir, `${t.id}.pptx`));
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    process.stderr.write(
      `partnerkit decks: cannot write to ${values.out}: it is a file, not a folder\n`,
    );
    return 1;
  }
  const existing = targets.filter((p) => existsSync(p));
  if (existing.length && !values.force) {
    process.stderr.write(
      `partnerkit decks: ${existing.length} deck${existing.length === 1 ? '' : 's'} already exist (${existing.map((p) => relative(process.cwd(), p)).join(', ')}): pass --force to overwrite\n`,
    );
    return 2;
  }
  const started = performance.now();
  const tty = process.stderr.isTTY;
  let total = 0;
  // The build's deck workers, one per core: the same bytes as the site's dist/decks/ (and
  // SOURCE_DATE_EPOCH is honoured the same way). They write into a hidden folder beside the
  // targets; each deck then moves in whole, in order, as its progress line is printed.
  let staging: string;
  try {
    makeFolder(dir);
    staging = mkdtempSync(join(dir, '.partnerkit-decks-'));
  } catch (e) {
    process.stderr.write(`partnerkit decks: cannot write to ${values.out}: ${folderProblem(e)}\n`);
    return 1;
  }
  const pool = new DeckPool(
    src,
    types.map((t) => t.id),
    staging,
    deckWorkerCount(true),
  );
  try {
    for (const [i, t] of types.entries()) {
      const d = await pool.deck(t.id);
      writeFileAtomic(targets[i]!, readFileSync(d.file), { force: values.force });
      total += d.bytes;
      const line = `[${i + 1}/${types.length}] ${t.id}.pptx  ${d.slides} slides  ${Math.round(d.bytes / 1024)} KB  ${Math.round(d.ms)} ms`;
      process.stderr.write(
        tty ? `\r\x1b[K${line}${i === types.length - 1 ? '\n' : ''}` : `${line}\n`,
      );
    }
  } catch (e) {
    process.stderr.write(`${tty ? '\n' : ''}partnerkit decks: ${(e as Error).message}\n`);
    return 1;
  } finally {
    await pool.close();
    rmSync(staging, { recursive: true, force: true });
  }
  process.stdout.write(
    `wrote ${types.length} decks to ${relative(process.cwd(), dir) || '.'} (${Math.round(total / 1024)} KB) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return 0;
}
