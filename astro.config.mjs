// @ts-check
import { readFileSync } from 'node:fs';
import { unified } from '@astrojs/markdown-remark';
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
  markdown: {
    // Article text is sacred: no SmartyPants quote curling, no GFM autolinks or strikethrough.
    processor: unified({
      smartypants: false,
      gfm: false,
      rehypePlugins: [rehypeParagraphIds, [rehypeQuotes, { people }]],
    }),
  },
});
