import type { Page } from 'playwright-core';

/**
 * What a person would see as broken layout on the page as it is now, one line per problem:
 * the document wider than the viewport (the page scrolls sideways), naming the widest elements
 * that stick out; and text cut off by its own box (overflow hidden or clip, or text-overflow),
 * or spilling out of a box that does not scroll. Content inside a box that scrolls on its own
 * (a wide table in its .table-scroll) is allowed to be wider: that box is the cue.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // Sections the page lays out only near the screen (content-visibility: auto) are laid out
    // now, so their contents are measured too.
    for (const el of document.querySelectorAll<HTMLElement>('*'))
      if (getComputedStyle(el).contentVisibility === 'auto') el.style.contentVisibility = 'visible';
    const problems: string[] = [];
    const vw = document.documentElement.clientWidth;
    const name = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls =
        typeof el.className === 'string' && el.className.trim()
          ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}`
          : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `<${el.tagName.toLowerCase()}${id}${cls}>${text ? ` "${text}"` : ''}`;
    };
    const scrolls = (cs: CSSStyleDeclaration) => /auto|scroll/.test(cs.overflowX);
    const inScroller = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
        if (scrolls(getComputedStyle(p))) return true;
      return false;
    };
    const hiddenish = (el: Element, cs: CSSStyleDeclaration) =>
      cs.display === 'none' ||
      cs.visibility === 'hidden' ||
      el.closest('[hidden], .visually-hidden, [aria-hidden="true"]') !== null ||
      el.getClientRects().length === 0;
    const ownText = (el: Element) =>
      [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());

    const docWidth = document.documentElement.scrollWidth;
    if (docWidth > vw) {
      const wide = [...document.body.querySelectorAll('*')]
        .filter((el) => {
          const cs = getComputedStyle(el);
          return !hiddenish(el, cs) && !inScroller(el) && el.getBoundingClientRect().right > vw + 1;
        })
        .slice(0, 5)
        .map((el) => `${name(el)} to ${Math.round(el.getBoundingClientRect().right)}px`);
      problems.push(`page is ${docWidth}px wide in a ${vw}px viewport: ${wide.join('; ')}`);
    }
    for (const el of document.body.querySelectorAll('*')) {
      const cs = getComputedStyle(el);
      if (hiddenish(el, cs) || !(el.textContent ?? '').trim()) continue;
      if (el instanceof SVGElement || el.tagName === 'SELECT' || el.tagName === 'OPTION') continue;
      const clipX = /hidden|clip/.test(cs.overflowX);
      const clipY = /hidden|clip/.test(cs.overflowY);
      if (scrolls(cs)) continue;
      if ((clipX || cs.textOverflow === 'ellipsis') && el.scrollWidth > el.clientWidth + 1)
        problems.push(
          `text cut off sideways: ${name(el)} (${el.scrollWidth} > ${el.clientWidth}px)`,
        );
      else if (clipY && el.scrollHeight > el.clientHeight + 1)
        problems.push(
          `text cut off below: ${name(el)} (${el.scrollHeight} > ${el.clientHeight}px)`,
        );
      else if (
        !clipX &&
        ownText(el) &&
        cs.display !== 'inline' &&
        !inScroller(el) &&
        el.scrollWidth > el.clientWidth + 1 &&
        el.clientWidth > 0
      )
        problems.push(
          `text spills out of its box: ${name(el)} (${el.scrollWidth} > ${el.clientWidth}px)`,
        );
    }
    return problems;
  });
}

/**
 * On a business-case page, bring the charts near the screen (the calculator starts its engine
 * and draws them only then, see src/scripts/calculator.ts) and wait until they show the case.
 * Elsewhere, return at once.
 */
export async function chartsDrawn(page: Page): Promise<void> {
  const canvas = page.locator('pk-calculator canvas[data-chart]').first();
  if ((await canvas.count()) === 0) return;
  await canvas.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const el = document.querySelector<HTMLElement>('pk-calculator');
    return !!el?.dataset.chartsVersion && el.dataset.chartsVersion === el.dataset.version;
  });
  await page.evaluate(() => window.scrollTo(0, 0));
}
