// The site's few settings, in one place. SITE_URL and BASE_PATH can be overridden at build
// time (GitHub Pages publishes under /<repo>/).
export const SITE_NAME = 'Three Walls';
export const SITE_TAGLINE = 'Can I run this model on my machine, how fast, and if not, why not?';
export const SITE_URL = process.env.THREEWALLS_SITE ?? 'https://three-walls.github.io';
export const BASE_PATH = process.env.THREEWALLS_BASE ?? '/three-walls';
/** The rig every report leads with: the seed post's homelab. */
export const HOUSE_RIG = 'homelab-rtx5090';
