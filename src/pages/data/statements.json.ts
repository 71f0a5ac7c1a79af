import type { APIRoute } from 'astro';
import { getCorpus } from '../../data/corpus.ts';

/** Open data: one object per statement, an utterance as one or more outlets quoted it. */
export const GET: APIRoute = async () => {
  const corpus = await getCorpus();
  const body = corpus.statements.map(({ id, event, speaker, quotes, outlets, topics, confidence, earlier }) => ({
    id,
    event,
    speaker,
    speakerListed: speaker ? corpus.person(speaker).listed : null,
    quotes,
    outlets,
    topics,
    confidence,
    earlier: earlier === true,
  }));
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
