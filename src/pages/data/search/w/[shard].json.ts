import type { APIRoute, GetStaticPaths } from 'astro';
import { getSearchShards, json } from '../../../../data/search.ts';

/** One posting shard: a run of the vocabulary and the articles holding each word. */
export const getStaticPaths = (async () => {
  const { postings } = await getSearchShards();
  return postings.map((shard, n) => ({ params: { shard: String(n) }, props: { shard } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => json(props.shard);
