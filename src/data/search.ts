/**
 * The search index files, built once per build from the corpus (src/lib/search/shards.ts):
 * the endpoints under src/pages/data/ each write one part of it.
 */
import { buildSearchRecords } from '../lib/search/records.ts';
import { buildSearchShards } from '../lib/search/shards.ts';
import type { SearchShards } from '../lib/search/shards.ts';
import { getCorpus } from './corpus.ts';

let shards: Promise<SearchShards> | undefined;

export function getSearchShards(): Promise<SearchShards> {
  shards ??= getCorpus().then((corpus) => buildSearchShards(buildSearchRecords(corpus)));
  return shards;
}

export const json = (body: unknown): Response =>
  new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
