import type { APIRoute } from 'astro';
import { getSearchShards, json } from '../../data/search.ts';

/** The search manifest: the sorted vocabulary and where each posting shard starts (src/lib/search/shards.ts). */
export const GET: APIRoute = async () => json((await getSearchShards()).manifest);
