/**
 * A light scanner for the component tags marketers write in MDX, with their line and column.
 * It is not an MDX parser: it finds `<Capitalised ...>` tags and their literal attributes
 * outside frontmatter, fenced code, inline code, MDX comments and import/export lines, which is
 * all validation needs to name the file, line and column of a misspelt component or figure.
 */

export interface Position {
  line: number;
  column: number;
}

export interface TagAttribute extends Position {
  name: string;
  /** The literal text for `"x"`, `'x'`, `{"x"}` or `{'x'}`; undefined for any other expression. */
  value: string | undefined;
  /** The raw expression for `{...}` values that are not string literals; `true` for a bare attribute. */
  expression?: string | true;
}

export interface TagUsage extends Position {
  name: string;
  attributes: TagAttribute[];
}

export interface MdxScan {
  tags: TagUsage[];
  /** Names bound by `import` lines (partials, for example). */
  imports: string[];
}

const blank = (s: string) => s.replace(/[^\n]/g, ' ');

/** The text with everything that is not MDX flow content replaced by spaces (lengths and lines kept). */
export function maskNonContent(text: string): { masked: string; imports: string[] } {
  const imports: string[] = [];
  let out = text;
  const fm = /^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/.exec(out);
  if (fm) out = blank(fm[0]) + out.slice(fm[0].length);

  // Fenced code blocks, line by line.
  const lines = out.split('\n');
  let fence: { char: string; len: number } | undefined;
  let esm: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence) {
      const close = /^\s{0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.len) fence = undefined;
      lines[i] = blank(line);
      continue;
    }
    const open = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (open) {
      fence = { char: open[1]![0]!, len: open[1]!.length };
      lines[i] = blank(line);
      continue;
    }
    if (esm !== undefined || /^(import|export)\s/.test(line)) {
      // An ESM statement may span lines: `import {\n  A,\n  B,\n} from './_partial.mdx';`
      esm = (esm ?? '') + line + '\n';
      lines[i] = blank(line);
      if (
        /\sfrom\s+['"][^'"]*['"]\s*;?\s*$|^import\s+['"][^'"]*['"]\s*;?\s*$|^export\s/.test(
          esm.trim(),
        )
      ) {
        const names = /^import\s+([\s\S]*?)\s+from\s/.exec(esm.trim())?.[1] ?? '';
        for (const part of names.replace(/[{}]/g, ',').split(',')) {
          const name = part
            .trim()
            .split(/\s+as\s+/)
            .pop()
            ?.replace(/^\*\s*/, '')
            .trim();
          if (name && /^[A-Za-z_$][\w$]*$/.test(name)) imports.push(name);
        }
        esm = undefined;
      }
      continue;
    }
  }
  out = lines.join('\n');
  // MDX comments and inline code spans.
  out = out.replace(/\{\/\*[\s\S]*?\*\/\}/g, blank);
  out = out.replace(/(?<!`)(`+)(?!`)[^\n]*?(?<!`)\1(?!`)/g, blank);
  return { masked: out, imports };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function positionOf(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** Read a `{...}` expression from `at` (an opening brace); returns its end (exclusive). */
function readBraces(text: string, at: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = at; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return text.length;
}

/** Every `<Capitalised ...>` opening tag in the file, with literal attribute values. */
export function scanMdx(text: string): MdxScan {
  const { masked, imports } = maskNonContent(text);
  const starts = lineStarts(text);
  const tags: TagUsage[] = [];
  const tagRe = /<([A-Z][\w.]*)/g;
  let m: RegExpExecArray | null;
  while ((m = tagRe.exec(masked))) {
    const tag: TagUsage = { name: m[1]!, ...positionOf(starts, m.index), attributes: [] };
    let i = m.index + m[0].length;
    for (;;) {
      while (i < masked.length && /\s/.test(masked[i]!)) i++;
      if (i >= masked.length || masked[i] === '>' || masked.startsWith('/>', i)) break;
      if (masked[i] === '{') {
        // A spread like {...props}: skip it.
        i = readBraces(masked, i);
        continue;
      }
      const nameMatch = /^[A-Za-z_:][\w:.-]*/.exec(masked.slice(i, i + 100));
      if (!nameMatch) break;
      const attr: TagAttribute = { name: nameMatch[0], value: undefined, ...positionOf(starts, i) };
      i += nameMatch[0].length;
      while (i < masked.length && /[ \t]/.test(masked[i]!)) i++;
      if (masked[i] !== '=') {
        attr.expression = true;
        tag.attributes.push(attr);
        continue;
      }
      i++;
      while (i < masked.length && /[ \t]/.test(masked[i]!)) i++;
      const q = masked[i];
      if (q === '"' || q === "'") {
        const end = masked.indexOf(q, i + 1);
        if (end < 0) break;
        attr.value = text.slice(i + 1, end);
        i = end + 1;
      } else if (q === '{') {
        const end = readBraces(masked, i);
        const inner = text.slice(i + 1, end - 1).trim();
        const literal = /^(["'])((?:(?!\1)[^\\]|\\.)*)\1$/.exec(inner);
        if (literal) attr.value = literal[2];
        else attr.expression = inner;
        i = end;
      } else break;
      tag.attributes.push(attr);
    }
    tags.push(tag);
    tagRe.lastIndex = Math.max(tagRe.lastIndex, i);
  }
  return { tags, imports };
}
