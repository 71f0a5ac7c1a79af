/**
 * Search that scales: the index split so a query downloads only what it needs.
 *
 *   search-index.json     the manifest: every indexed word (sorted), where the posting shards start,
 *                         and which words nearly every article holds (a phrase needs no postings for them)
 *   search-records.json   the article table (SearchData.articles): filters, result headings, order
 *   search/w/<n>.json     posting shards: contiguous runs of the sorted vocabulary, each word with
 *                         the articles that hold it and in which kinds of record (headline, quote, paragraph)
 *   search/r/<n>.json     record packs: the records (headline, dek, quotes, paragraphs) of `pack`
 *                         consecutive articles of the table; among equally likely candidates the
 *                         search takes those of the packs holding most of them (byFewestPacks), so
 *                         a page of results usually comes in one request
 *
 * A query is compiled against the vocabulary (match.ts) exactly as the scorer matches a record's
 * words (exact, other forms, prefix, typo), so the candidate articles are a superset of those the
 * full search would return. Candidates are ranked by an upper bound of their best passage's
 * score, and the records of the best ones are fetched and searched with `searchIndex`. When every
 * candidate is fetched the result is exactly the full search's; otherwise the reader sees the
 * best `limit` articles among those fetched, and can ask for more. Pure: fetching is the loader's job.
 */
import { QUALITY } from './forms.ts';
import { byCodeUnit, compileQuery } from './match.ts';
import type { CompiledPart, CompiledUnit } from './match.ts';
import {
  cleanFilters,
  DEFAULT_TUNING,
  filteredArticles,
  PARTIAL_PENALTY,
  parseQuery,
  passesFilters,
  relevance,
  searchIndex,
} from './query.ts';
import type { SearchFilters, SearchResults } from './query.ts';
import { recordWords } from './records.ts';
import type { RecordKind, SearchArticle, SearchData, SearchRecord } from './records.ts';

export { indexWords } from './records.ts';

/** Bits of a posting: which kinds of record of the article hold the word. */
export const KIND_BITS: Record<RecordKind, number> = { headline: 1, heading: 2, quote: 4, paragraph: 8 };
/** Kinds in the order of their field bonus (the best kind an article holds bounds its score). */
const KINDS: RecordKind[] = ['headline', 'heading', 'quote', 'paragraph'];
/** A posting is (article delta) × KIND_SPAN + kind bits. */
const KIND_SPAN = 16;

export const SHARDS_FORMAT = 'parallax-search-shards/3';

/** search-index.json. */
export interface SearchManifest {
  format: typeof SHARDS_FORMAT;
  /** Every word of two or more characters in the folded records (their texts and quotes' speakers), sorted by code unit. */
  words: string[];
  /** Index in `words` of each posting shard's first word, ascending (the first is 0). */
  shards: number[];
  /**
   * Indices in `words` of the words nearly every article holds (COMMON_SHARE): a phrase needs
   * no postings for them ("out of the sky" asks for those of "out" and "sky"), since the
   * passages searched afterwards must hold the phrase word for word anyway.
   */
  common: number[];
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
   * (article index − previous article index) × 16 + kind bits. The previous index starts at −1.
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
  packs: PackedRecord[][][];
  table: SearchTable;
}

/** Articles a search shows at first (the search page's page of results). */
export const PAGE = 10;
/** Postings per shard: about 8 kB gzip each. */
export const SHARD_POSTINGS = 16_000;
/** Articles per record pack: about 21 kB gzip each. */
export const PACK_ARTICLES = 16;
/** Share of the articles a word must be in to be common (SearchManifest.common). */
export const COMMON_SHARE = 0.9;

/**
 * A record as its pack stores it: without its article (the pack's place in the table says it)
 * and its id when that is the article's id and the anchor ("<article>--q3-1"); else the id's end ("title").
 */
export type PackedRecord = Omit<SearchRecord, 'id' | 'article'> & { id?: string };

