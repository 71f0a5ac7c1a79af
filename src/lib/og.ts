/**
 * Link-preview (Open Graph) images: which card a page shares, and the 1200×630 SVG drawn
 * for it (src/pages/og/[...slug].png.ts turns it into a PNG with sharp). Pure: no Astro, no
 * files, no fonts fetched — the SVG names system fonts and the rasteriser picks what is there.
 */
import { normalizeBase } from './urls.ts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** One outlet's share of the colour bar along the card's top edge. */
export interface OgBar {
  color: string;
  /** Relative width (e.g. a quote count); bars with weight 0 are left out. */
  weight: number;
  /** Name shown in the legend at the bottom of the card. */
  label: string;
}

export interface OgCard {
  /** Site name, top left. */
  site: string;
  /** Line above the title, e.g. "NPR · 6 November 2017" or "Topic". */
  kicker?: string | undefined;
  title: string;
  /** A sentence under the title (a dek, a topic's description), drawn when there is room. */
  summary?: string | undefined;
  /** Legend note after the outlet names, e.g. "42 quotations". */
  note?: string | undefined;
  bars: OgBar[];
}

/** The card's key, e.g. "site", "articles/<id>", "topics/<id>": its file is og/<key>.png. */
export type OgKey = 'site' | `articles/${string}` | `topics/${string}`;

/**
 * The card a page shares, by its path (base included): an article page has its own, a topic
 * page and its filtered views share the topic's, every other page the site's.
 */
export function ogKeyFor(pathname: string, basePath: string): OgKey {
  const base = normalizeBase(basePath);
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\/+/, '');
  const match = /^(articles|topics)\/([^/]+)\//.exec(rest);
  if (!match) return 'site';
  const id = decodeURIComponent(match[2] ?? '');
  return match[1] === 'articles' ? `articles/${id}` : `topics/${id}`;
}

/** Site-relative URL of a card's PNG under the base path. */
export function ogImageUrl(key: OgKey, basePath: string): string {
  return `${normalizeBase(basePath)}og/${key.split('/').map(encodeURIComponent).join('/')}.png`;
}

/** Open Graph type of a page: an article page is an "article", everything else a "website". */
export function ogTypeFor(pathname: string, basePath: string): 'article' | 'website' {
  return ogKeyFor(pathname, basePath).startsWith('articles/') ? 'article' : 'website';
}

const escapeXml = (value: string): string =>
  value.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/**
 * Width of a string in ems, estimated on the wide side (DejaVu Serif Bold, the usual fallback
 * on Linux) so that wrapped lines never overflow whatever font the rasteriser finds.
 */
