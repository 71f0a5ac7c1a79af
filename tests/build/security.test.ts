/**
 * The Content-Security-Policy of the built site: a <meta> policy on every page whose hashes
 * cover every inline script and style of that page, and the host headers in _headers.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { headersFor, parseCsp, parseHeadersFile } from '../../src/lib/headers.ts';
import { $, $$, DIST, page, ROOT } from './dist.ts';

const pages = inject('builtPages');
const headersFile = () => readFileSync(join(ROOT, 'public', '_headers'), 'utf8');

/** The page's <meta http-equiv="content-security-policy"> elements. */
const cspMetas = (tree: Root) =>
  $$('meta', tree).filter((m) => String(m.properties.httpEquiv ?? '').toLowerCase() === 'content-security-policy');

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The text a browser hashes: the element's raw text content. */
const rawText = (el: Element) => el.children.map((c) => (c.type === 'text' ? c.value : '')).join('');

/** Elements in document order, to check that the policy comes before what it governs. */
function inOrder(tree: Root): Element[] {
  const out: Element[] = [];
  visit(tree, 'element', (el: Element) => {
    out.push(el);
  });
  return out;
}

/** The directives every policy of the site carries, besides script-src and style-src. */
const REQUIRED: Record<string, string[]> = {
  'default-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

describe('the Content-Security-Policy <meta> of every page', () => {
  it('covers every page of the build', () => {
    expect(pages.length).toBeGreaterThan(10);
  });

  describe.each(pages)('%s', (url) => {
    let tree: Root;
    let metas: Element[];
    let policy: ReturnType<typeof parseCsp>;
    beforeAll(() => {
      tree = page(url);
      metas = cspMetas(tree);
      policy = parseCsp(String(metas[0]?.properties.content ?? ''));
    });

    it('has one CSP <meta> in the head, before every script and inline style', () => {
      expect(metas).toHaveLength(1);
      const head = $('head', tree)!;
      expect($$('meta', head)).toContain(metas[0]);
      const order = inOrder(tree);
      // A policy in a <meta> governs only what comes after it. (The site's own stylesheet
      // links may come first: they are same-origin files the policy allows anyway.)
      const governed = order.filter((el) => el.tagName === 'script' || el.tagName === 'style');
      expect(governed.length).toBeGreaterThan(0);
      for (const el of governed) expect(order.indexOf(metas[0]!)).toBeLessThan(order.indexOf(el));
    });

    it("sets the site's directives and never allows unsafe inline code or eval", () => {
      for (const [name, sources] of Object.entries(REQUIRED)) expect(policy.get(name), name).toEqual(sources);
      for (const name of ['script-src', 'style-src']) {
        const sources = policy.get(name) ?? [];
        expect(sources[0], name).toBe("'self'");
        expect(
          sources.slice(1).every((s) => /^'sha(256|384|512)-[A-Za-z0-9+/]+=*'$/.test(s)),
          name,
        ).toBe(true);
      }
      const all = [...policy.values()].flat();
      for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'http:', 'https:'])
        expect(all, bad).not.toContain(bad);
      // Ignored in a <meta> (Chromium logs an error): it is sent as a header instead.
      expect(policy.has('frame-ancestors')).toBe(false);
    });

    it('lists the hash of every inline <script> and <style> of the page', () => {
      const scripts = $$('script', tree).filter((s) => s.properties.src === undefined && rawText(s).trim());
      const styles = $$('style', tree).filter((s) => rawText(s).trim());
      for (const script of scripts)
        expect(policy.get('script-src'), rawText(script).slice(0, 80)).toContain(sha256(rawText(script)));
      for (const style of styles)
        expect(policy.get('style-src'), rawText(style).slice(0, 80)).toContain(sha256(rawText(style)));
      // External scripts are same-origin files, which 'self' allows.
      for (const script of $$('script[src]', tree)) expect(String(script.properties.src)).toMatch(/^\/(?!\/)/);
    });

    it('has no inline event handlers, style attributes or javascript: URLs (no hash can allow them)', () => {
      visit(tree, 'element', (el: Element) => {
        const names = Object.keys(el.properties);
        expect(
          names.filter((n) => /^on[A-Z]/.test(n)),
          `${el.tagName} handler`,
        ).toEqual([]);
        expect(el.properties.style, `${el.tagName} style attribute`).toBeUndefined();
        for (const attr of ['href', 'src', 'action'])
          expect(String(el.properties[attr] ?? ''), `${el.tagName} ${attr}`).not.toMatch(/^\s*javascript:/i);
      });
    });
  });
});

describe('public/_headers (Netlify, Cloudflare Pages)', () => {
  let rules: ReturnType<typeof parseHeadersFile>;
  let headers: ReturnType<typeof headersFor>;
  beforeAll(() => {
    rules = parseHeadersFile(headersFile());
    headers = headersFor(rules, '/articles/some-article/');
  });
  const header = (name: string) => headers[Object.keys(headers).find((k) => k.toLowerCase() === name) ?? ''];

  it('is copied into the build as is', () => {
    expect(existsSync(join(DIST, '_headers'))).toBe(true);
    expect(readFileSync(join(DIST, '_headers'), 'utf8')).toBe(headersFile());
  });

  it('applies to every path', () => {
    for (const path of ['/', '/search/', '/data/quotes.json', '/og/site.png'])
      expect(headersFor(rules, path)['Content-Security-Policy'], path).toBeTruthy();
  });

  it('sends the hardening headers', () => {
    expect(header('x-content-type-options')).toBe('nosniff');
    expect(header('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(header('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(header('x-frame-options')).toBe('DENY');
    const permissions = (header('permissions-policy') ?? '').split(/\s*,\s*/);
    for (const feature of ['camera', 'microphone', 'geolocation', 'interest-cohort'])
      expect(permissions, feature).toContain(`${feature}=()`);
  });

  it("sends the pages' policy, plus frame-ancestors 'none'", () => {
    const policy = parseCsp(header('content-security-policy') ?? '');
    for (const [name, sources] of Object.entries(REQUIRED)) expect(policy.get(name), name).toEqual(sources);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    // Every directive of a page's <meta> other than the hashed ones is the header's, word for word.
    const meta = parseCsp(String(cspMetas(page(pages[0]!))[0]?.properties.content ?? ''));
    for (const [name, sources] of meta)
      if (name !== 'script-src' && name !== 'style-src') expect(policy.get(name), name).toEqual(sources);
    expect([...policy.keys()].sort()).toEqual([...meta.keys(), 'frame-ancestors'].sort());
  });

  it('allows inline code in the header only for the <meta> to narrow to its hashes (both policies apply)', () => {
    const policy = parseCsp(header('content-security-policy') ?? '');
    // The header cannot know the build's hashes; the <meta> policy (tested above) then
    // admits only hashed inline elements, since a browser enforces both policies.
    expect(policy.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('script-src')).not.toContain("'unsafe-eval'");
  });
});