function packRecord({ id, article, ...record }: SearchRecord): PackedRecord {
  const prefix = `${article}--`;
  if (!id.startsWith(prefix)) throw new Error(`search record ${id}: its id does not start with its article's`);
  return id === prefix + record.anchor ? record : { id: id.slice(prefix.length), ...record };
}

function unpackRecord({ id, ...record }: PackedRecord, article: string): SearchRecord {
  return { id: `${article}--${id ?? record.anchor}`, article, ...record };
}

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
  const words = [...postings.keys()].sort(byCodeUnit);
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
        const value = (article - previous) * KIND_SPAN + bits;
        previous = article;
        return value;
      });
    (shards[shards.length - 1] as PostingShard).lists.push(encoded);
    size += list.size;
  });
  // Skipping a word's postings spares a request only when there are several shards to ask for.
  const common =
    shards.length > 1
      ? words.flatMap((word, i) =>
          (postings.get(word) as Map<number, number>).size >= COMMON_SHARE * ids.length ? [i] : [],
        )
      : [];
  return {
    manifest: {
      format: SHARDS_FORMAT,
      words,
      shards: starts,
      common,
      postings: 'search/w/{n}.json',
      records: 'search/r/{n}.json',
      pack,
    },
    postings: shards,
    packs: Array.from({ length: Math.ceil(ids.length / pack) }, (_, n) =>
      ids.slice(n * pack, (n + 1) * pack).map((id) => (records.get(id) as SearchRecord[]).map(packRecord)),
    ),
    table: { articles: data.articles },
  };
}

// ---------------------------------------------------------------------------------------------
// Matching the query against the vocabulary

/** What one query word needs: some matching vocabulary word in the same record. */
interface Requirement {
  matches: ReadonlyMap<number, keyof typeof QUALITY>;
  /** The query term or phrase it belongs to (its quality is the worst of its parts'). */
  group: number;
}

/**
 * The compiled query's requirements, or null when it can match nothing (a word matches no
 * indexed word, or a term has no letters or digits). One-letter words are not indexed and so
 * constrain nothing; nor do a phrase's `common` words while some other word of it does.
 */
export function requirementsOf(
  units: readonly CompiledUnit[],
  common: ReadonlySet<number> = new Set(),
): Requirement[] | null {
  const requirements: Requirement[] = [];
  for (const [group, unit] of units.entries()) {
    if (!unit.phrase && !unit.parts.length) return null;
    const parts = unit.parts.filter((part) => part.part.length >= 2);
    const isCommon = (part: CompiledPart) =>
      unit.phrase && part.matches.size === 1 && common.has(part.matches.keys().next().value as number);
    const telling = parts.filter((part) => !isCommon(part));
    for (const part of telling.length ? telling : parts) requirements.push({ matches: part.matches, group });
  }
  return requirements.some((r) => r.matches.size === 0) ? null : requirements;
}

// ---------------------------------------------------------------------------------------------
// Searching

export interface ShardLoader {
  /** search/w/<n>.json */
  postings(shard: number): Promise<PostingShard>;
  /** search/r/<n>.json */
  records(pack: number): Promise<PackedRecord[][]>;
}

export interface ShardedResults extends SearchResults {
  /** Matching articles: exact when `complete`, else an upper bound (articles holding every word). */
  total: number;
  /** Whether every candidate was searched, so `groups` is the whole result. */
  complete: boolean;
}

export interface Candidate {
  article: number;
  bound: number;
}

/** The record pack holding article `index` of the table (packs of `pack` consecutive articles). */
const packOf = (index: number, pack: number): number => Math.floor(index / pack);

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

/**
 * Candidates best bound first; among equal bounds (most of them: the bound knows only the best
 * kind of record and how well the words matched), those in the record packs holding the most of
 * the tie first — a pack holding a page of them (`page`) is as good as a fuller one — then table
 * order. The articles a page shows then come in one or two packs, not one each, the earliest
 * packs when several would do (the packs earlier queries are likeliest to have loaded), and
 * which ones does not depend on what was loaded before.
 */
