// Home page: the role chips narrow the partner-type cards in place; the choice lives in the
// link (?role=retain). Without JavaScript the chips stay hidden and every card shows.
class PkTypeFilter extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector('form');
    if (!form) return;
    const cards = [...this.querySelectorAll<HTMLElement>('[data-roles]')];
    const radios = [...form.querySelectorAll<HTMLInputElement>('input[name=role]')];
    const wanted = new URL(location.href).searchParams.get('role') ?? '';
    const start = radios.find((r) => r.value === wanted) ?? radios[0];
    if (start) start.checked = true;
    const apply = () => {
      const role = radios.find((r) => r.checked)?.value ?? '';
      let shown = 0;
      for (const card of cards) {
        const match = !role || (card.dataset.roles ?? '').split(' ').includes(role);
        card.hidden = !match;
        if (match) shown++;
      }
      const status = this.querySelector('.type-filter-status');
      if (status) status.textContent = `Showing ${shown} of ${cards.length} partner types.`;
      const url = new URL(location.href);
      if (role) url.searchParams.set('role', role);
      else url.searchParams.delete('role');
      history.replaceState(null, '', url);
    };
    form.hidden = false;
    form.addEventListener('change', apply);
    form.addEventListener('submit', (e) => e.preventDefault());
    apply();
  }
}
customElements.define('pk-type-filter', PkTypeFilter);

export {};
