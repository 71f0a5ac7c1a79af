/**
 * Link-preview images, drawn at build time from our own content: one for the site, one per
 * article and one per topic (1200×630 PNG; the SVG comes from src/lib/og.ts, sharp rasterises
 * it with system fonts). Base.astro points each page's og:image at its card.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import sharp from 'sharp';
import { getCorpus } from '../../data/corpus.ts';
import { groupedBy } from '../../lib/compare.ts';
import { formatDay } from '../../lib/dates.ts';
import { ogCardSvg, type OgBar, type OgCard, type OgKey } from '../../lib/og.ts';
import { SITE } from '../../site.ts';
import { plural } from '../../lib/words.ts';

export const getStaticPaths = (async () => {
  const corpus = await getCorpus();
  const byArticle = groupedBy(corpus.quotes, 'article', (q) => q.article);
  const byTopic = groupedBy(corpus.quotes, 'topics', (q) => q.topics);
  /** Every outlet's bar, sized by how many of `quotes` it printed. */
  const barsFor = (quotes: typeof corpus.quotes): OgBar[] =>
    corpus.outlets.map((outlet) => ({
      color: outlet.color,
      label: outlet.shortName,
      weight: quotes.filter((q) => q.outlet === outlet.id).length,
    }));
  const cards: { key: OgKey; card: OgCard }[] = [
    {
      key: 'site',
      card: {
        site: SITE.name,
        title: SITE.tagline,
        note: `${plural(corpus.articles.length, 'article')} · ${plural(corpus.quotes.length, 'quotation')}`,
        bars: barsFor(corpus.quotes),
      },
    },
    ...corpus.articles.map((article) => ({
      key: `articles/${article.id}` as const,
      card: {
        site: SITE.name,
        kicker: `${article.outlet.name} · ${formatDay(article.published)}`,
        title: article.title,
        summary: article.dek,
        note: plural(byArticle.get(article.id)?.length ?? 0, 'quotation'),
        bars: [{ color: article.outlet.color, label: article.outlet.shortName, weight: 1 }],
      },
    })),
    ...corpus.topics.map((topic) => {
      const quotes = byTopic.get(topic.id) ?? [];
      return {
        key: `topics/${topic.id}` as const,
        card: {
          site: SITE.name,
          kicker: 'Topic · how each outlet quoted it',
          title: topic.title,
          summary: topic.description,
          note: plural(quotes.length, 'quotation'),
          bars: barsFor(quotes).filter((bar) => bar.weight > 0),
        },
      };
    }),
  ];
  return cards.map(({ key, card }) => ({ params: { slug: key }, props: { card } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: OgCard }> = async ({ props }) => {
  const png = await sharp(Buffer.from(ogCardSvg(props.card)))
    .png()
    .toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