export function byFewestPacks(candidates: readonly Candidate[], pack: number, page = PAGE): Candidate[] {
  // Bounds take few values (the best kind of record × how well the words matched): bucket the
  // candidates by bound, in table order within each, instead of sorting thousands of them.
  const tiers = new Map<number, Candidate[]>();
  for (const c of [...candidates].sort((a, b) => a.article - b.article)) {
    const tier = tiers.get(c.bound);
    if (tier) tier.push(c);
    else tiers.set(c.bound, [c]);
  }
  const out: Candidate[] = [];
  for (const bound of [...tiers.keys()].sort((a, b) => b - a)) {
    // Runs of one pack, in table order; the runs holding most first (stable: table order next).
    const runs: Candidate[][] = [];
    for (const c of tiers.get(bound) as Candidate[]) {
      const run = runs[runs.length - 1];
      if (run && packOf((run[0] as Candidate).article, pack) === packOf(c.article, pack)) run.push(c);
      else runs.push([c]);
    }
    runs.sort((a, b) => Math.min(page, b.length) - Math.min(page, a.length));
    for (const run of runs) for (const c of run) out.push(c);
  }
  return out;
}

export interface ShardedSearchOptions {
  /** Most articles to show. */
  limit: number;
  /** Most articles whose records one search may fetch before showing what it has. */
  maxFetch?: number;
}

/**
 * Search over a sharded index. Keeps what it fetched (postings, record packs) for later queries.
 */
export class ShardedSearch {
  readonly #manifest: SearchManifest;
  readonly #table: SearchTable;
  readonly #ids: string[];
  readonly #common: ReadonlySet<number>;
  readonly #loader: ShardLoader;
  readonly #postings = new Map<number, Promise<PostingShard>>();
  readonly #packs = new Map<number, Promise<PackedRecord[][]>>();
  /** Records of the articles searched so far, by article index (kept: the scorer caches its work per record). */
  readonly #unpacked = new Map<number, SearchRecord[]>();

  constructor(manifest: SearchManifest, table: SearchTable, loader: ShardLoader) {
    this.#manifest = manifest;
    this.#table = table;
    this.#ids = Object.keys(table.articles);
    this.#common = new Set(manifest.common);
    this.#loader = loader;
  }

