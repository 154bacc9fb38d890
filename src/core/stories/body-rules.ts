/**
 * What marketers may write in the body of a story, playbook narrative, guide or partial: text,
 * Markdown, the kit's components (src/core/stories/components.ts) with literal props, partials
 * imported from the same folder, and a few harmless HTML tags. Nothing that runs: no other
 * import, no `export`, no `{expression}`, no `<script>`, `<style>` or `<iframe>`, no event
 * attribute, no `javascript:` or `data:` address.
 *
 * One set of rules over the parsed tree (MDX or Markdown, as remark produces it): `partnerkit
 * validate` applies them to every file, and the build's remark plugin applies the same function
 * to what it compiles (src/node/content-rules.ts), so the build enforces exactly what validate
 * reports. Every finding carries the line and column of the tag, attribute or link.
 */
import { closest, type Finding } from '../diagnostics.ts';
import { tokenProblem } from '../prose-tokens.ts';
import {
  STORY_COMPONENT_NAMES,
  STORY_COMPONENTS,
  isStoryComponent,
  type ComponentSpec,
} from './components.ts';

export interface Position {
  line: number;
  column: number;
}

export type BodyFinding = Finding & Position;

/** The parts of an estree program these rules read (MDX attaches one to each piece of code). */
interface EsProgram {
  body: readonly { type: string; [key: string]: unknown }[];
}

/** A node of the remark tree (mdast with the MDX extensions), as far as these rules read it. */
export interface ContentNode {
  type: string;
  position?: { start: Position } | undefined;
  children?: readonly ContentNode[] | undefined;
  value?: string | undefined;
  url?: string | undefined;
  name?: string | null | undefined;
  attributes?: readonly ContentAttribute[] | undefined;
  data?: { estree?: EsProgram | null | undefined } | undefined;
}

export interface ContentAttribute {
  type: string;
  name?: string | undefined;
  value?:
    | string
    | null
    | { type: string; value: string; data?: { estree?: EsProgram | null | undefined } | undefined }
    | undefined;
  position?: { start: Position } | undefined;
}

/** An element of raw HTML (Markdown files): its attributes, at a line and column of the HTML. */
export interface HtmlElement extends Position {
  name: string;
  attributes: { name: string; value: string }[];
}

export interface BodyContext {
  /**
   * Ids `<Cite source>` and `<Quote source>` may name (the frontmatter's `sources`); undefined
   * when the frontmatter could not be read, and citations are not checked.
   */
  sourceIds: readonly string[] | undefined;
  /**
   * The vendor's tier ids, for `<CaseValue of="tier.<id>...">`; undefined when they are not
   * known (the build's per-file check), and any tier id is then accepted.
   */
  tierIds?: readonly string[] | undefined;
  /** Where another file lists a source this one does not (id -> file), to say how to cite it. */
  sourcesElsewhere?: ReadonlyMap<string, string> | undefined;
  /** Parses raw HTML (Markdown files only); without it, raw HTML is refused. */
  parseHtml?: ((html: string) => HtmlElement[]) | undefined;
  /** Whether an imported partial exists (`./_intro.mdx`); unchecked without it. */
  partialExists?: ((source: string) => boolean) | undefined;
}

/**
 * HTML a marketer may write, with the attributes each element may carry besides `title`, `lang`
 * and `dir`: text-level and structural markup only, nothing that loads, runs, embeds, styles,
 * submits or names an element (`id`, `class` and `style` could restyle or hijack the page).
 */
