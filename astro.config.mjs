// @ts-check
import { readFileSync } from 'node:fs';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import rehypeParagraphIds from './src/plugins/rehype-paragraph-ids.ts';
import rehypeQuotes from './src/plugins/rehype-quotes.ts';

/** Public origin of the deployed site (canonical URLs, sitemap, feed). */
const site = process.env.SITE_URL || 'http://localhost:4321';
/** Sub-path the site is served under, e.g. "/parallax/" on GitHub Pages project sites. */
const base = process.env.BASE_PATH || '/';

/** The speakers the quote marker attributes quotes to (the `people` collection's file). */
const people = JSON.parse(readFileSync(new URL('./content/people.json', import.meta.url), 'utf8'));

export default defineConfig({
  site,
  base,
  // Tests build a sub-path copy next to dist/ (OUT_DIR=dist-subpath); everyone else gets dist/.
  outDir: process.env.OUT_DIR || './dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Sitemap of every page but the 404 (sitemap-index.xml; robots.txt points to it: src/pages/robots.txt.ts).
  integrations: [sitemap({ filter: (page) => !/\/404\/?$/.test(new URL(page).pathname) })],
  // A <meta> Content-Security-Policy on every page: Astro adds script-src and style-src with the
  // hashes of the inline scripts and styles it emits (no 'unsafe-inline'). frame-ancestors cannot
  // go in a <meta>: public/_headers sends it, with the rest of this policy (see README, Deploying).
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  markdown: {
    // No code in news articles; Shiki's inline styles would also break the CSP above.
    syntaxHighlight: false,
    // Article text is sacred: no SmartyPants quote curling, no GFM autolinks or strikethrough.
    processor: unified({
      smartypants: false,
      gfm: false,
      rehypePlugins: [rehypeParagraphIds, [rehypeQuotes, { people }]],
    }),
  },
});