  /** A file fetched once (a failed fetch may be retried). */
  static #once<T>(cache: Map<number, Promise<T>>, n: number, load: (n: number) => Promise<T>): Promise<T> {
    let file = cache.get(n);
    if (!file) {
      file = load(n);
      cache.set(n, file);
      file.catch(() => cache.delete(n));
    }
    return file;
  }

  /** Article `index`'s records (its pack fetched once, its records unpacked once). */
  async #records(index: number): Promise<SearchRecord[]> {
    const { pack } = this.#manifest;
    let records = this.#unpacked.get(index);
    if (!records) {
      const articles = await ShardedSearch.#once(this.#packs, packOf(index, pack), this.#loader.records);
      records = this.#unpacked.get(index);
      if (!records) {
        const article = this.#ids[index] as string;
        records = (articles[index % pack] ?? []).map((record) => unpackRecord(record, article));
        this.#unpacked.set(index, records);
      }
    }
    return records;
  }

  /**
   * Articles that hold every query word in one kind of record, best possible score first; then,
   * for a query of several words, those holding them in different kinds (searchIndex's partial matches).
   */
  async candidates(input: string, filters: SearchFilters): Promise<Candidate[]> {
    return this.#candidates(compileQuery(this.#manifest.words, parseQuery(input)), cleanFilters(filters));
  }

  async #candidates(units: readonly CompiledUnit[], filters: SearchFilters): Promise<Candidate[]> {
    const ids = this.#ids;
    const meta = (i: number) => this.#table.articles[ids[i] as string] as SearchArticle;
    const requirements = requirementsOf(units, this.#common);
    if (!requirements) return [];
    const groups = units.length;
    const starts = this.#manifest.shards;
    const shards = new Map<number, PostingShard>();
    const needed = new Set(requirements.flatMap((r) => [...r.matches.keys()].map((w) => shardOf(starts, w))));
    await Promise.all(
      [...needed].map(async (n) => shards.set(n, await ShardedSearch.#once(this.#postings, n, this.#loader.postings))),
    );

    // Per article: kinds holding every requirement (AND), and per group the best quality (worst part).
    const count = ids.length;
    const all = KIND_SPAN - 1;
    const bits = new Uint8Array(count).fill(all);
    const anywhere = new Uint8Array(count).fill(1);
    const quality = Array.from({ length: groups }, () => new Float32Array(count).fill(1));
    for (const requirement of requirements) {
      const reqBits = new Uint8Array(count);
      const reqQuality = new Float32Array(count);
      for (const [word, grade] of requirement.matches) {
        const q = QUALITY[grade];
        const shard = shards.get(shardOf(starts, word)) as PostingShard;
        let article = -1;
        for (const value of shard.lists[word - shard.first] ?? []) {
          article += Math.floor(value / KIND_SPAN);
          reqBits[article] = (reqBits[article] as number) | (value & all);
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
      // An upper bound of the article's best passage: a perfect distance in its best kind of record.
      const kind = partial ? 'headline' : (KINDS.find((k) => kinds & KIND_BITS[k]) as RecordKind);
      out.push({ article: i, bound: relevance(0, mean, kind) - (partial ? PARTIAL_PENALTY : 0) });
    }
    return byFewestPacks(out, this.#manifest.pack);
  }

  async search(input: string, filters: SearchFilters, options: ShardedSearchOptions): Promise<ShardedResults> {
    const { limit } = options;
    const maxFetch = options.maxFetch ?? limit * 3;
    const query = parseQuery(input);
    const clean = cleanFilters(filters);
    if (!query.phrases.length && !query.terms.length) {
      const matching = clean.outlet || clean.event || clean.topic ? filteredArticles(this.#table.articles, clean) : [];
      const groups = matching.slice(0, limit);
      const empty = { query, filters: clean, passages: 0, similar: [] };
      return { ...empty, groups, total: matching.length, complete: matching.length <= limit };
    }

    const words = this.#manifest.words;
    const candidates = await this.#candidates(compileQuery(words, query), clean);
    // Round one: the best `limit` candidates (all of them when that is at most twice as many).
    // If too few of those really match (a phrase whose words co-occur but not in order), first
    // the other candidates in the packs already fetched for them, which cost no request; then,
    // round two, up to `maxFetch` and the other candidates in their packs. Bounded, so such a
    // query still ends.
    const { pack } = this.#manifest;
    const searched = new Set<number>();
    let results: SearchResults = { query, filters: clean, groups: [], passages: 0, similar: [] };
    const searchAmong = async (articles: Iterable<number>) => {
      const before = searched.size;
      for (const article of articles) searched.add(article);
      if (searched.size === before) return;
      // searchIndex needs records in table order (its tie-break).
      const chosen = [...searched].sort((a, b) => a - b);
      const records = (await Promise.all(chosen.map((i) => this.#records(i)))).flat();
      results = searchIndex({ articles: this.#table.articles, records }, input, clean, DEFAULT_TUNING, words);
    };
    const inPacksOf = (chosen: readonly Candidate[]) => {
      const packs = new Set(chosen.map((c) => packOf(c.article, pack)));
      return candidates.filter((c) => packs.has(packOf(c.article, pack))).map((c) => c.article);
    };
    const first = candidates.slice(0, candidates.length <= 2 * limit ? candidates.length : limit);
    await searchAmong(first.map((c) => c.article));
    if (results.groups.length < limit) await searchAmong(inPacksOf(first));
    if (results.groups.length < limit) await searchAmong(inPacksOf(candidates.slice(0, Math.max(maxFetch, limit))));
    const complete = searched.size >= candidates.length;
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
