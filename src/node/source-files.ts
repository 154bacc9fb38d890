// Node-only: reading the files marketers edit (data/, content/, templates/) without ever
// crashing on one. Whatever is wrong with a file (a folder named like it, no permission, not
// UTF-8, far too large, a link out of the project, a twin with another extension) becomes a
// message placed at the file, and the other files are still read.
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.ts';
import { projectSettings } from './project-settings.ts';

const at = (root: string, path: string) => relative(root, path) || path;

function problem(
  file: string,
  message: string,
  expected: string,
  line = 1,
  column = 1,
  found?: string,
): Diagnostic {
  return {
    file,
    line,
    column,
    path: [],
    severity: 'error',
    message,
    expected,
    ...(found === undefined ? {} : { found }),
  };
}

const sizeText = (bytes: number) =>
  bytes >= 1e6
    ? `${(bytes / 1e6).toFixed(1)} MB`
    : bytes >= 1e3
      ? `${Math.round(bytes / 1e3)} KB`
      : `${bytes} bytes`;

const errorCode = (e: unknown) => (e as { code?: string }).code ?? 'unknown error';

/** Where the first byte that is not UTF-8 is: its line and column (in characters). */
function firstInvalidUtf8(bytes: Uint8Array): { offset: number; line: number; column: number } {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    let ok = need >= 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    // Overlong forms and surrogates, as the decoder refuses them.
    if (ok && need === 2) {
      const b1 = bytes[i + 1]!;
      ok = !(b === 0xe0 && b1 < 0xa0) && !(b === 0xed && b1 >= 0xa0);
    }
    if (ok && need === 3) {
      const b1 = bytes[i + 1]!;
      ok = !(b === 0xf0 && b1 < 0x90) && !(b === 0xf4 && b1 >= 0x90);
    }
    if (!ok) break;
    i += need + 1;
  }
  const before = bytes.subarray(0, i);
  const lineStart = before.lastIndexOf(0x0a) + 1;
  let line = 1;
  for (const b of before) if (b === 0x0a) line++;
  const column = new TextDecoder().decode(before.subarray(lineStart)).length + 1;
  return { offset: i, line, column };
}

/**
 * The text of one source file, or undefined with the reason added to `out`. Reads only a
 * regular file inside the project, no larger than `partnerkit.maxFileKB`, in UTF-8.
 */
export function readSourceText(root: string, path: string, out: Diagnostic[]): string | undefined {
  const file = at(root, path);
  let st;
  try {
    st = lstatSync(path);
  } catch (e) {
    out.push(
      errorCode(e) === 'ENOENT'
        ? problem(file, 'file is missing', 'this file to exist')
        : problem(file, `cannot be read (${errorCode(e)})`, 'a file the build can read'),
    );
    return undefined;
  }
  if (st.isSymbolicLink()) {
    let real: string;
    let projectReal: string;
    try {
      real = realpathSync(path);
      projectReal = realpathSync(root);
      st = statSync(real);
    } catch {
      out.push(problem(file, 'is a link to nothing (its target is missing)', 'a real file'));
      return undefined;
    }
    if (real !== projectReal && !real.startsWith(projectReal + sep)) {
      out.push(
        problem(
          file,
          `is a link to a file outside the project (${real})`,
          'the file itself, copied into the project',
        ),
      );
      return undefined;
    }
  }
  if (st.isDirectory()) {
    out.push(
      problem(
        file,
        `is a folder, not a file: \`${basename(path)}\` is named like a file`,
        'a file here, or the folder renamed (without the extension) or removed',
      ),
    );
    return undefined;
  }
  if (!st.isFile()) {
    out.push(problem(file, 'is not a regular file (a pipe, socket or device)', 'a text file'));
    return undefined;
  }
  const limitKB = projectSettings(root).maxFileKB;
  if (st.size > limitKB * 1000) {
    out.push(
      problem(
        file,
        `is ${sizeText(st.size)}, larger than the ${sizeText(limitKB * 1000)} a file may be`,
        'a smaller file (split it), or a higher limit in package.json `partnerkit.maxFileKB`',
      ),
    );
    return undefined;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = errorCode(e);
    out.push(
      code === 'EACCES' || code === 'EPERM'
        ? problem(
            file,
            'cannot be read: permission denied',
            'a file the build may read (check its permissions)',
          )
        : problem(file, `cannot be read (${code})`, 'a file the build can read'),
    );
    return undefined;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    out.push(
      problem(
        file,
        `is not UTF-8 text: the character at line ${bad.line}, column ${bad.column} is in another encoding`,
        'the file saved as UTF-8 (in VS Code: the encoding in the status bar, then "Save with Encoding", "UTF-8")',
        bad.line,
        bad.column,
        `byte 0x${bytes[bad.offset]!.toString(16).toUpperCase().padStart(2, '0')}`,
      ),
    );
    return undefined;
  }
}

