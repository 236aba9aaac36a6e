// Feed items, newest first, with stable GUIDs and dates from the data only:
// - one per report (GUID = model id), with the full report as sanitized HTML;
// - one per dated verdict change on a rig (GUID = model/rig/date), from the engine's
//   verdictHistory. A model's first day (its release) is not a change, so it is left out.
import { REASONS, verdictHistory, type Verdict, type VerdictChange } from '../../lib/fit/index.ts';
import { eventText } from '../../lib/report/history-section.ts';
import type { ReportInput } from '../../lib/report/report-input.ts';
import { listText, VERDICT_LABEL } from '../../lib/report/words.ts';
import type { SiteData } from '../../node/site-data.ts';

export interface FeedItem {
  guid: string;
  title: string;
  /** Absolute URL of the page the item is about. */
  link: string;
  /** YYYY-MM-DD, from the data. */
  date: string;
  description: string;
  content?: string;
}

/** `base` is the site's absolute URL with the base path, e.g. https://host/three-walls/. */
const pageUrl = (base: URL, path: string) => new URL(path, base).href;

/** One report's item from its frontmatter (plain text, escaped by feed-response.ts) and its sanitized HTML. */
export function reportItem(report: { model: string; title: string; description: string; date: string }, base: URL, content?: string): FeedItem {
  return { guid: report.model, title: report.title, link: pageUrl(base, `models/${report.model}/`), date: report.date, description: report.description, content };
}

export async function reportItems(site: SiteData, base: URL): Promise<FeedItem[]> {
  // Loaded here, not at the top: they exist only inside Astro, and the rest of this file is
  // pure enough for tests to build feeds from any data.
  const [{ getCollection }, { reportHtml }] = await Promise.all([import('astro:content'), import('./report-html.ts')]);
  const known = new Set(site.catalogue.models.map((m) => m.id));
  const reports = (await getCollection('reports')).filter((r) => known.has(r.data.model));
  return Promise.all(reports.map(async (r) => reportItem(r.data, base, await reportHtml(r, pageUrl(base, `models/${r.data.model}/`)))));
}

const NOW: Record<Verdict, string> = {
  runs: 'now runs on',
  'runs-slowly': 'now runs, slowly, on',
  'not-ready': 'is now not ready on',
  'cloud-only': 'is now cloud only on',
  'not-released': 'is not released yet for',
};

const walls = (list: string[]) => `the ${listText(list)} wall${list.length > 1 ? 's' : ''}`;

/** "<model> now runs on <rig>"; when only the pick or the walls moved, says which. */
function changeTitle(model: string, rig: string, change: VerdictChange, before: VerdictChange): string {
  if (change.verdict !== before.verdict) return `${model} ${NOW[change.verdict]} ${rig}`;
  const still = `${model} on ${rig} — still ${VERDICT_LABEL[change.verdict].toLowerCase()}`;
  const fell = before.blockedWalls.filter((w) => !change.blockedWalls.includes(w));
  const rose = change.blockedWalls.filter((w) => !before.blockedWalls.includes(w));
  if (fell.length > 0) return `${still}, but ${walls(fell)} fell`;
  if (rose.length > 0) return `${still}, now also stopped by ${walls(rose)}`;
  return `${still}, now with ${change.pick ?? 'no pick'}`;
}

const cache = new WeakMap<SiteData, Map<string, FeedItem[]>>();

/** Every verdict change of every model on one rig, as of the site's date. */
export function changeItems(site: SiteData, base: URL, rigId: string): FeedItem[] {
  const perSite = cache.get(site) ?? new Map<string, FeedItem[]>();
  cache.set(site, perSite);
  const hit = perSite.get(rigId);
  if (hit) return hit;
  const rig = site.rig(rigId);
  // eventText reads only the engines' display names.
  const names = { engines: Object.fromEntries(site.catalogue.engines.map((e) => [e.id, { id: e.id, name: e.data.name, homepage: e.data.homepage, formats: e.data.formats }])) } as Pick<ReportInput, 'engines'> as ReportInput;
  const items = site.catalogue.models.flatMap((model) => {
    const history = verdictHistory(model, rig, site.context, { asOf: site.asOf });
    return history.slice(1).map((change, i): FeedItem => {
      const before = history[i]!;
      const events = change.events.map((e) => eventText(names, e)).join('; ');
      const pick = change.pick ? `, with ${change.pick}` : '';
      return {
        guid: `${model.id}/${rig.id}/${change.date}`,
        title: changeTitle(model.data.name, rig.data.name, change, before),
        link: pageUrl(base, `models/${model.id}/`),
        date: change.date,
        description: `${events}. ${model.data.name} on ${rig.data.name}: ${REASONS[change.reason].title}${pick}${change.reason === before.reason ? '' : ` (before: ${REASONS[before.reason].title})`}.`,
      };
    });
  });
  perSite.set(rigId, items);
  return items;
}

/** Newest first; on the same day, by GUID, so the order never depends on anything else. */
export const newestFirst = (items: FeedItem[]) => [...items].sort((a, b) => b.date.localeCompare(a.date) || a.guid.localeCompare(b.guid));
