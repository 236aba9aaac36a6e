// robots.txt as an endpoint, so the sitemap URL carries the base path and the site URL the
// build was given. (On GitHub Pages under /<repo>/ crawlers only read the host's root
// robots.txt; the file still documents the sitemap for anyone serving dist/ at a root.)
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(`${import.meta.env.BASE_URL}sitemap-index.xml`, site);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap.href}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
