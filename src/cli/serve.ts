/**
 * A tiny static file server for the browser tests, the audit and the benchmark: serves a built site (dist/) the way a
 * static host does, optionally under a base path, on a free port of 127.0.0.1.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

export interface StaticServer {
  /** Origin plus base path, ending in "/": e.g. http://127.0.0.1:41234/parallax/. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Path the site is served under, e.g. "/parallax/"; default "/". */
  base?: string;
  /** Asked first for every request (a measuring page of its own, say); true when it answered. */
  before?: (request: IncomingMessage, response: ServerResponse) => boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();
const isDir = (path: string) => existsSync(path) && statSync(path).isDirectory();

/** Serves `dir` at `base`: /base/x/ → x/index.html, /base/x → redirect to /base/x/ when x is a folder, else 404 (404.html if built). */
export function serve(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
  const root = resolve(dir);
  const base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const server = createServer((request, response) => {
    if (options.before?.(request, response)) return;
    const send = (status: number, file?: string, headers: Record<string, string> = {}) => {
      response.writeHead(status, {
        'Cache-Control': 'no-store',
        ...headers,
        ...(file ? { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' } : {}),
      });
      if (file && request.method !== 'HEAD') createReadStream(file).pipe(response);
      else response.end();
    };
    const notFound = () => {
      const page = join(root, '404.html');
      if (isFile(page)) send(404, page);
      else send(404, undefined, { 'Content-Type': 'text/plain' });
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, undefined, { Allow: 'GET, HEAD' });
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send(400);
    }
    if (!path.startsWith(base)) return notFound();
    const local = resolve(root, `.${sep}${path.slice(base.length)}`);
    // Nothing outside the served folder, whatever the path says.
    if (local !== root && !local.startsWith(root + sep)) return notFound();
    if (isFile(local)) return send(200, local);
    if (isDir(local)) {
      if (!path.endsWith('/')) return send(301, undefined, { Location: `${path}/` });
      const index = join(local, 'index.html');
      if (isFile(index)) return send(200, index);
    }
    return notFound();
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      const origin = `http://127.0.0.1:${port}`;
      resolvePromise({
        url: `${origin}${base}`,
        origin,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