export const HTML_ALLOWED: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  abbr: [],
  b: [],
  blockquote: [],
  br: [],
  caption: [],
  cite: [],
  code: [],
  dd: [],
  del: [],
  details: [],
  dfn: [],
  div: [],
  dl: [],
  dt: [],
  em: [],
  figcaption: [],
  figure: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  hr: [],
  i: [],
  img: ['src', 'alt', 'width', 'height'],
  ins: [],
  kbd: [],
  li: [],
  mark: [],
  ol: ['start'],
  p: [],
  pre: [],
  q: [],
  s: [],
  small: [],
  span: [],
  strong: [],
  sub: [],
  summary: [],
  sup: [],
  table: [],
  tbody: [],
  td: ['colspan', 'rowspan'],
  tfoot: [],
  th: ['colspan', 'rowspan', 'scope'],
  thead: [],
  time: ['datetime'],
  tr: [],
  u: [],
  ul: [],
};
const GLOBAL_ATTRIBUTES = ['title', 'lang', 'dir'];
const URL_ATTRIBUTES = new Set(['href', 'src']);
const SAFE_SCHEMES = ['http', 'https', 'mailto', 'tel'];

/** An imported partial: a `_`-prefixed file in the same folder. */
export const PARTIAL_SOURCE = /^\.\/_[a-z0-9][a-z0-9-]*\.mdx?$/;

const list = (items: readonly string[]) => items.map((i) => `\`${i}\``).join(', ');
const short = (text: string, max = 60) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 3)}...` : one;
};

/** Why an address may not be linked to, or undefined when it may (web, mail, phone, relative). */
export function urlProblem(url: string): string | undefined {
  // Browsers drop control characters and spaces before reading a scheme ("java\tscript:").
  const cleaned = [...url].filter((c) => c > ' ' && (c < '\u007f' || c > '\u009f')).join('');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme === undefined || SAFE_SCHEMES.includes(scheme)) return undefined;
  if (scheme === 'javascript' || scheme === 'vbscript')
    return `a \`${scheme}:\` address runs code when it is opened`;
  if (scheme === 'data') return 'a `data:` address can carry a whole page or a script';
  return `\`${scheme}:\` addresses are not allowed`;
}

const URL_EXPECTED = 'an https:// address, a mailto: or tel: address, or a path on this site';

/** A `{literal}` prop value (`{"npv"}`, `{2}`, `{true}`) as text; undefined for any other code. */
function literalOf(value: {
  value: string;
  data?: { estree?: EsProgram | null | undefined } | undefined;
}): string | undefined {
  const body = value.data?.estree?.body;
  if (body?.length !== 1) return undefined;
  const statement = body[0]!;
  const expression = statement.expression as { type?: string; value?: unknown } | undefined;
  if (statement.type !== 'ExpressionStatement' || expression?.type !== 'Literal') return undefined;
  const v = expression.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
    ? String(v)
    : undefined;
}

const at = (node: { position?: { start: Position } | undefined }, fallback: Position) =>
  node.position ? { line: node.position.start.line, column: node.position.start.column } : fallback;

/** A candidate sharing the first four letters, for truncated names like `paybak` -> `paybackMonth`. */
const prefixGuess = (word: string, candidates: readonly string[]) =>
  word.length >= 4
    ? candidates.find((c) => c.toLowerCase().startsWith(word.slice(0, 4).toLowerCase()))
    : undefined;

class Checker {
  readonly out: BodyFinding[] = [];
  /** Names bound by `import Intro from './_intro.mdx'`: partials, usable as tags. */
  readonly partials = new Set<string>();
  private readonly ctx: BodyContext;
  constructor(ctx: BodyContext) {
    this.ctx = ctx;
  }

  add(pos: Position, f: Finding) {
    this.out.push({ ...f, line: pos.line, column: pos.column });
  }

