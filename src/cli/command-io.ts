// What every data command does before its own work: read its flags (a bad flag or --help prints
// the usage) and load data/ (invalid data prints the kit's messages and exits 1).
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { Dataset } from '../core/dataset.ts';
import { formatDiagnostic } from '../core/diagnostics.ts';
import { loadData } from '../node/load-data.ts';
import { projectRoot } from '../node/project-root.ts';

/**
 * The command's flags, or the exit status when it is done already: 2 after a bad flag (with the
 * usage on stderr), 0 after --help (the usage on stdout). Every command gets `--help`/`-h`.
 */
type Flags<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; strict: true; options: O }>
>['values'];

export function commandFlags<O extends ParseArgsOptionsConfig>(
  command: string,
  usage: string,
  args: string[],
  options: O,
): Flags<O> | number {
  const help = { type: 'boolean', short: 'h', default: false } as const;
  let values: Flags<O> & { help?: boolean };
  try {
    values = parseArgs({ args, strict: true, options: { ...options, help } }).values;
  } catch (e) {
    process.stderr.write(`partnerkit ${command}: ${(e as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  return values;
}

/** The validated dataset from data/, or undefined after printing why it is not valid. */
export function validDataset(then = ''): Dataset | undefined {
  const { dataset, diagnostics } = loadData(projectRoot());
  if (dataset) return dataset;
  for (const d of diagnostics.filter((x) => x.severity === 'error'))
    process.stderr.write(`${formatDiagnostic(d)}\n`);
  process.stderr.write(
    `\nThe data in data/ is not valid: fix it (npx partnerkit validate)${then}.\n`,
  );
  return undefined;
}
