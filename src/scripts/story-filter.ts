// Stories index: the filter selects narrow the list in place, no reload; the choice lives in
// the URL (?type=reseller&audience=cfo) so a recruiter can share it. Without JavaScript the
// form stays hidden and every story shows.

const FACETS = ['type', 'role', 'audience', 'vertical'] as const;

class PkStoryFilter extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector('form');
    if (!form) return;
    const selects = FACETS.map((f) =>
      form.querySelector<HTMLSelectElement>(`select[name=${f}]`),
    ).filter((s): s is HTMLSelectElement => s !== null);
    const cards = [...this.querySelectorAll<HTMLElement>('.story-card')];
    const params = new URL(location.href).searchParams;
    for (const s of selects) {
      const v = params.get(s.name);
      if (v && [...s.options].some((o) => o.value === v)) s.value = v;
    }
    const apply = () => {
      let shown = 0;
      for (const card of cards) {
        const match = selects.every(
          (s) => !s.value || (card.dataset[s.name] ?? '').split(' ').includes(s.value),
        );
        card.hidden = !match;
        if (match) shown++;
      }
      const status = this.querySelector('.filter-status');
      if (status) status.textContent = `Showing ${shown} of ${cards.length} stories.`;
      const empty = this.querySelector<HTMLElement>('.story-empty');
      if (empty) empty.hidden = shown > 0;
      const url = new URL(location.href);
      for (const s of selects) {
        if (s.value) url.searchParams.set(s.name, s.value);
        else url.searchParams.delete(s.name);
      }
      history.replaceState(null, '', url);
    };
    form.hidden = false;
    form.addEventListener('change', apply);
    form.addEventListener('reset', () => setTimeout(apply));
    form.addEventListener('submit', (e) => e.preventDefault());
    apply();
  }
}
customElements.define('pk-story-filter', PkStoryFilter);

export {};