export function estimateEms(text: string): number {
  let ems = 0;
  for (const char of text) {
    if (/[ .,:;'’‘!|ijlIft()[\]]/.test(char)) ems += 0.36;
    else if (/[mwMW—–%@]/.test(char)) ems += 0.98;
    else if (/[A-Z0-9]/.test(char)) ems += 0.76;
    else ems += 0.64;
  }
  return ems;
}

/** Greedy word wrap to `maxEms` per line; the last allowed line ends in "…" when text is left over. */
export function wrapText(text: string, maxEms: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (!line || estimateEms(candidate) <= maxEms) {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] ?? '';
  while (last.includes(' ') && estimateEms(`${last}…`) > maxEms) last = last.slice(0, last.lastIndexOf(' '));
  kept[maxLines - 1] = `${last.replace(/[\s,;:.–—-]+$/, '')}…`;
  return kept;
}

const SERIF = "Charter, 'Bitstream Charter', Georgia, 'DejaVu Serif', 'Liberation Serif', serif";
const SANS = "system-ui, 'Segoe UI', Roboto, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";
const INK = '#1d1d1b';
const MUTED = '#555550';
const PAPER = '#fdfcf9';
const MARGIN = 80;
/** The hairline above the legend. */
const RULE_Y = 512;
const CONTENT_WIDTH = OG_WIDTH - 2 * MARGIN;

/** The title at the largest size that fits (72 px on three lines down to 46 px on five), wrapped. */
function fitTitle(title: string): { size: number; lines: string[] } {
  const steps = [
    { size: 72, maxLines: 3 },
    { size: 60, maxLines: 4 },
    { size: 46, maxLines: 5 },
  ];
  for (const { size, maxLines } of steps) {
    const lines = wrapText(title, CONTENT_WIDTH / size, maxLines);
    if (!lines.at(-1)?.endsWith('…')) return { size, lines };
  }
  return { size: 46, lines: wrapText(title, CONTENT_WIDTH / 46, 5) };
}

/** The card as an SVG document: colour bars, site name, kicker, title and an outlet legend. */
export function ogCardSvg(card: OgCard): string {
  const bars = card.bars.filter((bar) => bar.weight > 0);
  const total = bars.reduce((sum, bar) => sum + bar.weight, 0) || 1;
  let x = 0;
  const strip = bars.map((bar, i) => {
    // The last bar takes the rounding remainder so the strip always spans the card.
    const width = i === bars.length - 1 ? OG_WIDTH - x : Math.round((bar.weight / total) * OG_WIDTH);
    const rect = `<rect x="${x}" y="0" width="${width}" height="24" fill="${escapeXml(bar.color)}"/>`;
    x += width;
    return rect;
  });

  const { size, lines } = fitTitle(card.title);
  const lineHeight = Math.round(size * 1.18);
  const titleTop = card.kicker ? 262 : 216;
  const title = lines
    .map((line, i) => `<tspan x="${MARGIN}" y="${titleTop + i * lineHeight}">${escapeXml(line)}</tspan>`)
    .join('');
  // The summary goes under the title, in as many lines (two at most) as stay above the rule.
  const summaryTop = titleTop + (lines.length - 1) * lineHeight + 62;
  const summaryRoom = Math.min(2, Math.floor((RULE_Y - 28 - summaryTop) / 40) + 1);
  const summaryLines = card.summary && summaryRoom > 0 ? wrapText(card.summary, CONTENT_WIDTH / 30, summaryRoom) : [];
  const summary = summaryLines.length
    ? `<text font-family="${SANS}" font-size="30" fill="${MUTED}">${summaryLines
        .map((line, i) => `<tspan x="${MARGIN}" y="${summaryTop + i * 40}">${escapeXml(line)}</tspan>`)
        .join('')}</text>`
    : '';

  // Legend: a swatch and a name per outlet, as many as fit left of the note.
  const noteWidth = card.note ? Math.ceil(estimateEms(card.note) * 26 * 0.85) + 40 : 0;
  const legendEnd = OG_WIDTH - MARGIN - noteWidth;
  let legendX = MARGIN;
  const legend: string[] = [];
  for (const bar of card.bars) {
    const width = 38 + Math.ceil(estimateEms(bar.label) * 26 * 0.85);
    if (legendX + width > legendEnd) break;
    legend.push(
      `<rect x="${legendX}" y="${RULE_Y + 38}" width="26" height="26" rx="4" fill="${escapeXml(bar.color)}"/>` +
        `<text x="${legendX + 38}" y="${RULE_Y + 61}" font-family="${SANS}" font-size="26" fill="${INK}">${escapeXml(bar.label)}</text>`,
    );
    legendX += width + 36;
  }
  const note = card.note
    ? `<text x="${OG_WIDTH - MARGIN}" y="${RULE_Y + 61}" text-anchor="end" font-family="${SANS}" font-size="26" fill="${MUTED}">${escapeXml(card.note)}</text>`
    : '';

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}">`,
    `<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="${PAPER}"/>`,
    ...strip,
    `<text x="${MARGIN}" y="112" font-family="${SANS}" font-size="30" font-weight="700" letter-spacing="4" fill="${MUTED}">${escapeXml(card.site.toUpperCase())}</text>`,
    card.kicker
      ? `<text x="${MARGIN}" y="166" font-family="${SANS}" font-size="30" fill="${INK}">${escapeXml(card.kicker)}</text>`
      : '',
    `<text font-family="${SERIF}" font-size="${size}" font-weight="700" fill="${INK}">${title}</text>`,
    summary,
    `<line x1="${MARGIN}" y1="${RULE_Y}" x2="${OG_WIDTH - MARGIN}" y2="${RULE_Y}" stroke="#d6d3c8" stroke-width="2"/>`,
    ...legend,
    note,
    '</svg>',
  ].join('');
}
