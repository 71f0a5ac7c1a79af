import { getCorpus } from './data/corpus.ts';
import { describeSite } from './lib/site-description.ts';
import { createUrls } from './lib/urls.ts';

/** Site-wide settings, bound to this build's base path. */
export const SITE = {
  name: 'Parallax',
  tagline: 'How different newsrooms quoted the same event, side by side.',
} as const;

/** The site's description for search engines, link previews and the feed: which newsrooms, which events. */
export async function siteDescription(): Promise<string> {
  const { articles } = await getCorpus();
  return describeSite(SITE.name, {
    outlets: articles.map((a) => a.outlet.name),
    events: articles.map((a) => a.event),
  });
}

/** Every URL of the site, under the configured base path. */
export const urls = createUrls(import.meta.env.BASE_URL);
