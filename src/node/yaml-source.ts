// Node-side: parse YAML keeping positions, so every finding lands on a line and column.
import {
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Alias,
  type Document,
  type Node,
} from 'yaml';
import jsYaml from 'js-yaml';
import { relative } from 'node:path';
import type { z } from 'zod';
import { readSourceText } from './source-files.ts';
import { explainYamlErrors } from './yaml-syntax.ts';
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
  const errors = doc.errors.map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return { code: e.code, message: e.message, line: pos.line, column: pos.col };
  });
  const syntaxErrors: Diagnostic[] = errors.length
    ? explainYamlErrors(text, errors).map((p) => ({
        file,
        line: p.line + lineOffset,
        column: p.column,
        path: [],
        severity: 'error' as const,
        message: p.message,
        expected: p.expected,
      }))
    : [];
  return { doc, lineCounter, syntaxErrors };
}

/**
 * Aliases may repeat a value (a shared list of sources, say) but not multiply a file: a few
 * nested aliases can expand a 1 KB file to billions of values ("YAML bombs"). The budget is
 * proportional to the file, so hundreds of aliases of small values are fine.
 */
const expansionBudget = (ownNodes: number) => 10_000 + 10 * ownNodes;

/** Why the aliases of a parsed document cannot be expanded safely, at the alias to blame. */
function aliasProblem(
  doc: Document,
): { node: Node; message: string; expected: string } | undefined {
  const sizes = new Map<Node, number>();
  const open = new Set<Node>();
  let own = 0;
  let worst: { node: Node; size: number } | undefined;
  let cycle: Node | undefined;
  // Values the document expands to, counting each alias as a copy of what it names.
  const size = (node: unknown, counting: boolean): number => {
    if (cycle) return 0;
    if (isAlias(node)) {
      if (counting) own++;
      const target = node.resolve(doc);
      if (!target) return 1; // an unknown alias is a syntax error, reported already
      if (open.has(target)) {
        cycle = node;
        return 0;
      }
      const n = size(target, false);
      if (!worst || n > worst.size) worst = { node, size: n };
      return n;
    }
    if (isPair(node)) return size(node.key, counting) + size(node.value, counting);
    if (!isNode(node)) return 1;
    if (counting) own++;
    const known = sizes.get(node);
    if (known !== undefined && !counting) return known;
    let n = 1;
    if (isMap(node) || isSeq(node)) {
      open.add(node);
      for (const item of node.items) n = Math.min(n + size(item, counting), 1e15);
      open.delete(node);
    }
    sizes.set(node, n);
    return n;
  };
  const total = size(doc.contents, true);
  if (cycle)
    return {
      node: cycle,
      message: `the alias \`*${(cycle as Alias).source}\` names a value that contains it, so it never ends`,
      expected: 'an alias of a value defined before it and outside it (or the value written out)',
    };
  if (total > expansionBudget(own) && worst)
    return {
      node: worst.node,
      message: `aliases would expand this file to ${total >= 1e9 ? 'billions of' : total.toLocaleString('en-US')} values (it has ${own.toLocaleString('en-US')}): nested aliases multiply, the way "YAML bombs" do`,
      expected: 'aliases that repeat a value, not aliases of aliases (or the values written out)',
    };
  return undefined;
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
  if (syntaxErrors.length)
    return { file, data: undefined, doc, lineCounter, lineOffset, syntaxErrors };
  const aliases = aliasProblem(doc);
  if (aliases) {
    const pos = lineCounter.linePos(aliases.node.range?.[0] ?? 0);
    const problem: Diagnostic = {
      file,
      line: pos.line + lineOffset,
      column: pos.col,
      path: [],
      severity: 'error',
      message: aliases.message,
      expected: aliases.expected,
    };
    return { file, data: undefined, doc, lineCounter, lineOffset, syntaxErrors: [problem] };
  }
  // Expansion is bounded above, so the library's own count (which refuses a value aliased
  // 101 times, however small) is not needed.
  const data = doc.toJS({ maxAliasCount: -1 }) as unknown;
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
  const text = readSourceText(root, path, out);
  if (text === undefined) return { parsed: parseYaml(file, '') };
  const parsed = parseYaml(file, text);
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
