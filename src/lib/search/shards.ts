/**
 * Search that scales: the index split so a query downloads only what it needs.
 *
 *   search-index.json     the manifest: every indexed word (sorted) and where the posting shards start
 *   search-records.json   the article table (SearchData.articles): filters, result headings, order
 *   search/w/<n>.json     posting shards: contiguous runs of the sorted vocabulary, each word with
 *                         the articles that hold it and in which kinds of record (headline, quote, paragraph)
 *   search/r/<n>.json     record packs: the records (headline, dek, quotes, paragraphs) of `pack`
 *                         consecutive articles of the table, so the best candidates — often neighbours,
 *                         since articles of one event sit together and quote the same words — come in few requests
 *
 * A query is matched against the vocabulary exactly as query.ts's word gate matches a record's
 * words (exact, prefix, typo), so the candidate articles are a superset of those the full
 * search would return. Candidates are ranked by an upper bound of their best passage's score,
 * and the records of the best ones are fetched and searched with Fuse and `searchIndex`, as
 * before. When every candidate is fetched the result is exactly the full search's; otherwise
 * the reader sees the best `limit` articles among those fetched, and can ask for more.
 * Pure: fetching is the loader's job, and Fuse is passed in.
 */
import { FUSE_OPTIONS } from './options.ts';
import {
  cleanFilters,
  DEFAULT_TUNING,
  PARTIAL_PENALTY,
  parseQuery,
  passesFilters,
  relevance,
  searchIndex,
} from './query.ts';
import type { FuseClass, SearchFilters, SearchFuse, SearchGroup, SearchResults } from './query.ts';
import { recordWords } from './records.ts';
import type { RecordKind, SearchArticle, SearchData, SearchRecord } from './records.ts';
import { allowedEdits, editDistance, wordsOf } from './text.ts';

export { indexWords } from './records.ts';

/** Bits of a posting: which kinds of record of the article hold the word. */
export const KIND_BITS: Record<RecordKind, number> = { headline: 1, quote: 2, paragraph: 4 };
const KINDS: RecordKind[] = ['headline', 'quote', 'paragraph'];

export const SHARDS_FORMAT = 'parallax-search-shards/1';

/** search-index.json. */
export interface SearchManifest {
  format: typeof SHARDS_FORMAT;
  /** Every word of two or more characters in the folded records (their texts and quotes' speakers), sorted by code unit. */
  words: string[];
  /** Index in `words` of each posting shard's first word, ascending (the first is 0). */
  shards: number[];
  /** Posting shard URL relative to this file; "{n}" is the shard number. */
  postings: string;
  /** Record pack URL relative to this file; "{n}" is the pack number (article index ÷ `pack`). */
  records: string;
  /** Articles per record pack. */
  pack: number;
}

/** search/w/<n>.json: for each word from `first` on, its postings. */
export interface PostingShard {
  first: number;
  /**
   * One list per word: for each article holding it, in table order,
   * (article index − previous article index) × 8 + kind bits. The previous index starts at −1.
   */
  lists: number[][];
}

/** search-records.json: the article table. */
export type SearchTable = Pick<SearchData, 'articles'>;

/** The files of a sharded index, as the build writes them. */
export interface SearchShards {
  manifest: SearchManifest;
  postings: PostingShard[];
  /** Record packs: for each of `pack` consecutive articles, its records in the order buildSearchRecords made them. */
  packs: SearchRecord[][][];
  table: SearchTable;
}

/** Postings per shard: about 15 kB gzip each. */
export const SHARD_POSTINGS = 16_000;
/** Articles per record pack: about 10 kB gzip each. */
export const PACK_ARTICLES = 4;

