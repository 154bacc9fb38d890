import { formatDiagnostic } from '../../core/diagnostics.ts';
import { loadData } from '../../node/load-data.ts';
import { projectRoot } from '../../node/project-root.ts';

export function runValidate(args: string[]): number {
  const root = args.find((a) => !a.startsWith('-')) ?? projectRoot();
  let diagnostics;
  try {
    ({ diagnostics } = loadData(root, { checkCases: true }));
  } catch (e) {
    // Every file problem is a message; reaching here is a fault in Partnerkit itself.
    process.stderr.write(
      `partnerkit validate stopped on an unexpected problem: ${e instanceof Error ? e.message : String(e)}\nPlease report it with the file that caused it.\n`,
    );
    return 2;
  }
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
