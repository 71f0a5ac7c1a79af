/**
 * The site's icon, inline in every page's head as a data: URL (250 bytes of SVG). A file would
 * cost a request on every first page view and, on a host that revalidates (Netlify, Cloudflare
 * Pages), another on every same-document navigation: the search page writes its query to the
 * URL after each search, and Chromium then asks for the icon again, beside the next search's own
 * requests. The Content-Security-Policy allows data: images.
 */
import svg from '../assets/favicon.svg?raw';

/** encodeURIComponent: whatever the SVG holds (%, #, quotes), the URL stays one opaque value. */
export const iconDataUrl = `data:image/svg+xml,${encodeURIComponent(svg.trim().replace(/\s+/g, ' '))}`;
