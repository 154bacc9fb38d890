// `npm run build` (partnerkit build): validate, build the site beside the live one, and publish
// it only when it is complete. dist/ is never touched by a build that fails or is killed.
import { existsSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatDiagnostic } from '../../core/diagnostics.ts';
import { faultPoint, InjectedFault } from '../../node/fault-points.ts';
import { BUILD_WRAPPER_ENV } from '../../integrations/validate-data.ts';
import { caseDiagnosticsOffThread } from '../../node/case-diagnostics.ts';
import { dataPaths } from '../../node/load-data.ts';
import { caseDataPath } from '../../core/calculator-dataset.ts';
import { loadDataOnce } from '../../node/load-data-once.ts';
import { projectRoot } from '../../node/project-root.ts';
import { threadCpuMs } from '../../node/thread-cpu.ts';
import {
  acquireBuildLock,
  BuildLockedError,
  currentBuild,
  newBuildDir,
  publish,
  recoverDist,
  removeOldBuilds,
} from '../../node/site-publish.ts';

const KEPT = 'dist/ was not changed: it still holds the last good site.';

function say(text: string) {
  process.stderr.write(`${text}\n`);
}

/** What a complete build holds: pages, the search index, every type's deck, deck and calculator data. */
function missingParts(dir: string, typeIds: readonly string[]): string[] {
  const need = [
    'index.html',
    join('pagefind', 'pagefind.js'),
    ...typeIds.flatMap((id) => [
      join('partners', id, 'index.html'),
      join('decks', `${id}.pptx`),
      join('deck-data', 'types', `${id}.json`),
      caseDataPath(id),
    ]),
  ];
  return need.filter((p) => !existsSync(join(dir, p)));
}

/** An error from inside Astro, in a few plain lines: its message, never its stack. */
function describeFailure(e: unknown): string {
  if (e instanceof InjectedFault) return e.message;
  const err = e as { message?: string; loc?: { file?: string; line?: number; column?: number } };
  const message = (err.message ?? String(e)).trim();
  const where = err.loc?.file ? ` (${err.loc.file}${err.loc.line ? `:${err.loc.line}` : ''})` : '';
  const lines = message.split('\n').filter((l) => !/^\s+at /.test(l));
  return `${lines.slice(0, 40).join('\n')}${where}`;
}

export async function runBuild(args: string[]): Promise<number> {
  const root = args.find((a) => !a.startsWith('-')) ?? projectRoot();
  let release: () => void;
  try {
    release = acquireBuildLock(root);
  } catch (e) {
    if (e instanceof BuildLockedError) {
      say(`partnerkit build: ${e.message}`);
      return 1;
    }
    throw e;
  }
  let staging: string | undefined;
  let caseCheck: ReturnType<typeof caseDiagnosticsOffThread> | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (staging) rmSync(staging, { recursive: true, force: true });
    release();
    say(`\npartnerkit build: stopped (${signal}). ${KEPT}`);
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    faultPoint('locked');
    recoverDist(root);
    const previous = currentBuild(root);
    // Builds before the live one, and leftovers of builds that were killed.
    removeOldBuilds(root, [previous]);

    const { dataset, diagnostics } = loadDataOnce(root);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    for (const d of diagnostics) say(formatDiagnostic(d));
    if (errors.length || !dataset) {
      say(
        `\n${errors.length} error${errors.length === 1 ? '' : 's'}: fix ${errors.length === 1 ? 'it' : 'them'} and run \`npm run build\` again (\`npx partnerkit validate\` checks without building). ${KEPT}`,
      );
      return 1;
    }
    faultPoint('validated');

    // Every type x vertical x segment default case against the bands: warnings only, so it runs
    // on its own thread while Astro writes the pages, and is reported when the site is built.
    caseCheck = caseDiagnosticsOffThread({ root, dataset, typeFiles: dataPaths(root).typeFiles });
    staging = newBuildDir(root);
    process.env[BUILD_WRAPPER_ENV] = '1';
    const { build } = await import('astro');
    try {
      await build({ root, outDir: staging, logLevel: 'info' });
    } catch (e) {
      say(`\nThe build failed:\n${describeFailure(e)}\n\n${KEPT}`);
      if (process.env.PARTNERKIT_DEBUG && e instanceof Error && e.stack) say(e.stack);
      removeOldBuilds(root, [previous]);
      return 1;
    }
    // The main thread's CPU so far (validation, bundling, every page): beside the workers' own
    // figures, where a build's time goes.
    say(`main thread: ${(threadCpuMs() / 1000).toFixed(1)} s of CPU`);
    try {
      const checked = await caseCheck.result;
      for (const d of checked.diagnostics) say(formatDiagnostic(d));
      say(
        `business cases: ${checked.cases.toLocaleString('en-US')} default cases checked against the plausibility bands (${(checked.ms / 1000).toFixed(1)} s on a worker thread, ${(checked.cpuMs / 1000).toFixed(1)} s of CPU), ${checked.diagnostics.length} outside them`,
      );
    } catch (e) {
      say(`\nThe business-case check failed: ${describeFailure(e)}\n${KEPT}`);
      removeOldBuilds(root, [previous]);
      return 1;
    }
    const missing = missingParts(
      staging,
      dataset.partnerTypes.map((t) => t.id),
    );
    if (missing.length) {
      say(
        `\nThe build is incomplete: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''} missing. ${KEPT}`,
      );
      removeOldBuilds(root, [previous]);
      return 1;
    }
    publish(root, staging);
    removeOldBuilds(root, [staging, previous]);
    process.stdout.write(
      `\nPublished: dist/ is now ${relative(root, staging)} (${dataset.partnerTypes.length} partner types, their decks and the search index).\n`,
    );
    return 0;
  } catch (e) {
    say(`\npartnerkit build: ${describeFailure(e)}\n${KEPT}`);
    return 1;
  } finally {
    caseCheck?.stop();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    release();
  }
}
