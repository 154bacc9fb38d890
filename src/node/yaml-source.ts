// Node-side: parse YAML keeping positions, so every finding lands on a line and column.
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';
import { readFileSync } from 'node:fs';
import jsYaml from 'js-yaml';
import { relative } from 'node:path';
import type { z } from 'zod';
import {
  findingsFromZod,
  type Diagnostic,
  type DataPath,
  type Finding,
} from '../core/diagnostics.ts';

export interface ParsedYaml {
  file: string;
  data: unknown;
  /** The document with positions; parsed on first use (only a file with a finding needs it). */
  readonly doc: Document;
  readonly lineCounter: LineCounter;
  /** Lines above the YAML text in its file (frontmatter starts after `---`). */
  lineOffset: number;
  syntaxErrors: Diagnostic[];
}

/** The reference parse: positions for every node, syntax errors placed at their line. */
function parseWithPositions(file: string, text: string, lineOffset: number) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntaxErrors: Diagnostic[] = doc.errors.map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    const firstLine = e.message.split('\n')[0]!;
    return {
      file,
      line: pos.line + lineOffset,
      column: pos.col,
      path: [],
      severity: 'error',
      message: `YAML syntax error: ${firstLine.replace(/ at line \d+, column \d+:?$/, '')}`,
      expected:
        e.code === 'DUPLICATE_KEY'
          ? 'each field once'
          : 'valid YAML (check indentation, colons and quotes)',
    };
  });
  return { doc, lineCounter, syntaxErrors };
}

// Anchors and aliases go through the reference parser, which bounds alias expansion.
const ANCHOR_OR_ALIAS = /(?:^|[\s[{,:-])[&*][^\s]/m;

/**
 * The value of a well-formed YAML mapping, by js-yaml (YAML 1.2 core schema, duplicate keys
 * refused), about ten times faster than the positional parse; undefined for anything else
 * (syntax errors, empty files, anchors, a top level that is not a mapping), which then takes
 * the reference path. test/unit/yaml-source.test.ts checks both give the same values.
 */
function fastValue(text: string): Record<string, unknown> | undefined {
  if (ANCHOR_OR_ALIAS.test(text)) return undefined;
  try {
    const v = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
    return v !== null && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function parseYaml(file: string, text: string, lineOffset = 0): ParsedYaml {
  const fast = fastValue(text);
  if (fast !== undefined) {
    let full: ReturnType<typeof parseWithPositions> | undefined;
    const positions = () => (full ??= parseWithPositions(file, text, lineOffset));
    return {
      file,
      data: fast,
      get doc() {
        return positions().doc;
      },
      get lineCounter() {
        return positions().lineCounter;
      },
      lineOffset,
      syntaxErrors: [],
    };
  }
  const { doc, lineCounter, syntaxErrors } = parseWithPositions(file, text, lineOffset);
  const data = syntaxErrors.length ? undefined : (doc.toJS({ maxAliasCount: 100 }) as unknown);
  return { file, data, doc, lineCounter, lineOffset, syntaxErrors };
}

/** The node at `path`, or the deepest existing ancestor when the path is missing. */
function nodeAt(doc: Document, path: DataPath, atKey: boolean): Node | undefined {
  let node: Node | null = doc.contents;
  let last: Node | undefined = node ?? undefined;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg),
      );
      if (!pair) return last;
      const isLast = i === path.length - 1;
      if (isLast && atKey && isScalar(pair.key)) return pair.key;
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof seg === 'number') {
      node = (node.items[seg] as Node | undefined) ?? null;
    } else return last;
    if (node) last = node;
    else return last;
  }
  return last;
}

export function place(parsed: ParsedYaml, f: Finding): Diagnostic {
  const node = nodeAt(parsed.doc, f.path, f.atKey ?? false);
  const offset = node?.range?.[0] ?? 0;
  const pos = parsed.lineCounter.linePos(offset);
  return {
    ...f,
    file: parsed.file,
    line: pos.line + parsed.lineOffset,
    column: pos.col,
    severity: f.severity ?? 'error',
  };
}

/** A YAML file read against a schema: `value` only when it parsed and validated. */
export interface LoadedYaml<T> {
  parsed: ParsedYaml;
  value?: T;
}

/**
 * Read one YAML file and validate it, adding every problem (syntax, empty file, schema) to
 * `out` placed at its line and column. The one reader for data/ and templates/ alike.
 */
export function loadYamlFile<S extends z.ZodType>(
  root: string,
  path: string,
  schema: S,
  out: Diagnostic[],
): LoadedYaml<z.infer<S>> {
  const file = relative(root, path) || path;
  const parsed = parseYaml(file, readFileSync(path, 'utf8'));
  if (parsed.syntaxErrors.length) {
    out.push(...parsed.syntaxErrors);
    return { parsed };
  }
  if (parsed.data === null || parsed.data === undefined) {
    out.push({
      file,
      line: 1,
      column: 1,
      path: [],
      severity: 'error',
      message: 'file is empty',
      expected: 'the fields described in its schema',
    });
    return { parsed };
  }
  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    out.push(...findingsFromZod(result.error, schema, parsed.data).map((f) => place(parsed, f)));
    return { parsed };
  }
  return { parsed, value: result.data };
}
