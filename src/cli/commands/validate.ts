import { formatDiagnostic } from '../../core/diagnostics.ts';
import { loadData } from '../../node/load-data.ts';
import { projectRoot } from '../../node/project-root.ts';

export function runValidate(args: string[]): number {
  const root = args.find((a) => !a.startsWith('-')) ?? projectRoot();
  const { diagnostics } = loadData(root);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  if (errors.length) {
    process.stderr.write(
      `\n${errors.length} error${errors.length === 1 ? '' : 's'}: fix ${errors.length === 1 ? 'it' : 'them'} and run \`npx partnerkit validate\` again.\n`,
    );
    return 1;
  }
  process.stdout.write(
    `data and content are valid${diagnostics.length ? ` (${diagnostics.length} warning${diagnostics.length === 1 ? '' : 's'})` : ''}\n`,
  );
  return 0;
}
