/**
 * robots.txt, generated so the sitemap line carries this build's origin and base path
 * (a file in public/ could not know them). Everything may be crawled.
 */
import type { APIRoute } from 'astro';
import { urls } from '../site.ts';

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(urls.asset('sitemap-index.xml'), site).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
