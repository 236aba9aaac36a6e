// A report body as HTML a feed reader can show: the MDX rendered with Astro's
// Container API (the same components the page uses), then sanitized: no scripts, styles,
// classes or inline SVG charts (their figure caption stays), and every link and image URL
// absolute, because a feed is read away from the site.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { render, type CollectionEntry } from 'astro:content';
import { getContainerRenderer as mdxRenderer } from '@astrojs/mdx/container-renderer';
import sanitizeHtml from 'sanitize-html';
import { COMPONENTS as REPORT_COMPONENTS } from '../../lib/report/mdx.ts';

/**
 * The components a generated report names (src/lib/report/mdx.ts COMPONENTS), the same ones
 * src/pages/models/[slug].astro passes. Loaded with import.meta.glob because plain `tsc`
 * cannot type an import of an .astro file from a .ts module.
 */
const modules = import.meta.glob<{ default: unknown }>('../../components/{Command,DataTable,Fold,Link,MemoryChart,VerdictBadge}.astro', { eager: true });
const COMPONENTS = Object.fromEntries(Object.entries(modules).map(([file, m]) => [file.replace(/^.*\/|\.astro$/g, ''), m.default]));
for (const name of REPORT_COMPONENTS) if (!(name in COMPONENTS)) throw new Error(`report component ${name} not found for the feed`);

let container: Promise<AstroContainer> | undefined;
const getContainer = () => (container ??= loadRenderers([mdxRenderer()]).then((renderers) => AstroContainer.create({ renderers })));

/** `pageUrl` is the entry's own page: relative links and "#…" fragments resolve against it. */
export function sanitizeForFeed(html: string, pageUrl: string): string {
  const absolute = (value: string) => {
    try {
      return new URL(value, pageUrl).href;
    } catch {
      return value;
    }
  };
  return sanitizeHtml(html, {
    // details/summary kept: a report folds its arithmetic, and the fold's label must not read as a stray line.
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'details', 'summary'],
    allowedAttributes: {
      a: ['href', 'title'],
      img: ['src', 'alt', 'width', 'height'],
      th: ['scope', 'colspan', 'rowspan'],
      td: ['colspan', 'rowspan'],
      time: ['datetime'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    // Drop the chart's SVG with its text, which would read as a jumble of labels.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'svg'],
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: attribs.href ? { ...attribs, href: absolute(attribs.href) } : attribs }),
      img: (tagName, attribs) => ({ tagName, attribs: attribs.src ? { ...attribs, src: absolute(attribs.src) } : attribs }),
    },
  });
}

export async function reportHtml(entry: CollectionEntry<'reports'>, pageUrl: string): Promise<string> {
  const { Content } = await render(entry);
  const html = await (await getContainer()).renderToString(Content, { props: { components: COMPONENTS } });
  return sanitizeForFeed(html, pageUrl);
}
