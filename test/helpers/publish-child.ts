// A stand-in for `npm run build` without Astro, for test/integration/site-publish.test.ts:
// takes the lock, writes a "site" (index.html holding argv[3]) into a new build folder and
// publishes it, the steps and fault points of src/cli/commands/build.ts in the same order.
// With argv[4] = "hold", it holds the lock until its stdin closes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { faultPoint } from '../../src/node/fault-points.ts';
import {
  acquireBuildLock,
  BuildLockedError,
  currentBuild,
  newBuildDir,
  publish,
  recoverDist,
  removeOldBuilds,
} from '../../src/node/site-publish.ts';

const [root, content, mode] = process.argv.slice(2) as [string, string, string | undefined];
let release: () => void;
try {
  release = acquireBuildLock(root);
} catch (e) {
  if (!(e instanceof BuildLockedError)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
}
if (mode === 'hold') {
  process.stdout.write('locked\n');
  process.stdin.resume();
  process.stdin.on('end', () => {
    release();
    process.exit(0);
  });
} else {
  faultPoint('locked');
  recoverDist(root);
  const previous = currentBuild(root);
  removeOldBuilds(root, [previous]);
  faultPoint('validated');
  const dir = newBuildDir(root);
  writeFileSync(join(dir, 'index.html'), content);
  writeFileSync(join(dir, 'about.html'), `about ${content}`);
  faultPoint('decks-written');
  publish(root, dir);
  removeOldBuilds(root, [dir, previous]);
  release();
}
