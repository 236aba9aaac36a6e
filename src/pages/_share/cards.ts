// What each share card says, from the report frontmatter and the engine results the pages
// already show. Only what a card displays goes into its props: they are the cache key, so
// a card is rendered again exactly when its picture would change (its "as of" date included:
// a card says which data day it shows).
import { INTERACTIVE_TOKENS_PER_SECOND } from '../../lib/fit/index.ts';
import type { CardProps } from '../../lib/og/card.ts';
import type { ReportFrontmatter } from '../../lib/report/frontmatter.ts';
import { installedMemoryBytes } from '../../lib/report/rig-profile.ts';
import { formatGiB } from '../../lib/units.ts';
import type { SiteData } from '../../node/site-data.ts';
import { BASE_PATH, SITE_NAME, SITE_URL } from '../../site-config.ts';
import { headlineFigure } from './headline-figure.ts';

/** "three-walls.github.io/three-walls": where the card points people. */
const address = () => {
  const u = new URL(BASE_PATH.replace(/\/?$/, '/'), SITE_URL);
  return `${u.host}${u.pathname}`.replace(/\/$/, '');
};

export function modelCard(site: SiteData, report: ReportFrontmatter, body: string): CardProps {
  const result = site.result(report.model, report.rig);
  const headline = headlineFigure(body, result, report.model);
  return {
    siteName: SITE_NAME,
    kicker: 'Model report',
    title: report.modelName,
    verdict: report.verdict,
    verdictLabel: report.reason,
    walls: [
      { name: 'Size', blocked: result.walls.size.blocked },
      { name: 'Quantization', blocked: result.walls.quantization.blocked },
      { name: 'Stack', blocked: result.walls.stack.blocked },
    ],
    figure: headline.figure,
    figureMeaning: headline.meaning,
    footer: `On ${report.rigName} · ${address()}`,
    asOf: report.asOf,
  };
}

export function rigCard(site: SiteData, rigId: string): CardProps {
  const rig = site.rig(rigId);
  const models = site.catalogue.models;
  const running = models.filter((m) => site.result(m.id, rig.id).verdict === 'runs').length;
  return {
    siteName: SITE_NAME,
    kicker: 'Rig profile',
    title: rig.data.name,
    verdict: null,
    verdictLabel: null,
    walls: [],
    figure: `${running} of ${models.length}`,
    figureMeaning: `models in our data run here at ${INTERACTIVE_TOKENS_PER_SECOND} tok/s or faster.`,
    footer: `${formatGiB(installedMemoryBytes(rig.data), 0)} of memory · ${address()}`,
    asOf: site.asOf,
  };
}

export function homeCard(site: SiteData): CardProps {
  return {
    siteName: SITE_NAME,
    kicker: 'Model-fit reports',
    title: 'Can I run this model at home?',
    verdict: null,
    verdictLabel: null,
    walls: [],
    figure: `${site.catalogue.models.length} models`,
    figureMeaning: `on ${site.catalogue.rigs.length} rigs: will it fit, how fast, which wall stops it.`,
    footer: address(),
    asOf: site.asOf,
  };
}

/** A post's own card: its title, and the day it was written (a post is as of its date). */
export function postCard(post: { title: string; description: string; date: string }): CardProps {
  return {
    siteName: SITE_NAME,
    kicker: 'Post',
    title: post.title,
    subtitle: post.description,
    verdict: null,
    verdictLabel: null,
    walls: [],
    figure: null,
    figureMeaning: null,
    footer: address(),
    asOf: post.date,
  };
}
