/**
 * Checks the component tags in an MDX body: a misspelt component, an unknown figure name, a
 * missing or unknown prop, a citation of a source the file does not list. Each finding carries
 * the line and column of the tag or attribute, so the message points where the marketer types.
 */
import { closest, type Finding } from '../diagnostics.ts';
import {
  STORY_COMPONENT_NAMES,
  STORY_COMPONENTS,
  isStoryComponent,
  type ComponentSpec,
} from './components.ts';
import { scanMdx, type Position } from './mdx-scan.ts';

export interface BodyContext {
  /** Ids `<Cite source>` and `<Quote source>` may name (the frontmatter's `sources`). */
  sourceIds: readonly string[];
}

export type BodyFinding = Finding & Position;

/** A candidate sharing the first four letters, for truncated names like `paybak` -> `paybackMonth`. */
const prefixGuess = (word: string, candidates: readonly string[]) =>
  word.length >= 4
    ? candidates.find((c) => c.toLowerCase().startsWith(word.slice(0, 4).toLowerCase()))
    : undefined;

const list = (items: readonly string[]) => items.map((i) => `\`${i}\``).join(', ');

export function checkMdxBody(text: string, ctx: BodyContext): BodyFinding[] {
  const { tags, imports } = scanMdx(text);
  const out: BodyFinding[] = [];
  for (const tag of tags) {
    if (imports.includes(tag.name)) continue;
    if (!isStoryComponent(tag.name)) {
      const guess = closest(tag.name, STORY_COMPONENT_NAMES);
      out.push({
        path: [tag.name],
        line: tag.line,
        column: tag.column,
        message: `unknown component \`<${tag.name}>\`${guess ? `; did you mean \`<${guess}>\`?` : ''}`,
        expected: `one of ${list(STORY_COMPONENT_NAMES.map((n) => `<${n}>`))}, or a partial imported at the top of the file`,
        found: JSON.stringify(`<${tag.name}>`),
      });
      continue;
    }
    const spec: ComponentSpec = STORY_COMPONENTS[tag.name];
    const propNames = Object.keys(spec.props);
    for (const attr of tag.attributes) {
      const prop = spec.props[attr.name];
      const path = [tag.name, attr.name];
      if (!prop) {
        const guess = closest(attr.name, propNames);
        out.push({
          path,
          line: attr.line,
          column: attr.column,
          message: `unknown prop \`${attr.name}\` on \`<${tag.name}>\`${guess ? `; did you mean \`${guess}\`?` : ''}`,
          expected: propNames.length ? `one of ${list(propNames)}` : 'no props',
          found: JSON.stringify(attr.name),
        });
        continue;
      }
      if (attr.value === undefined) {
        out.push({
          path,
          line: attr.line,
          column: attr.column,
          message: `\`${attr.name}\` must be written as text in quotes, like ${attr.name}="..."`,
          expected: 'a quoted value',
          found: attr.expression === true ? 'no value' : `{${attr.expression}}`,
        });
        continue;
      }
      const allowed = prop.values ?? (prop.ref === 'source' ? ctx.sourceIds : undefined);
      if (allowed && !allowed.includes(attr.value)) {
        const guess = closest(attr.value, allowed) ?? prefixGuess(attr.value, allowed);
        const what =
          prop.ref === 'source'
            ? 'source'
            : tag.name === 'Figure'
              ? 'figure'
              : `${attr.name} value`;
        out.push({
          path,
          line: attr.line,
          column: attr.column,
          message: `${what} \`${attr.value}\` does not exist${guess ? `; did you mean \`${guess}\`?` : ''}`,
          expected: allowed.length
            ? `one of ${list(allowed)}`
            : prop.ref === 'source'
              ? 'a source listed under `sources:` in the frontmatter (there are none)'
              : 'a known value',
          found: JSON.stringify(attr.value),
        });
      }
    }
    for (const [name, prop] of Object.entries(spec.props)) {
      if (prop.required && !tag.attributes.some((a) => a.name === name)) {
        out.push({
          path: [tag.name, name],
          line: tag.line,
          column: tag.column,
          message: `\`<${tag.name}>\` needs a \`${name}\` prop`,
          expected: `${name}="..." (${prop.help})`,
          found: 'nothing (the prop is missing)',
        });
      }
    }
  }
  return out;
}