/** Splits the records into the manifest, posting shards and record packs. */
export function buildSearchShards(data: SearchData, perShard = SHARD_POSTINGS, pack = PACK_ARTICLES): SearchShards {
  const ids = Object.keys(data.articles);
  const position = new Map(ids.map((id, i) => [id, i]));
  const postings = new Map<string, Map<number, number>>();
  const records = new Map<string, SearchRecord[]>(ids.map((id) => [id, []]));
  for (const record of data.records) {
    const article = position.get(record.article);
    if (article === undefined) throw new Error(`search record ${record.id}: unknown article ${record.article}`);
    records.get(record.article)?.push(record);
    for (const word of recordWords(record)) {
      const list = postings.get(word) ?? new Map<number, number>();
      list.set(article, (list.get(article) ?? 0) | KIND_BITS[record.kind]);
      postings.set(word, list);
    }
  }
  const words = [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const shards: PostingShard[] = [];
  const starts: number[] = [];
  let size = Infinity;
  words.forEach((word, i) => {
    const list = postings.get(word) as Map<number, number>;
    if (size + list.size > perShard && size > 0) {
      starts.push(i);
      shards.push({ first: i, lists: [] });
      size = 0;
    }
    let previous = -1;
    const encoded = [...list]
      .sort((a, b) => a[0] - b[0])
      .map(([article, bits]) => {
        const value = (article - previous) * 8 + bits;
        previous = article;
        return value;
      });
    (shards[shards.length - 1] as PostingShard).lists.push(encoded);
    size += list.size;
  });
  return {
    manifest: {
      format: SHARDS_FORMAT,
      words,
      shards: starts,
      postings: 'search/w/{n}.json',
      records: 'search/r/{n}.json',
      pack,
    },
    postings: shards,
    packs: Array.from({ length: Math.ceil(ids.length / pack) }, (_, n) =>
      ids.slice(n * pack, (n + 1) * pack).map((id) => records.get(id) as SearchRecord[]),
    ),
    table: { articles: data.articles },
  };
}

// ---------------------------------------------------------------------------------------------
// Matching the query against the vocabulary

/** Quality of a word for a query word, as matchTerm grades it. */
const QUALITY = { exact: 1, prefix: 0.5, fuzzy: 0.3 } as const;

/** First index in the sorted `words` not below `word`. */
function lowerBound(words: readonly string[], word: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((words[mid] as string) < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether the sorted `words` hold `word`. */
export function holds(words: readonly string[], word: string): boolean {
  return words[lowerBound(words, word)] === word;
}

/**
 * Vocabulary words (by index) a query word can match in a record, with the best quality each
 * gives: itself; as a prefix (3+ letters, or 2+ when `typing`); within allowedEdits typos, unless
 * the vocabulary holds the word itself. `exactOnly` for phrase words.
 */
export function vocabularyMatches(
  words: readonly string[],
  term: string,
  exactOnly = false,
  typing = false,
): Map<number, number> {
  const found = new Map<number, number>();
  const at = lowerBound(words, term);
  const known = words[at] === term;
  if (known) found.set(at, QUALITY.exact);
  if (exactOnly) return found;
  if (term.length >= (typing ? 2 : 3))
    for (let i = known ? at + 1 : at; i < words.length && (words[i] as string).startsWith(term); i++)
      found.set(i, QUALITY.prefix);
  const max = known ? 0 : allowedEdits(term.length);
  if (max > 0)
    words.forEach((word, i) => {
      if (!found.has(i) && Math.abs(word.length - term.length) <= max && editDistance(word, term, max) <= max)
        found.set(i, QUALITY.fuzzy);
    });
  return found;
}

/** What one query word needs: some matching vocabulary word in the same record. */
interface Requirement {
  matches: Map<number, number>;
  /** The query term or phrase it belongs to (its quality is the worst of its parts'). */
  group: number;
}

/**
 * The query's requirements, or null when it can match nothing (a word matches no indexed word,
 * or a term has no letters or digits). One-letter words are not indexed and so constrain nothing.
 */
export function requirementsOf(
  words: readonly string[],
  input: string,
): { requirements: Requirement[]; groups: number } | null {
  const query = parseQuery(input);
  const requirements: Requirement[] = [];
  let group = 0;
  for (const phrase of query.phrases) {
    for (const part of wordsOf(phrase))
      if (part.text.length >= 2) requirements.push({ matches: vocabularyMatches(words, part.text, true), group });
    group++;
  }
  for (const term of query.terms) {
    if (!wordsOf(term).length) return null;
    const parts = wordsOf(term).filter((part) => part.text.length >= 2);
    // Only the last word of the term being typed can be a two-letter prefix (query.ts's matchTerm).
    parts.forEach((part, i) =>
      requirements.push({
        matches: vocabularyMatches(words, part.text, false, term === query.prefix && i === parts.length - 1),
        group,
      }),
    );
    group++;
  }
  if (requirements.some((r) => r.matches.size === 0)) return null;
  return { requirements, groups: group };
}

// ---------------------------------------------------------------------------------------------
// Searching

export interface ShardLoader {
  /** search/w/<n>.json */
  postings(shard: number): Promise<PostingShard>;
  /** search/r/<n>.json */
  records(pack: number): Promise<SearchRecord[][]>;
}

export interface ShardedResults extends SearchResults {
  /** Matching articles: exact when `complete`, else an upper bound (articles holding every word). */
  total: number;
  /** Whether every candidate was searched, so `groups` is the whole result. */
  complete: boolean;
}

interface Candidate {
  article: number;
  bound: number;
}

/** Shard holding word `index`: the last shard starting at or before it. */
function shardOf(starts: readonly number[], index: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface ShardedSearchOptions {
  /** Most articles to show. */
  limit: number;
  /** Most articles whose records one search may fetch before showing what it has. */
  maxFetch?: number;
}

/**
 * Search over a sharded index. Keeps what it fetched (postings, records, a Fuse per article)
 * for later queries.
 */
export class ShardedSearch {
  readonly #Fuse: FuseClass;
  readonly #manifest: SearchManifest;
  readonly #table: SearchTable;
  readonly #ids: string[];
  readonly #loader: ShardLoader;
  readonly #postings = new Map<number, Promise<PostingShard>>();
  readonly #packs = new Map<number, Promise<SearchRecord[][]>>();
  readonly #articles = new Map<number, Promise<{ records: SearchRecord[]; fuse: SearchFuse }>>();

  constructor(Fuse: FuseClass, manifest: SearchManifest, table: SearchTable, loader: ShardLoader) {
    this.#Fuse = Fuse;
    this.#manifest = manifest;
    this.#table = table;
    this.#ids = Object.keys(table.articles);
    this.#loader = loader;
  }

  #shard(n: number): Promise<PostingShard> {
    let shard = this.#postings.get(n);
    if (!shard) {
      shard = this.#loader.postings(n);
      this.#postings.set(n, shard);
      shard.catch(() => this.#postings.delete(n));
    }
    return shard;
  }

  /** Article `index`'s records (its pack fetched once) and a Fuse over them. */
  #article(index: number): Promise<{ records: SearchRecord[]; fuse: SearchFuse }> {
    let entry = this.#articles.get(index);
    if (!entry) {
      const n = Math.floor(index / this.#manifest.pack);
      let pack = this.#packs.get(n);
      if (!pack) {
        pack = this.#loader.records(n);
        this.#packs.set(n, pack);
        pack.catch(() => this.#packs.delete(n));
      }
      entry = pack.then((articles) => {
        const records = articles[index % this.#manifest.pack] ?? [];
        // Fuse's match indices are not used (query.ts finds the ranges): skip computing them.
        return { records, fuse: new this.#Fuse(records, { ...FUSE_OPTIONS, includeMatches: false }) };
      });
      this.#articles.set(index, entry);
      entry.catch(() => this.#articles.delete(index));
    }
    return entry;
  }

  /**
   * Articles that hold every query word in one kind of record, best possible score first; then,
   * for a query of several words, those holding them in different kinds (searchIndex's partial matches).
   */
  async candidates(input: string, filters: SearchFilters): Promise<Candidate[]> {
    const ids = this.#ids;
    const meta = (i: number) => this.#table.articles[ids[i] as string] as SearchArticle;
    const found = requirementsOf(this.#manifest.words, input);
    if (!found) return [];
    const { requirements, groups } = found;
    const shards = new Map<number, PostingShard>();
    const needed = new Set(
      requirements.flatMap((r) => [...r.matches.keys()].map((w) => shardOf(this.#manifest.shards, w))),
    );
    await Promise.all([...needed].map(async (n) => shards.set(n, await this.#shard(n))));

    // Per article: kinds holding every requirement (AND), and per group the best quality (worst part).
    const count = ids.length;
    const bits = new Uint8Array(count).fill(7);
    const anywhere = new Uint8Array(count).fill(1);
    const quality = Array.from({ length: groups }, () => new Float32Array(count).fill(1));
    for (const requirement of requirements) {
      const reqBits = new Uint8Array(count);
      const reqQuality = new Float32Array(count);
      for (const [word, q] of requirement.matches) {
        const shard = shards.get(shardOf(this.#manifest.shards, word)) as PostingShard;
        let article = -1;
        for (const value of shard.lists[word - shard.first] ?? []) {
          article += value >> 3;
          reqBits[article] = (reqBits[article] as number) | (value & 7);
          if (q > (reqQuality[article] as number)) reqQuality[article] = q;
        }
      }
      const groupQuality = quality[requirement.group] as Float32Array;
      for (let i = 0; i < count; i++) {
        bits[i] = (bits[i] as number) & (reqBits[i] as number);
        if (!reqBits[i]) anywhere[i] = 0;
        if ((reqQuality[i] as number) < (groupQuality[i] as number)) groupQuality[i] = reqQuality[i] as number;
      }
    }
    const out: Candidate[] = [];
    for (let i = 0; i < count; i++) {
      const kinds = bits[i] as number;
      const partial = !kinds && groups > 1 && !!anywhere[i];
      if ((!kinds && !partial) || !passesFilters(meta(i), filters)) continue;
      let mean = 0;
      for (const g of quality) mean += g[i] as number;
      mean /= Math.max(1, groups);
      // An upper bound of the article's best passage: a perfect Fuse score in its best kind of record.
      const kind = partial ? 'headline' : (KINDS.find((k) => kinds & KIND_BITS[k]) as RecordKind);
      out.push({ article: i, bound: relevance(0, mean, kind) - (partial ? PARTIAL_PENALTY : 0) });
    }
    return out.sort((a, b) => b.bound - a.bound || a.article - b.article);
  }

  async search(input: string, filters: SearchFilters, options: ShardedSearchOptions): Promise<ShardedResults> {
    const { limit } = options;
    const maxFetch = options.maxFetch ?? limit * 3;
    const query = parseQuery(input);
    const clean = cleanFilters(filters);
    if (!query.phrases.length && !query.terms.length) {
      if (!clean.outlet && !clean.event && !clean.topic)
        return { query, filters: clean, groups: [], passages: 0, similar: [], total: 0, complete: true };
      // No words, some filters: the filtered articles by their headlines, in table order.
      const matching = this.#ids.filter((id) => passesFilters(this.#table.articles[id] as SearchArticle, clean));
      const groups: SearchGroup[] = matching.slice(0, limit).map((id) => {
        const meta = this.#table.articles[id] as SearchArticle;
        const headline: SearchRecord = { id: `${id}--title`, article: id, kind: 'headline', text: meta.title };
        return {
          article: id,
          meta,
          score: 0,
          hits: [{ record: headline, score: 0, fuseScore: 1, exact: false, ranges: [] }],
          more: 0,
        };
      });
      return {
        query,
        filters: clean,
        groups,
        passages: 0,
        similar: [],
        total: matching.length,
        complete: matching.length <= limit,
      };
    }

    const candidates = await this.candidates(input, clean);
    // Round one: the best `limit` candidates (all of them when that is at most twice as many).
    // Round two, only if too few of those really match: up to `maxFetch`. Two rounds at most, so
    // a query whose words co-occur without matching (a phrase in the wrong order) stays bounded.
    const rounds = [candidates.length <= 2 * limit ? candidates.length : limit, Math.max(maxFetch, limit)];
    let fetched = 0;
    let results: SearchResults = { query, filters: clean, groups: [], passages: 0, similar: [] };
    const words = this.#manifest.words;
    const known = (word: string) => holds(words, word);
    for (const round of rounds) {
      const next = Math.min(candidates.length, round);
      if (next <= fetched) break;
      fetched = next;
      const entries = await Promise.all(candidates.slice(0, fetched).map((c) => this.#article(c.article)));
      // searchIndex needs records in table order (its tie-break) and one Fuse: search each article's.
      const ordered = candidates
        .slice(0, fetched)
        .map((c, i) => ({ c, entry: entries[i] as { records: SearchRecord[]; fuse: SearchFuse } }))
        .sort((a, b) => a.c.article - b.c.article);
      const fuse = {
        search: (pattern: string) => ordered.flatMap(({ entry }) => entry.fuse.search(pattern)),
      } as unknown as SearchFuse;
      const data: SearchData = {
        articles: this.#table.articles,
        records: ordered.flatMap(({ entry }) => entry.records),
      };
      results = searchIndex(fuse, data, input, clean, DEFAULT_TUNING, known);
      if (results.groups.length >= limit) break;
    }
    const complete = fetched >= candidates.length;
    return {
      ...results,
      groups: results.groups.slice(0, limit),
      total: complete ? results.groups.length : candidates.length,
      complete: complete && results.groups.length <= limit,
    };
  }
}

/** Fills a manifest URL template. */
export function shardUrl(template: string, n: number): string {
  return template.replace('{n}', String(n));
}
