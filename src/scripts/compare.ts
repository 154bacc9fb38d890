// Compare view: checkboxes choose the columns; the choice lives in the URL (?types=a,b).
// Without JavaScript every column shows, which still works as a comparison.

class PkCompare extends HTMLElement {
  connectedCallback() {
    const boxes = [...this.querySelectorAll<HTMLInputElement>('input[type=checkbox][name=type]')];
    const known = new Set(boxes.map((b) => b.value));
    const fromUrl = (new URL(location.href).searchParams.get('types') ?? '')
      .split(',')
      .filter((id) => known.has(id));
    if (fromUrl.length) for (const b of boxes) b.checked = fromUrl.includes(b.value);
    const apply = () => {
      const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
      // only the cells that change: the page arrives with every column shown
      for (const cell of this.querySelectorAll<HTMLElement>('[data-col]')) {
        const hide = !chosen.includes(cell.dataset.col ?? '');
        if (cell.hidden !== hide) cell.hidden = hide;
      }
      const status = this.querySelector('.compare-status');
      if (status)
        status.textContent =
          chosen.length < 2
            ? 'Choose at least two types to compare them side by side.'
            : `Comparing ${chosen.length} partner types.`;
      const url = new URL(location.href);
      if (chosen.length === boxes.length) url.searchParams.delete('types');
      else url.searchParams.set('types', chosen.join(','));
      history.replaceState(null, '', url);
    };
    this.addEventListener('change', apply);
    this.querySelector('form')?.addEventListener('submit', (e) => e.preventDefault());
    apply();
  }
}
customElements.define('pk-compare', PkCompare);