export interface SourceFolderOptions {
  /** File extensions, preferred first: `['.yaml', '.yml']`. A twin keeps the first. */
  extensions: readonly string[];
  /** What one file is, for messages: "partner type", "story". */
  what: string;
  /** Leave out `_`-prefixed files (partials). */
  skipPartials?: boolean;
}

/**
 * The files of one kind in a folder (not its subfolders), sorted, full paths. A folder named
 * like such a file, and a second file for the same id with another extension (`reseller.yml`
 * beside `reseller.yaml`), are errors added to `out`; the twin is left out.
 */
export function sourceFilesIn(
  root: string,
  dir: string,
  options: SourceFolderOptions,
  out: Diagnostic[],
): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    if (errorCode(e) !== 'ENOENT')
      out.push(
        problem(at(root, dir), `cannot be read (${errorCode(e)})`, 'a folder the build can read'),
      );
    return [];
  }
  const byStem = new Map<string, string[]>();
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const ext = extname(entry.name);
    if (!options.extensions.includes(ext)) continue;
    if (options.skipPartials && entry.name.startsWith('_')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      readSourceText(root, path, out); // reports the folder
      continue;
    }
    const stem = entry.name.slice(0, -ext.length);
    byStem.set(stem, [...(byStem.get(stem) ?? []), entry.name]);
  }
  const kept: string[] = [];
  for (const [stem, names] of byStem) {
    const ordered = [...names].sort(
      (a, b) => options.extensions.indexOf(extname(a)) - options.extensions.indexOf(extname(b)),
    );
    kept.push(join(dir, ordered[0]!));
    for (const twin of ordered.slice(1))
      out.push(
        problem(
          at(root, join(dir, twin)),
          `\`${twin}\` and \`${ordered[0]}\` are the same ${options.what} \`${stem}\` twice`,
          `one file per ${options.what}: keep one of ${at(root, join(dir, ordered[0]!))} and ${at(root, join(dir, twin))}, delete the other`,
        ),
      );
  }
  return kept.sort();
}

/**
 * Links in public/ that lead out of it. The build copies public/ into the site, following links,
 * so a link to /etc/passwd would publish that file: each is an error, at the link.
 */
export function linksOutOfPublic(root: string, out: Diagnostic[]): void {
  const dir = join(root, 'public');
  let realDir: string;
  try {
    realDir = realpathSync(dir);
  } catch {
    return; // no public/ folder
  }
  const visit = (path: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(path, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.isSymbolicLink()) {
        let real: string | undefined;
        try {
          real = realpathSync(p);
        } catch {
          real = undefined;
        }
        if (!real || (real !== realDir && !real.startsWith(realDir + sep)))
          out.push(
            problem(
              at(root, p),
              real
                ? `is a link to ${real}, outside public/: the build would publish that file`
                : 'is a link to nothing (its target is missing)',
              'the file itself in public/, not a link',
            ),
          );
      }
    }
  };
  visit(dir);
}
