/**
 * <pk-calculator>: the business-case calculator in the browser.
 *
 * The page is rendered at build time with the default case; this element reads its settings
 * from its `<script type="application/json" id="pk-case-data">`, fetches the dataset slice the
 * file named there holds (src/site/calculator-data.ts), applies the case in the
 * link (validated by the engine's request parser, see src/core/url-state.ts), and recomputes
 * with the same engine on every input. Charts load with import() after the first paint.
 *
 * Contract with other scripts (the deck form reads it):
 * - Whenever the case recomputes, the element sets `data-request` to the JSON of the current
 *   request ({ mix: [{ type, weight }], vertical?, segment?, product?, overrides }) and
 *   dispatches `pk:case-change` on `document` with that request as `detail`.
 * - `element.request` and `element.lastCase` hold the current request and its full CaseResult
 *   (the last valid one: a bad entry never replaces it). `element.charts` holds the Chart
 *   instances once drawn. `data-pending` is set while a full case is waiting; `data-version` counts full cases rendered and `data-charts-version`
 *   the full case the charts show; `data-preview-version` counts fast main-case renders (the
 *   step run on every input, see #recompute), so tests and the bench can wait for either.
 */
import { MAIN_ONLY, runCase } from '../core/business-case/index.ts';
import { parseNumber, weightNotice } from '../core/business-case/request.ts';
import type { CaseRequest, CaseResult, MixPart } from '../core/business-case/types.ts';
import { readField } from '../core/field-units.ts';
import { formatter, monthlyCsvRows, type Fmt } from '../core/result-display.ts';
import { toCsv } from '../core/csv.ts';
import type { Dataset } from '../core/dataset.ts';
import type { AssumptionKey } from '../core/assumption-registry.ts';
import { canonicalMix, caseSearch, cleanRequest, readCaseUrl } from '../core/url-state.ts';
import { assumptionInputs, mixInputs, setFieldMessage, syncFields } from './calculator/form.ts';
import { renderCase } from './calculator/render.ts';
import type { CaseCharts } from './calculator/charts.ts';
// the print-only inputs and link follow the case (one bundle with the calculator)
import './case-print.ts';

interface Config {
  mode: 'type' | 'mix';
  type?: string;
  defaultMix: MixPart[];
  dataset: Dataset;
}

export const CASE_CHANGE = 'pk:case-change';
const ANNOUNCE_AFTER_MS = 800;
/** Pause in input before the full case (scenarios, sensitivity, break-even) is run. */
const FULL_AFTER_MS = 150;
/** What a user can do to the form before the dataset has arrived (kept and replayed). */
const EARLY_EVENTS = ['input', 'change', 'click'] as const;

export class PkCalculator extends HTMLElement {
  request!: CaseRequest;
  lastCase: CaseResult | undefined;
  charts: CaseCharts | undefined;
  #config!: Config;
  #fmt!: Fmt;
  #inputs = new Map<AssumptionKey, HTMLInputElement>();
  #mix: HTMLInputElement[] = [];
  #version = 0;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  #fullTimer: ReturnType<typeof setTimeout> | undefined;
  #pending: { request: CaseRequest; announce: boolean } | undefined;
  /** The case on screen: the last main-case run, or the full case once it is in. */
  #shown: CaseResult | undefined;

