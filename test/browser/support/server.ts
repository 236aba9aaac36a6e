// A tiny static server for dist/ under the base path, on 127.0.0.1 and a free port: what
// GitHub Pages does, minus the CDN. Not `astro preview`, which may detach into the
// background under an agent. A folder without its trailing slash redirects to it; a missing
// file gets dist/404.html with status 404.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { BASE, DIST } from './site.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export interface StaticServer { origin: string; root: string; close(): Promise<void> }

function resolve(pathname: string): { file?: string; redirect?: string } {
  if (!pathname.startsWith(BASE)) return {};
  const relative = decodeURIComponent(pathname.slice(BASE.length));
  const file = path.join(DIST, relative);
  if (file !== DIST && !file.startsWith(DIST + path.sep)) return {};
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    if (!pathname.endsWith('/')) return { redirect: `${pathname}/` };
    return fs.existsSync(path.join(file, 'index.html')) ? { file: path.join(file, 'index.html') } : {};
  }
  return fs.existsSync(file) ? { file } : {};
}

export async function serveDist(): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const { file, redirect } = resolve(pathname);
    if (redirect) {
      res.writeHead(301, { Location: redirect }).end();
      return;
    }
    const status = file ? 200 : 404;
    const body = file ?? path.join(DIST, '404.html');
    res.writeHead(status, { 'Content-Type': TYPES[path.extname(body)] ?? 'application/octet-stream' });
    res.end(req.method === 'HEAD' ? undefined : fs.readFileSync(body));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    root: `${origin}${BASE}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
