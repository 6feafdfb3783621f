import { createReadStream } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { escapeHtml } from '../escape-html.js';
import { toJsonText } from '../to-json-text.js';
import { discoverRuns } from './discover-runs.js';
import { renderRunIndex, storeHref } from './render-run-index.js';

/** Options of the run browser. */
export interface ServeStoreOptions {
  /** The store directory (runs live below it). */
  store: string;
  /** 0 picks a free port. */
  port: number;
  /** Interface to bind; 127.0.0.1 unless given, so runs are not shared on the network by accident. */
  host?: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonl': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.edn': 'text/plain; charset=utf-8',
  '.log': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  res.end(body);
}

/**
 * Resolves a URL path below /runs/ to a real path inside the store, or undefined when it would
 * leave it: `..` segments, encoded separators, NUL bytes and symbolic links pointing outside.
 */
export async function resolveInStore(storeReal: string, urlPath: string): Promise<string | undefined> {
  let segments: string[];
  try {
    segments = urlPath
      .split('/')
      .filter((s) => s !== '')
      .map(decodeURIComponent);
  } catch {
    return undefined;
  }
  if (
    segments.some((s) => s === '..' || s === '.' || s.includes('/') || s.includes('\\') || s.includes('\0'))
  ) {
    return undefined;
  }
  const target = resolve(storeReal, ...segments);
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    return undefined;
  }
  return real === storeReal || real.startsWith(storeReal + sep) ? real : undefined;
}

async function serveRuns(storeReal: string, urlPath: string, res: ServerResponse): Promise<void> {
  const rel = urlPath.slice('/runs/'.length);
  const path = await resolveInStore(storeReal, rel);
  if (path === undefined) return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
  const info = await stat(path);
  if (info.isDirectory()) {
    if (!urlPath.endsWith('/')) {
      res.writeHead(301, { location: `${urlPath}/` });
      res.end();
      return;
    }
    const entries = (await readdir(path, { withFileTypes: true }))
      .filter((e) => e.isFile() || e.isDirectory())
      .map((e) => (e.isDirectory() ? `${e.name}/` : e.name))
      .sort();
    const base = rel.replace(/\/$/, '');
    const items = entries
      .map(
        (e) => `<li><a href="${escapeHtml(storeHref(base ? `${base}/${e}` : e))}">${escapeHtml(e)}</a></li>`,
      )
      .join('');
    return send(
      res,
      200,
      'text/html; charset=utf-8',
      `<!doctype html><meta charset="utf-8"><title>${escapeHtml(rel)}</title><p><a href="/">all runs</a></p><h1>${escapeHtml(decodeURIComponent(rel))}</h1><ul>${items}</ul>`,
    );
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
    'content-length': info.size,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  createReadStream(path).pipe(res);
}

/**
 * The run browser: `/` lists every run in the store (discovered afresh on each request),
 * `/runs.json` gives the same list as JSON, and `/runs/<path>` serves the store's files read-only.
 */
export async function serveStore(options: ServeStoreOptions): Promise<{ server: Server; url: string }> {
  const storeDir = resolve(options.store);
  const storeReal = await realpath(storeDir);
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain; charset=utf-8', 'GET only\n');
    const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (urlPath === '/')
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        renderRunIndex(await discoverRuns(storeReal), storeDir),
      );
    if (urlPath === '/runs.json')
      return send(res, 200, 'application/json; charset=utf-8', toJsonText(await discoverRuns(storeReal), 2));
    if (urlPath.startsWith('/runs/')) return serveRuns(storeReal, urlPath, res);
    send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `${String(error)}\n`);
      else res.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, host, () => done());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { server, url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/` };
}
