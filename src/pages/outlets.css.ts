import type { APIRoute } from 'astro';
import { getCorpus } from '../data/corpus.ts';
import { outletStylesheet } from '../lib/outlet-css.ts';

/** Outlet colours from content/outlets.json (a stylesheet, since the CSP forbids inline style attributes). */
export const GET: APIRoute = async () => {
  const { outlets } = await getCorpus();
  return new Response(outletStylesheet(outlets), { headers: { 'Content-Type': 'text/css' } });
};
