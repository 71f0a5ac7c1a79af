import type { APIRoute } from 'astro';
import { getCorpus } from '../../data/corpus.ts';
import { urls } from '../../site.ts';

/** Open data: one object per quotation (documented in the README). */
export const GET: APIRoute = async () => {
  const corpus = await getCorpus();
  const body = corpus.quotes.map((quote) => ({
    id: quote.id,
    article: quote.article,
    outlet: quote.outlet,
    event: quote.event,
    speaker: quote.speaker,
    speakerName: quote.speaker ? corpus.person(quote.speaker).name : null,
    speakerListed: quote.speaker ? corpus.person(quote.speaker).listed : null,
    text: quote.text,
    kind: quote.kind,
    topics: quote.topics,
    statement: quote.statement,
    speakerConfidence: quote.speakerConfidence,
    topicsConfidence: quote.topicsConfidence,
    earlier: quote.earlier === true,
    url: urls.article(quote.article, quote.anchor),
  }));
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