  esm(node: ContentNode, pos: Position) {
    const body = node.data?.estree?.body ?? [];
    const code = short(node.value ?? '');
    if (!body.length)
      return this.add(pos, {
        path: ['import'],
        message: `\`${code}\` is code, which content may not contain`,
        expected: 'text; a line starting with `import` or `export` is read as code',
      });
    for (const statement of body) {
      if (statement.type !== 'ImportDeclaration') {
        this.add(pos, {
          path: ['export'],
          message: `\`${code}\` defines code, which content may not contain`,
          expected:
            'text, components and partials only (values belong in the frontmatter); a line starting with `export` is read as code',
        });
        continue;
      }
      const source = (statement.source as { value?: unknown } | undefined)?.value;
      const specifiers = (statement.specifiers ?? []) as {
        type: string;
        local?: { name?: string };
      }[];
      const partial = typeof source === 'string' && PARTIAL_SOURCE.test(source);
      const single = specifiers.length === 1 && specifiers[0]!.type === 'ImportDefaultSpecifier';
      if (!partial || !single) {
        this.add(pos, {
          path: ['import'],
          message: `\`${code}\` imports code into the page; content may import only partials`,
          expected:
            "a partial from the same folder, like import Intro from './_intro.mdx' (the kit's components, such as <Figure>, need no import)",
          found: JSON.stringify(source),
        });
        continue;
      }
      if (this.ctx.partialExists && !this.ctx.partialExists(source))
        this.add(pos, {
          path: ['import'],
          message: `the partial \`${source}\` does not exist`,
          expected: `a file named ${source.slice(2)} in this folder`,
          found: JSON.stringify(source),
        });
      const name = specifiers[0]!.local?.name;
      if (name) this.partials.add(name);
    }
  }

  expression(node: ContentNode, pos: Position) {
    const estree = node.data?.estree;
    // `{/* a comment */}` is the MDX comment: a program with no statements.
    if (estree && estree.body.length === 0) return;
    this.add(pos, {
      path: [],
      message: `\`{${short(node.value ?? '')}}\` is JavaScript, which content may not run`,
      expected: 'text: to write a brace, type `\\{` (and `\\}`)',
    });
  }

  attributeCode(tag: string, attr: ContentAttribute, pos: Position) {
    const code =
      attr.type === 'mdxJsxExpressionAttribute'
        ? `{${short(typeof attr.value === 'string' ? attr.value : '')}}`
        : `${attr.name}={${short(typeof attr.value === 'object' && attr.value ? attr.value.value : '')}}`;
    this.add(pos, {
      path: attr.name ? [tag, attr.name] : [tag],
      message: `\`${code}\` on \`<${tag}>\` is JavaScript, which content may not run`,
      expected: attr.name
        ? `text in quotes, like ${attr.name}="..."`
        : 'attributes written as name="text"',
    });
  }

  /** An event attribute (`onerror`, `onClick`) on any tag. */
  eventAttribute(tag: string, name: string, pos: Position): boolean {
    if (!/^on/i.test(name)) return false;
    this.add(pos, {
      path: [tag, name],
      message: `\`${name}\` on \`<${tag}>\` runs JavaScript in the reader's browser`,
      expected: 'no event attributes (they are never allowed)',
      found: JSON.stringify(name),
    });
    return true;
  }

  url(url: string, pos: Position, path: PropertyKey[]) {
    const problem = urlProblem(url);
    if (problem)
      this.add(pos, {
        path,
        message: `${problem}: \`${short(url)}\``,
        expected: URL_EXPECTED,
        found: JSON.stringify(short(url)),
      });
  }

  /** An HTML element, from MDX or raw HTML: the allow-list, its attributes, its addresses. */
  html(
    name: string,
    attributes: { name: string; value: string | undefined; pos: Position }[],
    pos: Position,
  ) {
    const lower = name.toLowerCase();
    const allowed = HTML_ALLOWED[lower];
    if (!allowed) {
      const why =
        lower === 'script'
          ? " (it would run code in the reader's browser)"
          : lower === 'style'
            ? ' (it would restyle the whole site)'
            : ['iframe', 'object', 'embed', 'frame', 'frameset'].includes(lower)
              ? ' (it would embed another page)'
              : ['form', 'input', 'button', 'textarea', 'select'].includes(lower)
                ? ' (it would send what readers type somewhere)'
                : '';
      return this.add(pos, {
        path: [name],
        message: `\`<${name}>\` is not allowed in content${why}`,
        expected:
          'Markdown, a component such as <Callout>, or a text tag such as <sup>, <abbr>, <mark> or <br>',
        found: JSON.stringify(`<${name}>`),
      });
    }
    const names = [...allowed, ...GLOBAL_ATTRIBUTES];
    for (const attr of attributes) {
      const a = attr.name.toLowerCase();
      if (this.eventAttribute(name, attr.name, attr.pos)) continue;
      if (!names.includes(a)) {
        this.add(attr.pos, {
          path: [name, attr.name],
          message: `attribute \`${attr.name}\` is not allowed on \`<${name}>\``,
          expected: `one of ${list(names)}`,
          found: JSON.stringify(attr.name),
        });
        continue;
      }
      if (URL_ATTRIBUTES.has(a) && attr.value !== undefined)
        this.url(attr.value, attr.pos, [name, attr.name]);
    }
  }

