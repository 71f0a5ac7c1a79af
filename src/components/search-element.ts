/**
 * <parallax-search>: the search page's island. It wraps a plain GET form (which works
 * without it) and, once the reader starts to search, loads the search engine (its own chunk),
 * the index manifest and the article table, then searches as they type, fetching only the index shards and
 * article records each query needs (src/lib/search/shards.ts). Everything the reader typed
 * reaches the page only through textContent and created elements, never as HTML.
 *
 * While the reader types, results are drawn as they come but the status line (a live region)
 * waits for a pause, so a screen reader hears one count, not one per keystroke; and an empty
 * result waits too (the last word may be half-typed), so the list never blinks empty.
 */
import { formatDay } from '../lib/dates.ts';
import { highlight } from '../lib/search/highlight.ts';
import { parseQuery } from '../lib/search/parse.ts';
import type { SearchFilters, SearchGroup, SearchHit } from '../lib/search/query.ts';
import type {
  PackedRecord,
  PostingShard,
  SearchManifest,
  SearchTable,
  ShardedResults,
  ShardedSearch,
} from '../lib/search/shards.ts';
import { emptyStatus, statusOf } from '../lib/search/status.ts';
import type { StatusPart } from '../lib/search/status.ts';
import { createUrls } from '../lib/urls.ts';
import type { SiteUrls } from '../lib/urls.ts';
import { plural } from '../lib/words.ts';

/** Pause after the last keystroke before searching. */
const DEBOUNCE_MS = 150;
/** Pause after the last keystroke before the status is announced (and an empty result shown). */
const QUIET_MS = 800;
/** Characters of a long paragraph shown around its first match. */
const SNIPPET_LENGTH = 260;
/** Articles shown at first, and added by "Show more results" (shards.ts's PAGE: not imported, it is the lazy chunk). */
const PAGE_SIZE = 10;
const FILTERS = ['outlet', 'event', 'topic'] as const;
type FilterName = (typeof FILTERS)[number];

interface SearchState {
  q: string;
  filters: Record<FilterName, string>;
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** A new element with a class and, optionally, its text (never parsed as HTML). */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

class ParallaxSearch extends HTMLElement {
  #input!: HTMLInputElement;
  #status!: HTMLElement;
  #results!: HTMLOListElement;
  #more!: HTMLParagraphElement;
  /** Articles to show for the current query. */
  #limit = PAGE_SIZE;
  #selects = {} as Record<FilterName, HTMLSelectElement>;
  #urls!: SiteUrls;
  #engine: Promise<ShardedSearch> | null = null;
  /** The engine once loaded (#engine is set as soon as loading starts, on focus). */
  #loaded: ShardedSearch | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The status update (and, while typing, an empty result) waiting for the reader to pause. */
  #quietTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the reader last typed (performance.now()). */
  #typed = -Infinity;
  /** Bumped by every search, so a slow earlier one never overwrites a later one's results. */
  #generation = 0;
  /** Writes the running search's history entry, if it is not written yet. */
  #record: (() => void) | null = null;
  #onPopState = () => {
    this.#record = null; // the reader went back or forward: the entry not yet written is dropped
    this.#apply(this.#readUrl());
    void this.#run('none');
  };

