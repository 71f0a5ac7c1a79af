import type { APIRoute } from 'astro';
import { getCorpus } from '../../data/corpus.ts';
import { buildSearchRecords } from '../../lib/search/records.ts';

/** The search page's passages and article table (src/lib/search/records.ts), fetched when the reader starts to search. */
export const GET: APIRoute = async () => {
  const data = buildSearchRecords(await getCorpus());
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
