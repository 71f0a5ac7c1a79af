import type { APIRoute } from 'astro';
import Fuse from 'fuse.js';
import { getCorpus } from '../../data/corpus.ts';
import { buildSearchIndex } from '../../lib/search/query.ts';
import { buildSearchRecords } from '../../lib/search/records.ts';

/** Fuse's index over the search records, prebuilt so the browser only parses it (same record order as search-records.json). */
export const GET: APIRoute = async () => {
  const { records } = buildSearchRecords(await getCorpus());
  return new Response(JSON.stringify(buildSearchIndex(Fuse, records)), {
    headers: { 'Content-Type': 'application/json' },
  });
};
