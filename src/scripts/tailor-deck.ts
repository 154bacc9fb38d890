// <pk-tailor-deck>: builds a tailored PPTX in the browser on submit. This file stays tiny: the
// deck data, the deck model, the business-case engine, pptxgenjs and JSZip are fetched when the
// button is pressed, never before. See src/components/TailorDeck.astro for where the numbers come from.
import type { CaseRequest } from '../core/business-case/types.ts';
import {
  assembleDeckData,
  deckSharedDataHref,
  deckTypeDataHref,
  type DeckPageData,
  type DeckSharedData,
  type DeckTypeData,
} from '../core/deck/page-data.ts';
import type { Audience } from '../core/schema/content.ts';
import type { IdSource } from '../core/url-state.ts';

/** Same-origin JSON, fetched once per page (a second deck reuses it). */
const fetched = new Map<string, Promise<unknown>>();
function json<T>(href: string, what: string): Promise<T> {
  let p = fetched.get(href);
  if (!p) {
    p = fetch(href).then((r) => {
      if (!r.ok)
        throw new Error(
          r.status === 404
            ? `${what} is not on this site`
            : `${what} could not be loaded (HTTP ${r.status})`,
        );
      return r.json();
    });
    p.catch(() => fetched.delete(href)); // a failed fetch is tried again on the next press
    fetched.set(href, p);
  }
  return p as Promise<T>;
}

/** The deck data of the request's partner types (src/core/deck/page-data.ts). */
async function deckData(request: CaseRequest): Promise<DeckPageData> {
  const ids = [...new Set(request.mix.map((m) => m.type))];
  const [shared, ...parts] = await Promise.all([
    json<DeckSharedData>(deckSharedDataHref(), 'the deck data'),
    ...ids.map((id) => json<DeckTypeData>(deckTypeDataHref(id), `the partner type "${id}"`)),
  ]);
  return assembleDeckData(shared, parts);
}

/**
 * The query the page was opened with. Not `location.search`: the calculator rewrites the address
 * to the case it computes (bad values left out) as soon as it starts, possibly before this runs.
 */
const openedWith = (): string => {
  const [opened] = performance.getEntriesByType('navigation');
  return new URL(opened?.name ?? location.href).search;
};

/** The latest request a calculator announced with `pk:case-change` (detail: CaseRequest). */
let announced: CaseRequest | undefined;
document.addEventListener('pk:case-change', (e) => {
  const detail = (e as CustomEvent<CaseRequest>).detail;
  if (detail && Array.isArray(detail.mix)) announced = detail;
});

class PkTailorDeck extends HTMLElement {
  #busy = false;
  /** The case in the page's link (business-case pages with a query), once read. */
  #fromLink: Promise<CaseRequest> | undefined;

  connectedCallback() {
    this.querySelector('form')?.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.build();
    });
    if (this.dataset.followCase && openedWith()) this.#fromLink = this.#readLink(openedWith());
  }

  #own(): CaseRequest {
    return JSON.parse(this.dataset.request ?? '{"mix":[]}') as CaseRequest;
  }

  /**
   * Read the link as the calculator does (the one reader, the same options) and say, beside the
   * form, what in it the deck will not use. Loaded only on a business-case page with a query.
   */
  async #readLink(search: string): Promise<CaseRequest> {
    const { readCaseUrl } = await import('../core/url-state.ts');
    const own = this.#own();
    const ids = JSON.parse(
      this.querySelector('script[data-case-ids]')?.textContent ?? 'null',
    ) as IdSource | null;
    if (!ids) return own;
    const { request, problems } = readCaseUrl(
      search,
      ids,
      this.dataset.followCase === 'type'
        ? { fixedType: own.mix[0]?.type }
        : { defaultMix: own.mix },
    );
    const box = this.querySelector<HTMLElement>('[data-link-problems]');
    if (box && problems.length) {
      box.textContent = problems
        .map((p) => `The link's ${p.param} is not used in the deck: ${p.message}.`)
        .join(' ');
      box.hidden = false;
    }
    return request;
  }

  #status(text: string, error = false) {
    const el = this.querySelector<HTMLElement>('[data-deck-status]');
    if (!el) return;
    el.textContent = text;
    el.classList.toggle('error', error);
  }

  /**
   * The request to build: on business-case pages (data-follow-case), the calculator's current one
   * (its live `data-request`, else the last `pk:case-change`, else the page's link); elsewhere
   * this element's own `data-request`.
   */
  async #request(): Promise<CaseRequest> {
    const own = this.#own();
    if (!this.dataset.followCase) return own;
    const live = document.querySelector<HTMLElement>('pk-calculator[data-request]')?.dataset
      .request;
    if (live) {
      try {
        const parsed = JSON.parse(live) as CaseRequest;
        if (Array.isArray(parsed.mix) && parsed.mix.length) return parsed;
      } catch {
        // fall through to the event or the URL
      }
    }
    if (announced) return announced;
    return (await this.#fromLink) ?? own;
  }

  async build() {
    if (this.#busy) return;
    const form = this.querySelector('form')!;
    const field = (name: string) =>
      (
        (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value ?? ''
      ).trim();
    const prospect = field('prospect');
    if (!prospect) {
      this.#status("Enter the prospect's company name first.", true);
      (form.elements.namedItem('prospect') as HTMLInputElement | null)?.focus();
      return;
    }
    const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
    this.#busy = true;
    if (button) button.disabled = true;
    this.#status('Building the deck…');
    try {
      const base = await this.#request();
      // The form's pickers win; left on their first option they keep the case's own vertical and segment.
      const request: CaseRequest = {
        ...base,
        vertical: field('vertical') || base.vertical,
        segment: field('segment') || base.segment,
      };
      const [data, { tailorDeck }, { renderPptx }] = await Promise.all([
        deckData(request),
        import('../core/deck/tailor.ts'),
        import('../core/deck/render-pptx.ts'),
      ]);
      const audience = (field('audience') || undefined) as Audience | undefined;
      const { deck } = tailorDeck(
        data.dataset,
        data.templates,
        request,
        {
          company: prospect,
          contact: field('contact') || undefined,
          region: field('region') || undefined,
        },
        data.typeNames,
        { stories: data.stories, audience, playsFor: (id) => data.plays[id] },
      );
      const blob = await renderPptx(deck, { output: 'blob' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = deck.meta.fileName;
      a.hidden = true;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      this.#status(
        `Downloaded ${deck.meta.fileName}: ${deck.slides.length} slides, ${Math.max(1, Math.round(blob.size / 1024))} KB. NPV ${deck.figures.npv}, payback ${deck.figures.payback.toLowerCase()}.`,
      );
      this.dispatchEvent(
        new CustomEvent('pk:deck-ready', {
          bubbles: true,
          detail: { fileName: deck.meta.fileName, bytes: blob.size },
        }),
      );
    } catch (e) {
      this.#status(`The deck could not be built: ${(e as Error).message}`, true);
    } finally {
      this.#busy = false;
      if (button) button.disabled = false;
    }
  }
}

customElements.define('pk-tailor-deck', PkTailorDeck);
