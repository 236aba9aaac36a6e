// Where share cards live and whether this build makes them. THREEWALLS_SKIP_OG=1 turns them
// off (no card endpoints, no og:image), so the build benchmark can time builds both ways.
// Files and folders starting with "_" are not routes: this is a helper of the pages.
export const OG_ENABLED = process.env.THREEWALLS_SKIP_OG !== '1';

/** Paths inside the site, without the base (the layout and endpoints add it). */
export const OG_PATHS = {
  home: 'og/home.png',
  model: (id: string) => `og/models/${id}.png`,
  rig: (id: string) => `og/rigs/${id}.png`,
  post: (id: string) => `og/posts/${id}.png`,
};