  component(node: ContentNode, pos: Position) {
    const name = node.name!;
    const attrs = node.attributes ?? [];
    if (this.partials.has(name)) {
      for (const attr of attrs)
        this.add(at(attr, pos), {
          path: [name, attr.name ?? ''],
          message: `the partial \`<${name}>\` takes no attributes`,
          expected: `<${name} />`,
          found: attr.name ? JSON.stringify(attr.name) : 'an expression',
        });
      return;
    }
    if (!isStoryComponent(name)) {
      const guess = closest(name, STORY_COMPONENT_NAMES);
      return this.add(pos, {
        path: [name],
        message: `unknown component \`<${name}>\`${guess ? `; did you mean \`<${guess}>\`?` : ''}`,
        expected: `one of ${list(STORY_COMPONENT_NAMES.map((n) => `<${n}>`))}, or a partial imported at the top of the file`,
        found: JSON.stringify(`<${name}>`),
      });
    }
    const spec: ComponentSpec = STORY_COMPONENTS[name];
    const propNames = Object.keys(spec.props);
    const given = new Set<string>();
    for (const attr of attrs) {
      const apos = at(attr, pos);
      if (attr.type !== 'mdxJsxAttribute' || !attr.name) {
        this.attributeCode(name, attr, apos);
        continue;
      }
      given.add(attr.name);
      if (this.eventAttribute(name, attr.name, apos)) continue;
      const prop = spec.props[attr.name];
      const path = [name, attr.name];
      if (!prop) {
        const guess = closest(attr.name, propNames);
        this.add(apos, {
          path,
          message: `unknown prop \`${attr.name}\` on \`<${name}>\`${guess ? `; did you mean \`${guess}\`?` : ''}`,
          expected: propNames.length ? `one of ${list(propNames)}` : 'no props',
          found: JSON.stringify(attr.name),
        });
        continue;
      }
      let value: string | undefined;
      if (typeof attr.value === 'string') value = attr.value;
      else if (attr.value && typeof attr.value === 'object') {
        value = literalOf(attr.value);
        if (value === undefined) {
          this.attributeCode(name, attr, apos);
          continue;
        }
      } else {
        this.add(apos, {
          path,
          message: `\`${attr.name}\` must be written as text in quotes, like ${attr.name}="..."`,
          expected: 'a quoted value',
          found: 'no value',
        });
        continue;
      }
      if (URL_ATTRIBUTES.has(attr.name)) this.url(value, apos, path);
      this.propValue(name, attr.name, prop, value, apos);
    }
    for (const [prop, p] of Object.entries(spec.props)) {
      if (p.required && !given.has(prop))
        this.add(pos, {
          path: [name, prop],
          message: `\`<${name}>\` needs a \`${prop}\` prop`,
          expected: `${prop}="..." (${p.help})`,
          found: 'nothing (the prop is missing)',
        });
    }
  }

  propValue(
    tag: string,
    propName: string,
    prop: ComponentSpec['props'][string],
    value: string,
    pos: Position,
  ) {
    const path = [tag, propName];
    if (prop.ref === 'case-token') {
      const problem = tokenProblem(value, this.ctx.tierIds);
      if (problem)
        this.add(pos, {
          path,
          message: problem.replace(/`\{([^}]*)\}`/g, '`$1`'),
          expected:
            'a case value such as assumption.hires, figure.paybackMonth or grossProfit.resale',
          found: JSON.stringify(value),
        });
      return;
    }
    const allowed = prop.values ?? (prop.ref === 'source' ? this.ctx.sourceIds : undefined);
    if (!allowed || allowed.includes(value)) return;
    const elsewhere = prop.ref === 'source' ? this.ctx.sourcesElsewhere?.get(value) : undefined;
    if (elsewhere) {
      this.add(pos, {
        path,
        message: `source \`${value}\` is listed in ${elsewhere}, not in this file`,
        expected: `its entry (id, title, url, reliability) copied from ${elsewhere} into this file's \`sources:\` in the frontmatter`,
        found: JSON.stringify(value),
      });
      return;
    }
    const guess = closest(value, allowed) ?? prefixGuess(value, allowed);
    const what =
      prop.ref === 'source' ? 'source' : tag === 'Figure' ? 'figure' : `${propName} value`;
    this.add(pos, {
      path,
      message: `${what} \`${value}\` does not exist${guess ? `; did you mean \`${guess}\`?` : ''}`,
      expected: allowed.length
        ? `one of ${list(allowed)}`
        : prop.ref === 'source'
          ? 'a source listed under `sources:` in the frontmatter (there are none)'
          : 'a known value',
      found: JSON.stringify(value),
    });
  }

  element(node: ContentNode, pos: Position) {
    const name = node.name;
    if (!name) {
      return this.add(pos, {
        path: [],
        message: 'an empty tag `<>` is not allowed in content',
        expected: 'text, or a component such as <Callout>',
      });
    }
    // Capitalised or dotted names are components; lower-case names are HTML.
    if (/^[a-z][a-z0-9-]*$/.test(name)) {
      const attrs = [];
      for (const attr of node.attributes ?? []) {
        const apos = at(attr, pos);
        if (attr.type !== 'mdxJsxAttribute' || !attr.name) {
          this.attributeCode(name, attr, apos);
          continue;
        }
        if (attr.value && typeof attr.value === 'object') {
          if (!this.eventAttribute(name, attr.name, apos)) this.attributeCode(name, attr, apos);
          continue;
        }
        attrs.push({ name: attr.name, value: attr.value ?? undefined, pos: apos });
      }
      return this.html(name, attrs, pos);
    }
    this.component(node, pos);
  }

  rawHtml(node: ContentNode, pos: Position) {
    const html = node.value ?? '';
    if (!this.ctx.parseHtml) {
      return this.add(pos, {
        path: [],
        message: 'raw HTML is not allowed here',
        expected: 'Markdown or a component',
      });
    }
    for (const el of this.ctx.parseHtml(html)) {
      const epos = {
        line: pos.line + el.line - 1,
        column: el.line === 1 ? pos.column + el.column - 1 : el.column,
      };
      this.html(
        el.name,
        el.attributes.map((a) => ({ name: a.name, value: a.value, pos: epos })),
        epos,
      );
    }
  }

  visit(node: ContentNode, parent: Position) {
    const pos = at(node, parent);
    switch (node.type) {
      case 'mdxjsEsm':
        this.esm(node, pos);
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        this.expression(node, pos);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        this.element(node, pos);
        break;
      case 'link':
      case 'image':
      case 'definition':
        if (node.url !== undefined) this.url(node.url, pos, [node.type]);
        break;
      case 'html':
        this.rawHtml(node, pos);
        break;
    }
    for (const child of node.children ?? []) this.visit(child, pos);
  }
}

/**
 * Every finding in a content tree. Imports come first in a file, so partials are known before
 * their tags are met; a tag met before its import is reported as an unknown component.
 */
export function checkContentTree(tree: ContentNode, ctx: BodyContext): BodyFinding[] {
  const checker = new Checker(ctx);
  for (const child of tree.children ?? [])
    if (child.type === 'mdxjsEsm') checker.esm(child, at(child, { line: 1, column: 1 }));
  const rest: ContentNode = {
    ...tree,
    children: (tree.children ?? []).filter((c) => c.type !== 'mdxjsEsm'),
  };
  checker.visit(rest, { line: 1, column: 1 });
  return checker.out;
}