  connectedCallback(): void {
    const json = this.querySelector('script[type="application/json"]')?.textContent;
    if (!json) return;
    const { dataHref, ...config } = JSON.parse(json) as Omit<Config, 'dataset'> & {
      dataHref: string;
    };
    // The page shows the default case from the start; the dataset the engine needs comes from
    // its own file, after the first paint. What the user does before it arrives is kept and
    // replayed once it is here, so nothing typed is lost.
    const early: Event[] = [];
    const keep = (e: Event) => early.push(e);
    for (const type of EARLY_EVENTS) this.addEventListener(type, keep);
    this.querySelector('form')?.addEventListener('submit', (e) => e.preventDefault());
    fetch(dataHref)
      .then((r) => {
        if (!r.ok) throw new Error(`${dataHref}: HTTP ${r.status}`);
        return r.json() as Promise<Dataset>;
      })
      .then((dataset) => {
        for (const type of EARLY_EVENTS) this.removeEventListener(type, keep);
        this.#ready({ ...config, dataset }, early);
      })
      .catch((err: unknown) => {
        this.#status(
          `The calculator could not load its data (${err instanceof Error ? err.message : String(err)}): reload the page to change the inputs.`,
        );
      });
  }

  #ready(config: Config, early: readonly Event[]): void {
    this.#config = config;
    const { dataset } = config;
    this.#fmt = formatter({ currency: dataset.vendor.currency, locale: dataset.vendor.locale });
    this.#inputs = assumptionInputs(this);
    this.#mix = mixInputs(this);

    const options =
      this.#config.mode === 'type' && this.#config.type
        ? { fixedType: this.#config.type }
        : { defaultMix: this.#config.defaultMix };
    const { request, problems } = readCaseUrl(location.search, dataset, options);
    this.request = request;
    // (a field the user already changed keeps what they typed)
    this.#showRequestInForm(new Set(early.map((e) => e.target)));
    const linkNotes: string[] = [];
    for (const p of problems) {
      const input = p.field ? this.#inputs.get(p.field) : undefined;
      if (input && p.field)
        setFieldMessage(
          input,
          `err-${p.field}`,
          `The value in the link was not used: ${p.message}`,
          false,
        );
      else linkNotes.push(`The link's ${p.param} was not used: ${p.message}`);
    }
    this.#status(linkNotes.join(' '));

    this.addEventListener('input', (e) => this.#onInput(e));
    this.addEventListener('change', (e) => this.#onChange(e));
    this.addEventListener('click', (e) => this.#onClick(e));
    this.dataset.ready = '';
    if (early.length) {
      // used before the data came: apply what was done, in order, and start
      for (const e of early)
        if (e.type === 'input') this.#onInput(e);
        else if (e.type === 'change') this.#onChange(e);
        else this.#onClick(e);
      this.#start();
      return;
    }
    // The page arrives with the default case rendered at build time. With no case in the link
    // there is nothing to recompute until the case is used: the engine and the charts start
    // when the charts come near the screen, the form is touched or the page is printed, so a
    // phone opening the page spends no time on them up front (Lighthouse's blocking time).
    if (location.search) this.#start();
    else this.#startWhenNeeded();
  }

  #started = false;

  #start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#recompute(false);
    // Charts after the first paint: chart.js stays out of the up-front JavaScript.
    requestAnimationFrame(() => setTimeout(() => void this.#loadCharts(), 0));
  }

  #startWhenNeeded(): void {
    const events = ['focusin', 'pointerdown', 'keydown'] as const;
    const start = () => {
      seen.disconnect();
      for (const e of events) this.removeEventListener(e, start);
      removeEventListener('beforeprint', start);
      this.#start();
    };
    const seen = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && start(),
      // "Near": within about a screen below; a desktop's charts sit just under the fold
      // (below the key figures and the tier cards), a phone's thousands of pixels down.
      { rootMargin: '600px 0px' },
    );
    for (const chart of this.querySelectorAll('canvas[data-chart]')) seen.observe(chart);
    for (const e of events) this.addEventListener(e, start);
    addEventListener('beforeprint', start);
  }

  async #loadCharts(): Promise<void> {
    const { createCharts } = await import('./calculator/charts.ts');
    if (!this.lastCase || this.charts) return;
    this.charts = createCharts(this, this.lastCase, this.#fmt);
    this.dataset.chartsVersion = String(this.#version);
  }

  #showRequestInForm(keep: ReadonlySet<EventTarget | null> = new Set()): void {
    for (const picker of ['vertical', 'segment', 'product'] as const) {
      const select = this.querySelector<HTMLSelectElement>(`select[data-picker="${picker}"]`);
      if (select && !keep.has(select)) select.value = this.request[picker] ?? '';
    }
    for (const input of this.#mix) {
      if (keep.has(input)) continue;
      const part = this.request.mix.find((m) => m.type === input.dataset.mixType);
      input.value = String(part ? Math.round(part.weight * 1000) / 10 : 0);
      setFieldMessage(input, `err-mix-${input.dataset.mixType}`, undefined);
    }
  }

  #onInput(e: Event): void {
    const target = e.target;
    if (target instanceof HTMLSelectElement && target.dataset.picker) {
      const picker = target.dataset.picker as 'vertical' | 'segment' | 'product';
      if (target.value) this.request[picker] = target.value;
      else delete this.request[picker];
      this.#recompute();
      return;
    }
    if (!(target instanceof HTMLInputElement)) return;
    if (target.dataset.mixType !== undefined) {
      this.#readMix();
      return;
    }
    const key = target.dataset.key as AssumptionKey | undefined;
    if (!key || !this.#inputs.has(key)) return;
    const read = readField(key, target.value, target.validity.badInput);
    if (!read.ok) {
      // The last valid case stays on screen; only this field says what is wrong.
      setFieldMessage(target, `err-${key}`, read.message);
      return;
    }
    setFieldMessage(target, `err-${key}`, undefined);
    const overrides = (this.request.overrides ??= {});
    if (overrides[key] === undefined && this.#shown && read.value === this.#shown.assumptions[key])
      return;
    overrides[key] = read.value;
    this.#recompute();
  }

  #onChange(e: Event): void {
    // On leaving a valid field, show its value in tidy form; an invalid entry stays for the user to fix.
    const t = e.target;
    if (
      t instanceof HTMLInputElement &&
      t.dataset.key &&
      t.getAttribute('aria-invalid') !== 'true' &&
      this.#shown
    ) {
      syncFields(this.#inputs, this.#shown, this.request, null, this.#fmt);
    }
  }

  #readMix(): void {
    const parts: MixPart[] = [];
    let bad = false;
    for (const input of this.#mix) {
      const type = input.dataset.mixType ?? '';
      const text = input.value.trim();
      const n = input.validity.badInput ? undefined : text === '' ? 0 : parseNumber(text);
      if (n === undefined || n < 0 || n > 100) {
        setFieldMessage(input, `err-mix-${type}`, 'Enter a share from 0 to 100 (percent).');
        bad = true;
        continue;
      }
      setFieldMessage(input, `err-mix-${type}`, undefined);
      if (n > 0) parts.push({ type, weight: n });
    }
    const mixError = this.querySelector<HTMLElement>('#err-mix');
    const none = !bad && parts.length === 0;
    if (mixError) {
      mixError.textContent = none ? 'Give at least one partner type a share above 0.' : '';
      mixError.hidden = !none;
    }
    if (bad || none) return;
    // Shares that do not add up to 100% are scaled, and the form says so.
    const names = new Map(this.#config.dataset.partnerTypes.map((t) => [t.id, t.name]));
    this.#status(
      weightNotice(
        parts,
        'percent',
        this.#config.dataset.vendor.locale,
        (id) => names.get(id) ?? id,
      ) ?? '',
    );
    this.request.mix = canonicalMix(parts);
    this.#recompute();
  }

  #onClick(e: Event): void {
    const button = (e.target as Element | null)?.closest?.('button[data-action]');
    if (!(button instanceof HTMLButtonElement)) return;
    const action = button.dataset.action;
    if (action === 'reset') {
      this.request = {
        mix:
          this.#config.mode === 'type'
            ? this.request.mix
            : this.#config.defaultMix.map((m) => ({ ...m })),
        overrides: {},
      };
      for (const [key, input] of this.#inputs) setFieldMessage(input, `err-${key}`, undefined);
      this.#showRequestInForm();
      this.#recompute();
      this.#status('Inputs reset to the defaults.');
    } else if (action === 'csv') this.#downloadCsv();
    else if (action === 'copy-link') {
      const fallback = () =>
        this.#status('Copy the address from the address bar to share this case.');
      if (navigator.clipboard)
        navigator.clipboard
          .writeText(location.href)
          .then(() => this.#status('Link copied: anyone who opens it sees this case.'), fallback);
      else fallback();
    }
  }

  #status(text: string): void {
    const s = this.querySelector('[data-out="form-status"]');
    if (s) s.textContent = text;
  }

  /**
   * Recompute in two steps so typing stays within a frame: the main case (figures, sentence,
   * revenue and cash charts, tables) at once, without the extra simulations; then, once input
   * pauses, the full case (scenarios, sensitivity, break-even), which also becomes `lastCase`.
   */
  #recompute(announce = true): void {
    const started = performance.now();
    let main: CaseResult;
    try {
      main = runCase(this.#config.dataset, this.request, MAIN_ONLY);
    } catch (err) {
      // A request the engine refuses: keep the last valid case and say why.
      this.#status(
        `That combination cannot be computed: ${err instanceof Error ? err.message : String(err)}`,
      );
      if (this.lastCase) this.request = cleanRequest(this.lastCase.request);
      return;
    }
    this.#shown = main;
    renderCase(this, main, this.#fmt, true);
    syncFields(this.#inputs, main, this.request, document.activeElement, this.#fmt);
    this.charts?.updateMain(main);
    this.dataset.previewVersion = String(Number(this.dataset.previewVersion ?? 0) + 1);
    // Visible in DevTools' performance panel, and read by bench/calculator.ts.
    performance.measure('pk:main-case', { start: started });

    const request = cleanRequest(this.request);
    this.dataset.request = JSON.stringify(request);
    document.dispatchEvent(new CustomEvent(CASE_CHANGE, { detail: cleanRequest(request) }));

    clearTimeout(this.#fullTimer);
    this.#pending = { request, announce };
    this.toggleAttribute('data-pending', true);
    if (this.lastCase) this.#fullTimer = setTimeout(() => this.#flush(), FULL_AFTER_MS);
    else this.#flush();
  }

  /** Run and render the full case now, if one is waiting (before a CSV download, say). */
  #flush(): void {
    clearTimeout(this.#fullTimer);
    const pending = this.#pending;
    if (!pending || !this.isConnected) return;
    this.#pending = undefined;
    this.removeAttribute('data-pending');
    const started = performance.now();
    let result: CaseResult;
    try {
      result = runCase(this.#config.dataset, pending.request);
    } catch {
      return;
    }
    this.lastCase = result;
    this.#shown = result;
    this.#version++;
    // The link follows the case once input pauses (replaceState on every keystroke is slow).
    const search = caseSearch(pending.request, { mixInPath: this.#config.mode === 'type' });
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    renderCase(this, result, this.#fmt);
    this.charts?.update(result);
    this.dataset.version = String(this.#version);
    if (this.charts) this.dataset.chartsVersion = String(this.#version);
    performance.measure('pk:full-case', { start: started });
    if (pending.announce) this.#announce(result.sentence);
  }

  /** Tell screen-reader users the new result once typing pauses, not on every keystroke. */
  #announce(sentence: string): void {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      const live = this.querySelector('[data-out="announce"]');
      if (live) live.textContent = `Updated: ${sentence}`;
    }, ANNOUNCE_AFTER_MS);
  }

  #downloadCsv(): void {
    this.#flush();
    const r = this.lastCase;
    if (!r) return;
    const { header, rows } = monthlyCsvRows(r);
    const blob = new Blob(['\uFEFF', toCsv(header, rows)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `business-case-${r.request.mix.map((m) => m.type).join('-')}.csv`;
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

if (!customElements.get('pk-calculator')) customElements.define('pk-calculator', PkCalculator);
