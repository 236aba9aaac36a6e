// The built site for the browser tests: where dist/ is, whether it exists, and how the
// site's absolute URLs (https://host/base/...) map onto the local server.
import fs from 'node:fs';
import path from 'node:path';
import { BASE_PATH, SITE_URL } from '../../../src/site-config.ts';

export const DIST = path.resolve(import.meta.dirname, '../../../dist');
/** "/three-walls/": the path the site is served under, with both slashes. */
export const BASE = `/${BASE_PATH.replace(/^\/|\/$/g, '')}/`.replace(/^\/\/$/, '/');
/** The public address of the site's root, e.g. https://three-walls.github.io/three-walls/. */
export const PUBLIC_ROOT = new URL(BASE, SITE_URL).href;

export const distReady = fs.existsSync(path.join(DIST, 'index.html'));
export const SKIP_MESSAGE = 'dist/ is missing: browser tests skipped. Run `npm run build` first (npm test does).';
if (!distReady) console.warn(SKIP_MESSAGE);

/** A public URL of the site as the same path on the local server; other URLs unchanged. */
export function toLocal(href: string, origin: string): string {
  return href.startsWith(PUBLIC_ROOT) ? `${origin}${BASE}${href.slice(PUBLIC_ROOT.length)}` : href;
}

export const readDist = (file: string) => fs.readFileSync(path.join(DIST, file), 'utf8');
