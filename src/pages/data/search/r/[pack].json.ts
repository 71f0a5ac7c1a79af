import type { APIRoute, GetStaticPaths } from 'astro';
import { getSearchShards, json } from '../../../../data/search.ts';

/** One record pack: the search records of a few consecutive articles, fetched when they may be results. */
export const getStaticPaths = (async () => {
  const { packs } = await getSearchShards();
  return packs.map((pack, n) => ({ params: { pack: String(n) }, props: { pack } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => json(props.pack);
