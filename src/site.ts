import { createUrls } from './lib/urls.ts';

/** Site-wide settings, bound to this build's base path. */
export const SITE = {
  name: 'Parallax',
  tagline: 'How different newsrooms quoted the same event, side by side.',
  description:
    'Parallax lines up the quotations NPR, Nikkei Asian Review and Reuters used in their coverage of the 2017 and 2018 Trump–Abe meetings, statement by statement, and shows how the wording differs.',
} as const;

/** Every URL of the site, under the configured base path. */
export const urls = createUrls(import.meta.env.BASE_URL);