  connectedCallback(): void {
    const input = this.querySelector<HTMLInputElement>('input[name="q"]');
    const form = this.querySelector('form');
    const status = this.querySelector<HTMLElement>('[role="status"]');
    const results = this.querySelector('ol');
    if (!input || !form || !status || !results) return;
    this.#input = input;
    this.#status = status;
    this.#results = results;
    for (const name of FILTERS) {
      const select = this.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
      if (select) this.#selects[name] = select;
    }
    this.#urls = createUrls(this.dataset.base ?? '/');
    // More results: a button after the list, shown while the search has more to give.
    this.#more = el('p', 'search-more-results');
    this.#more.hidden = true;
    const more = el('button', 'button', 'Show more results');
    more.type = 'button';
    more.addEventListener('click', () => {
      this.#limit += PAGE_SIZE;
      void this.#run('none', true);
    });
    this.#more.append(more);
    results.after(this.#more);

    // Start loading as soon as the reader shows an intent to search, not before.
    input.addEventListener('focus', () => void this.#load().catch(() => {}), { once: true });
    input.addEventListener('input', () => {
      this.#typed = performance.now();
      clearTimeout(this.#quietTimer);
      this.#busy(true);
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        void this.#run('replace');
      }, DEBOUNCE_MS);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#typed = -Infinity; // Enter: the reader is done typing, say the result at once
      void this.#run('push');
    });
    for (const select of Object.values(this.#selects)) select.addEventListener('change', () => void this.#run('push'));
    this.addEventListener('keydown', (event) => this.#onKeydown(event));
    window.addEventListener('popstate', this.#onPopState);

    const state = this.#readUrl();
    this.#apply(state);
    if (state.q.trim() || FILTERS.some((f) => state.filters[f])) void this.#run('none');
  }

  disconnectedCallback(): void {
    window.removeEventListener('popstate', this.#onPopState);
    this.#record = null;
    clearTimeout(this.#timer);
    clearTimeout(this.#quietTimer);
  }

  /** The engine (its own chunk), the manifest and the article table, fetched once, on first need. */
  #load(): Promise<ShardedSearch> {
    this.#engine ??= (async () => {
      const recordsUrl = this.dataset.recordsUrl;
      const indexUrl = this.dataset.indexUrl;
      if (!recordsUrl || !indexUrl)
        throw new Error('parallax-search: data-records-url and data-index-url are required');
      const [{ ShardedSearch, shardUrl }, table, manifest] = await Promise.all([
        import('../lib/search/shards.ts'),
        fetchJson<SearchTable>(recordsUrl),
        fetchJson<SearchManifest>(indexUrl),
      ]);
      // Shard URLs are relative to the manifest's, so the base path is never rebuilt here.
      const at = (path: string) => new URL(path, new URL(indexUrl, window.location.href)).href;
      const engine = new ShardedSearch(manifest, table, {
        postings: (n) => fetchJson<PostingShard>(at(shardUrl(manifest.postings, n))),
        records: (n) => fetchJson<PackedRecord[][]>(at(shardUrl(manifest.records, n))),
      });
      this.#loaded = engine;
      return engine;
    })();
    // A failed load (offline) may be retried by the next search.
    this.#engine.catch(() => (this.#engine = null));
    return this.#engine;
  }

  #readUrl(): SearchState {
    const params = new URLSearchParams(window.location.search);
    const filters = {} as Record<FilterName, string>;
    for (const name of FILTERS) filters[name] = params.get(name) ?? '';
    return { q: params.get('q') ?? '', filters };
  }

  /** Puts a state into the form; a filter value the select does not offer falls back to "all". */
  #apply(state: SearchState): void {
    this.#input.value = state.q;
    for (const name of FILTERS) {
      const select = this.#selects[name];
      if (!select) continue;
      const known = [...select.options].some((o) => o.value === state.filters[name]);
      select.value = known ? state.filters[name] : '';
    }
  }

  #current(): SearchState {
    const filters = {} as Record<FilterName, string>;
    for (const name of FILTERS) filters[name] = this.#selects[name]?.value ?? '';
    return { q: this.#input.value, filters };
  }

  /** This page's URL for a state (path kept as served, so the base path is never rebuilt here). */
  #urlFor(state: SearchState): string {
    const params = new URLSearchParams();
    if (state.q.trim()) params.set('q', state.q);
    for (const name of FILTERS) if (state.filters[name]) params.set(name, state.filters[name]);
    const search = params.toString();
    return `${window.location.pathname}${search ? `?${search}` : ''}`;
  }

  /**
   * Searches, and records the state in the URL (replace while typing, push on submit and filter
   * change) once the results are drawn: a same-document navigation costs the page a few
   * milliseconds and Chromium fetches the icon again, which the reader would otherwise wait for.
   */
  async #run(history: 'replace' | 'push' | 'none', more = false): Promise<void> {
    if (!more) this.#limit = PAGE_SIZE;
    // An earlier search's history entry goes in first, whether or not its results were drawn.
    this.#record?.();
    const state = this.#current();
    const generation = ++this.#generation;
    this.#busy(true);
    const filters: SearchFilters = state.filters;
    const filtered = FILTERS.some((f) => state.filters[f]);
    // While typing, an empty result waits for a pause: the last word may be half-typed.
    const typing = history === 'replace';
    const query = parseQuery(state.q);
    const searching = query.phrases.length || query.terms.length || filtered ? this.#search(state.q, filters) : null;
    const record = () => {
      if (this.#record !== record) return;
      this.#record = null;
      const url = this.#urlFor(state);
      const here = `${window.location.pathname}${window.location.search}`;
      if (history === 'replace' && url !== here) window.history.replaceState(null, '', url);
      if (history === 'push' && url !== here) window.history.pushState(null, '', url);
    };
    this.#record = record;
    if (!searching) {
      record();
      this.#show([], emptyStatus(state.q), true, typing);
      return;
    }
    let results;
    try {
      results = await searching;
    } catch {
      if (generation === this.#generation) {
        record();
        this.#showLoadError();
        this.#busy(false);
      }
      return;
    }
    if (generation !== this.#generation || !results) return;
    const { groups, complete } = results;
    // After this task, which draws the results; before the status is said (its timer is set next).
    setTimeout(record, 0);
    this.#show(groups, statusOf(state.q, filtered, results), complete, typing && !groups.length);
  }

  /** One search, once the engine is loaded (at once when it is); null when a later search came first. */
  #search(q: string, filters: SearchFilters): Promise<ShardedResults | null> {
    const options = { limit: this.#limit };
    if (this.#loaded) return this.#loaded.search(q, filters, options);
    this.#say(['Loading search…']);
    const generation = this.#generation;
    return this.#load().then((engine) => (generation === this.#generation ? engine.search(q, filters, options) : null));
  }

  /**
   * Draws the results now (or, when `wait`, once the reader pauses) and says the status once
   * they pause: QUIET_MS after the last keystroke, at once if that is past.
   */
  #show(groups: SearchGroup[], status: StatusPart[], complete: boolean, wait: boolean): void {
    const draw = () => {
      this.#results.replaceChildren(...groups.map((group) => this.#renderGroup(group)));
      this.#more.hidden = complete;
      this.#busy(false);
    };
    if (!wait) draw();
    clearTimeout(this.#quietTimer);
    this.#status.setAttribute('aria-busy', 'true');
    this.#quietTimer = setTimeout(
      () => {
        if (wait) draw();
        this.#say(status);
      },
      Math.max(0, this.#typed + QUIET_MS - performance.now()),
    );
  }

  /** Replaces the status line; the reader's words go in <bdi> so they cannot reorder the sentence around them. */
  #say(parts: StatusPart[]): void {
    this.#status.removeAttribute('aria-busy');
    this.#status.replaceChildren(
      ...parts.map((part) => (typeof part === 'string' ? part : el('bdi', undefined, part.echo))),
    );
  }

  /** aria-busy on the results while they are out of date (typed but not yet searched, or loading). */
  #busy(on: boolean): void {
    if (on) this.#results.setAttribute('aria-busy', 'true');
    else if (this.#timer === undefined) this.#results.removeAttribute('aria-busy'); // not while a keystroke waits
  }

  #showLoadError(): void {
    this.#results.replaceChildren();
    this.#more.hidden = true;
    clearTimeout(this.#quietTimer);
    this.#say([]);
    this.#status.append(
      'Search could not be loaded. Try again, or browse by ',
      Object.assign(el('a', undefined, 'topic'), { href: this.#urls.topics() }),
      ' or the ',
      Object.assign(el('a', undefined, 'article list'), { href: this.#urls.articles() }),
      '.',
    );
  }

  #renderGroup(group: SearchGroup): HTMLLIElement {
    const item = el('li', 'search-result');
    item.dataset.article = group.article;

    const heading = el('h2');
    const link = el('a');
    link.href = this.#urls.article(group.article);
    const titleHit = group.hits.find((h) => h.record.kind === 'headline' && h.record.text === group.meta.title);
    this.#fill(link, group.meta.title, titleHit?.ranges);
    heading.append(link);

    const meta = el('p', 'search-meta');
    const outlet = el('span', 'outlet', group.meta.outletName);
    outlet.dataset.outlet = group.meta.outlet;
    const time = el('time', undefined, formatDay(group.meta.published));
    time.dateTime = group.meta.published;
    meta.append(outlet, time);
    item.append(heading, meta);
    if (group.partial) item.append(el('p', 'search-partial', 'The words are in different passages of this article.'));

    const passages = group.hits.filter((h) => h !== titleHit);
    if (passages.length) {
      const list = el('ol', 'search-passages');
      for (const hit of passages) list.append(this.#renderPassage(group, hit));
      item.append(list);
    }
    if (group.more > 0) {
      const more = el('p', 'search-more');
      const all = el('a', undefined, `${plural(group.more, 'more match', 'more matches')} in this article`);
      all.href = this.#urls.article(group.article, group.next); // the first of them
      more.append(all);
      item.append(more);
    }
    return item;
  }

  #renderPassage(group: SearchGroup, hit: SearchHit): HTMLLIElement {
    const { record } = hit;
    const item = el('li', 'search-passage');
    item.dataset.kind = record.kind;
    const link = el('a');
    link.href = this.#urls.article(group.article, record.anchor);
    const quote = record.kind === 'quote';
    const label = el(
      'span',
      'search-passage-label',
      quote
        ? 'Quote · '
        : record.kind === 'headline'
          ? 'Subheadline'
          : record.kind === 'heading'
            ? 'Section'
            : `Paragraph ${record.anchor?.slice(1) ?? ''}`,
    );
    // A quote found by its speaker's name shows the name marked.
    if (quote) this.#fill(label, record.speaker ?? 'unattributed', hit.speakerRanges ?? []);
    link.append(label);
    const text = el('span', 'search-passage-text');
    this.#fill(text, record.text, hit.ranges, quote);
    link.append(text);
    item.append(link);
    return item;
  }

  /** Appends the text to a node as text nodes and <mark>s; with ranges, trimmed to a snippet around the first. */
  #fill(node: HTMLElement, text: string, ranges: SearchHit['ranges'] | undefined, quoted = false): void {
    const segments = highlight(text, { ranges: ranges ?? [], maxLength: ranges ? SNIPPET_LENGTH : undefined });
    if (quoted) node.append('“');
    for (const segment of segments) node.append(segment.hit ? el('mark', undefined, segment.text) : segment.text);
    if (quoted) node.append('”');
  }

  /** ↓/↑ walk from the input through the result links and back; Esc returns to the input. */
  #onKeydown(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const active = document.activeElement;
    const links = [...this.#results.querySelectorAll<HTMLAnchorElement>('a[href]')];
    const index = links.indexOf(active as HTMLAnchorElement);
    const inResults = index >= 0;
    if (event.key === 'Escape' && inResults) {
      event.preventDefault();
      this.#input.focus();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    if (active !== this.#input && !inResults) return; // leave the selects' own arrow keys alone
    if (links.length === 0) return;
    event.preventDefault();
    const step = event.key === 'ArrowDown' ? 1 : -1;
    if (active === this.#input) {
      if (step === 1) links[0]?.focus();
      return;
    }
    const next = index + step;
    if (next < 0) this.#input.focus();
    else links[Math.min(next, links.length - 1)]?.focus();
  }
}

if (!customElements.get('parallax-search')) customElements.define('parallax-search', ParallaxSearch);
