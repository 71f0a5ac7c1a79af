/**
 * The one place that knows every URL pattern of the site. Pure: the base path is an
 * argument (src/site.ts binds it to the build's), so tests can try any sub-path.
 */

export interface SiteUrls {
  home(): string;
  articles(): string;
  article(id: string, anchor?: string): string;
  topics(): string;
  /** A topic's comparison; a filtered view narrows it to one event and/or one speaker ("unattributed" for nobody). */
  topic(id: string, filter?: { event?: string | undefined; speaker?: string | undefined }): string;
  events(): string;
  event(id: string): string;
  outlets(): string;
  outlet(id: string): string;
  people(): string;
  person(id: string): string;
  search(query?: string): string;
  data(name: 'articles' | 'quotes' | 'statements' | 'search-index' | 'search-records'): string;
  feed(): string;
  /** A file in public/, e.g. "favicon.svg". */
  asset(path: string): string;
}

/** Normalises a base path to start and end with one slash: "parallax" → "/parallax/". */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

const segment = (value: string): string => encodeURIComponent(value);

export function createUrls(basePath: string): SiteUrls {
  const base = normalizeBase(basePath);
  const page = (...parts: string[]): string => `${base}${parts.map(segment).join('/')}${parts.length ? '/' : ''}`;
  return {
    home: () => page(),
    articles: () => page('articles'),
    article: (id, anchor) => `${page('articles', id)}${anchor ? `#${segment(anchor)}` : ''}`,
    topics: () => page('topics'),
    topic: (id, filter = {}) =>
      page('topics', id, ...(filter.event ? [filter.event] : []), ...(filter.speaker ? ['by', filter.speaker] : [])),
    events: () => page('events'),
    event: (id) => page('events', id),
    outlets: () => page('outlets'),
    outlet: (id) => page('outlets', id),
    people: () => page('people'),
    person: (id) => page('people', id),
    search: (query) => `${page('search')}${query ? `?q=${encodeURIComponent(query)}` : ''}`,
    data: (name) => `${base}data/${name}.json`,
    feed: () => `${base}rss.xml`,
    asset: (path) => `${base}${path.replace(/^\/+/, '')}`,
  };
}
