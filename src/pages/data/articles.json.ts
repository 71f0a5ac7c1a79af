import type { APIRoute } from 'astro';
import { getCorpus } from '../../data/corpus.ts';
import { urls } from '../../site.ts';

/** Open data: one object per article (documented in the README). */
export const GET: APIRoute = async () => {
  const corpus = await getCorpus();
  const body = corpus.articles.map((article) => ({
    id: article.id,
    title: article.title,
    outlet: article.outlet.id,
    outletName: article.outlet.name,
    event: article.event.id,
    published: article.published,
    source: article.source,
    url: urls.article(article.id),
  }));
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
