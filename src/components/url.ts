// Every internal link goes through here, so the site works under a sub-path (GitHub Pages).
/** "rigs/dgx-spark/" -> "/three-walls/rigs/dgx-spark/". */
export const url = (path = '') => `${import.meta.env.BASE_URL}${path.replace(/^\//, '')}`;
