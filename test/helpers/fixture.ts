import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const MINIMAL = join(import.meta.dirname, '..', 'fixtures', 'minimal');

/** A throw-away copy of the minimal valid project, with files changed by the caller. */
export function fixtureCopy(changes: Record<string, (text: string) => string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'pk-fixture-'));
  cpSync(MINIMAL, dir, { recursive: true });
  for (const [file, change] of Object.entries(changes)) {
    const path = join(dir, file);
    let text = '';
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      // a change may create a file
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, change(text));
  }
  return dir;
}

/** Replace exactly one occurrence, so a fixture fails loudly when the base file changes. */
export const replaceOnce = (from: string, to: string) => (text: string) => {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0)
    throw new Error(`fixture text ${JSON.stringify(from)} must occur exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
};
