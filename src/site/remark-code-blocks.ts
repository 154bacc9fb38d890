// Code samples in Markdown and MDX (the marketers' guide): each fenced block becomes
//   <figure class="code-block"><figcaption class="code-title">data/x.yaml</figcaption>
//     <div class="code-scroll" tabindex="0" role="region" aria-label="...">(pre)</div></figure>
// The file name a snippet belongs in (`title="data/..."` after the fence) shows above it, and a
// long line scrolls inside its own box instead of wrapping to column 0. The box takes focus
// so keyboard users can scroll it too (axe: scrollable-region-focusable). Prism highlights the
// <pre> afterwards, in place.
import type { Parent, Root, RootContent } from 'mdast';

const TITLE = /(?:^|\s)title=(?:"([^"]*)"|'([^']*)')/;

/** The `title="..."` of a fence's meta string (`yaml title="data/x.yaml" check="create"`). */
export function codeTitle(meta: string | null | undefined): string | undefined {
  const m = meta ? TITLE.exec(meta) : null;
  return m ? (m[1] ?? m[2]) : undefined;
}

const element = (
  hName: string,
  hProperties: Record<string, unknown>,
  children: RootContent[],
): RootContent =>
  // mdast-util-to-hast turns a node it has no handler for into the element its data names.
  ({ type: 'codeBlockPart', data: { hName, hProperties }, children }) as unknown as RootContent;

export default function remarkCodeBlocks() {
  return (tree: Root) => {
    const walk = (node: Parent) => {
      node.children.forEach((child, i) => {
        if (child.type === 'code') {
          const code = child;
          const title = codeTitle(code.meta);
          const scroll = element(
            'div',
            {
              className: ['code-scroll'],
              tabIndex: 0,
              role: 'region',
              ariaLabel: title
                ? `Code: ${title}`
                : `Code sample${code.lang ? ` (${code.lang})` : ''}`,
            },
            [code],
          );
          const caption = title
            ? [
                element('figcaption', { className: ['code-title'] }, [
                  { type: 'text', value: title },
                ]),
              ]
            : [];
          node.children[i] = element('figure', { className: ['code-block'] }, [...caption, scroll]);
        } else if ('children' in child) walk(child);
      });
    };
    walk(tree);
  };
}
