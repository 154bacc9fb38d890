/**
 * YAML syntax errors in a marketer's words. The parser's own messages ("Nested mappings are not
 * allowed in compact mappings") name its grammar, often point at the line before the mistake,
 * and one mistake (a tab, an unclosed quote) can produce a dozen of them. Here the source text is
 * read again to find the one line that is wrong and say what to type instead: quote a value with
 * `: ` in it, line up an indented field, replace a tab with spaces, close a quote or a bracket.
 * Pure text logic; the parser's errors come in as plain data.
 */

export interface ParserError {
  code: string;
  message: string;
  /** 1-based, in the parsed text. */
  line: number;
  column: number;
}

export interface SyntaxProblem {
  line: number;
  column: number;
  message: string;
  expected: string;
}

interface Line {
  no: number;
  text: string;
  indent: number;
  /** Blank or a comment only. */
  empty: boolean;
}

function linesOf(text: string): Line[] {
  return text.split('\n').map((raw, i) => {
    const t = raw.replace(/\r$/, '');
    const indent = /^ */.exec(t)![0].length;
    return { no: i + 1, text: t, indent, empty: /^\s*(#.*)?$/.test(t) };
  });
}

/** `key: value` or `- key: value` on one line: where the key and the value start. */
function fieldOf(
  line: string,
): { key: string; keyCol: number; value: string; valueCol: number } | undefined {
  const m = /^(\s*(?:-\s+)*)((?:"[^"]*"|'[^']*'|[^\s#'"][^:#]*?)):(?:\s+(.*))?$/.exec(line);
  if (!m) return undefined;
  const value = (m[3] ?? '').replace(/\s+#.*$/, '');
  return {
    key: m[2]!.replace(/^["']|["']$/g, ''),
    keyCol: m[1]!.length,
    value,
    valueCol: m[3] === undefined ? line.length : line.length - m[3].length,
  };
}

/** Does `value` (after `key: `) open a quote it never closes on the same line? */
function unclosedQuote(value: string): boolean {
  const q = value[0];
  if (q === '"') {
    for (let i = 1; i < value.length; i++) {
      if (value[i] === '\\') i++;
      else if (value[i] === '"') return false;
    }
    return true;
  }
  if (q === "'") {
    for (let i = 1; i < value.length; i++) {
      if (value[i] === "'") {
        if (value[i + 1] === "'") i++;
        else return false;
      }
    }
    return true;
  }
  return false;
}

/** Does `value` open a `[` or `{` it never closes on the same line (quotes respected)? */
function unclosedBracket(value: string): '[' | '{' | undefined {
  if (value[0] !== '[' && value[0] !== '{') return undefined;
  const stack: string[] = [];
  let quote: string | undefined;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') stack.push(c);
    else if (c === ']' || c === '}') stack.pop();
  }
  return stack.length ? (stack[0] as '[' | '{') : undefined;
}

/** The value part of a line: after `key: `, or after `- ` for a list item. */
function valueOf(line: string): { value: string; col: number } | undefined {
  const f = fieldOf(line);
  if (f) return { value: f.value, col: f.valueCol };
  const item = /^(\s*-\s+)(.*)$/.exec(line);
  return item ? { value: item[2]!, col: item[1]!.length } : undefined;
}

function tabInIndent(lines: Line[]): SyntaxProblem | undefined {
  for (const l of lines) {
    const lead = /^[ \t]*/.exec(l.text)![0];
    const tab = lead.indexOf('\t');
    if (tab >= 0 && !l.empty)
      return {
        line: l.no,
        column: tab + 1,
        message: 'this line is indented with a tab; YAML indents with spaces only',
        expected: 'spaces instead of the tab (most editors: "Convert indentation to spaces")',
      };
  }
  return undefined;
}

function quoteNeverClosed(lines: Line[]): SyntaxProblem | undefined {
  for (const l of lines) {
    if (l.empty) continue;
    const v = valueOf(l.text);
    if (v && unclosedQuote(v.value)) {
      const q = v.value[0]!;
      return {
        line: l.no,
        column: v.col + 1,
        message: `the ${q === '"' ? 'double' : 'single'} quote that starts this value is never closed`,
        expected: `a closing ${q} at the end of the value, on the same line (or no quotes at all)`,
      };
    }
  }
  return undefined;
}

function bracketNeverClosed(lines: Line[]): SyntaxProblem | undefined {
  for (const l of lines) {
    if (l.empty) continue;
    const v = valueOf(l.text);
    const open = v && unclosedBracket(v.value);
    if (v && open) {
      const close = open === '[' ? ']' : '}';
      return {
        line: l.no,
        column: v.col + 1,
        message: `the \`${open}\` that starts this ${open === '[' ? 'list' : 'group'} is never closed`,
        expected: `a \`${close}\` at its end, on the same line, like ${open === '[' ? '[msp, reseller]' : '{ value: 0.3, assumption: ... }'}`,
      };
    }
  }
  return undefined;
}

/** A plain value with `: ` in it, which YAML reads as a new field. */
function colonInValue(line: Line): SyntaxProblem | undefined {
  const f = fieldOf(line.text);
  if (!f || /^["'[{|>&*!]/.test(f.value)) return undefined;
  const at = f.value.search(/:(\s|$)/);
  if (at < 0) return undefined;
  const quoted = f.value.replaceAll('"', '\\"');
  return {
    line: line.no,
    column: f.valueCol + at + 1,
    message: 'the `: ` inside this value makes YAML read the rest as a new field',
    expected: `the whole value in quotes: ${f.key}: "${quoted}"`,
  };
}

/**
 * The first line whose indentation lines it up with nothing above it, with the column it most
 * likely meant. Knows nested fields, list items, block text (`|`, `>`) and plain text that
 * continues on more-indented lines.
 */
function misindented(lines: Line[]): SyntaxProblem | undefined {
  // Open levels: the column their fields start at, and the first field at that column.
  const levels: { col: number; key: string; line: number }[] = [];
  let opens = false; // the line above ends with `key:` or a bare `-`: a deeper level may start
  let plainAt: number | undefined; // the line above is `key: text` with its key at this column
  let blockAt: number | undefined; // inside a `key: |` block whose key is at this column
  for (const l of lines) {
    if (l.empty) continue;
    if (blockAt !== undefined) {
      if (l.indent > blockAt) continue;
      blockAt = undefined;
    }
    const f = fieldOf(l.text);
    const item = /^\s*-(?:\s+|$)/.exec(l.text);
    const name = f?.key ?? l.text.trim().slice(0, 30);
    const top = levels[levels.length - 1];
    if (!top) {
      if (l.indent > 0)
        return {
          line: l.no,
          column: 1,
          message: `the first line is indented ${l.indent} space${l.indent === 1 ? '' : 's'}`,
          expected: 'top-level fields at the left margin, with no spaces before them',
        };
      levels.push({ col: 0, key: name, line: l.no });
    } else if (opens && (l.indent > top.col || (item && l.indent === top.col))) {
      levels.push({ col: l.indent, key: name, line: l.no });
    } else if (plainAt !== undefined && !f && !item && l.indent > plainAt) {
      continue; // plain text continued on the next line
    } else {
      const nearest = [...levels].sort(
        (a, b) => Math.abs(a.col - l.indent) - Math.abs(b.col - l.indent) || b.col - a.col,
      )[0]!;
      while (levels.length && levels[levels.length - 1]!.col > l.indent) levels.pop();
      const same = levels[levels.length - 1];
      if (same?.col === l.indent) Object.assign(same, { key: name, line: l.no });
      else
        return {
          line: l.no,
          column: 1,
          message: `\`${name}\` is indented ${l.indent} space${l.indent === 1 ? '' : 's'}, which lines it up with no field above it`,
          expected: `${nearest.col} space${nearest.col === 1 ? '' : 's'}, like \`${nearest.key}\` on line ${nearest.line}`,
        };
    }
    const value = f ? f.value : item ? l.text.slice(item[0].length) : '';
    const block = /^[|>][-+0-9]*$/.test(value.trim());
    opens = !block && (f ? f.value === '' : !!item && value.trim() === '');
    plainAt = value && !block && !/^["'[{]/.test(value) ? (f ? f.keyCol : l.indent) : undefined;
    if (block) blockAt = f ? f.keyCol : l.indent;
    // `- key: value` starts an item whose other fields line up with `key`.
    if (item && f) levels.push({ col: f.keyCol, key: f.key, line: l.no });
  }
  return undefined;
}

const INDENT_CODES = new Set([
  'BLOCK_AS_IMPLICIT_KEY',
  'MULTILINE_IMPLICIT_KEY',
  'BAD_INDENT',
  'UNEXPECTED_TOKEN',
  'MISSING_CHAR',
]);

/**
 * One problem for a file's syntax errors (the first mistake; what follows it is usually its
 * echo), plus each duplicated field. `errors` must be non-empty.
 */
export function explainYamlErrors(text: string, errors: readonly ParserError[]): SyntaxProblem[] {
  const lines = linesOf(text);
  const sorted = [...errors].sort((a, b) => a.line - b.line || a.column - b.column);
  const duplicates: SyntaxProblem[] = sorted
    .filter((e) => e.code === 'DUPLICATE_KEY')
    .map((e) => {
      const key = fieldOf(lines[e.line - 1]?.text ?? '')?.key;
      return {
        line: e.line,
        column: e.column,
        message: `${key ? `field \`${key}\`` : 'this field'} is written twice in the same group`,
        expected: 'each field once: keep one of them',
      };
    });
  const others = sorted.filter((e) => e.code !== 'DUPLICATE_KEY');
  const first = others[0];
  if (!first) return duplicates;

  const tab = tabInIndent(lines);
  if (tab) return [tab];
  if (others.some((e) => /Missing closing .?quote/i.test(e.message))) {
    const q = quoteNeverClosed(lines);
    if (q) return [q, ...duplicates];
  }
  if (others.some((e) => /\bend with a [\]}]|Expected .*[\]}]|Missing .*[\]}]/.test(e.message))) {
    const b = bracketNeverClosed(lines);
    if (b) return [b, ...duplicates];
  }
  if (INDENT_CODES.has(first.code)) {
    const colon = lines[first.line - 1] && colonInValue(lines[first.line - 1]!);
    if (
      colon &&
      (first.code === 'BLOCK_AS_IMPLICIT_KEY' || first.code === 'MULTILINE_IMPLICIT_KEY')
    )
      return [colon, ...duplicates];
    const indent = misindented(lines);
    // Trust the reading only near where the parser stumbled.
    if (indent && indent.line <= first.line + 1) return [indent, ...duplicates];
  }
  return [
    {
      line: first.line,
      column: first.column,
      message: `YAML syntax error: ${first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
      expected: 'valid YAML (check indentation, colons and quotes)',
    },
    ...duplicates,
  ];
}
