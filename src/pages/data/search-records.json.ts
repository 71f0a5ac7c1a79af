import type { APIRoute } from 'astro';
import { getSearchShards, json } from '../../data/search.ts';

/** The search page's article table (src/lib/search/records.ts), fetched when the reader starts to search. */
export const GET: APIRoute = async () => json((await getSearchShards()).table);
