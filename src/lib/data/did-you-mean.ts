// Suggests the nearest known name for a misspelled key or id.

/** Levenshtein distance, small strings only (keys and ids). */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** How far `name` is from `candidate`, also as a prefix ("homelab" is close to "homelab-rtx5090"). */
function nameDistance(name: string, candidate: string): number {
  const a = name.toLowerCase();
  const b = candidate.toLowerCase();
  if (a === b) return 0;
  if (b.includes(a) || a.includes(b)) return 1;
  return Math.min(editDistance(a, b), b.length > a.length ? editDistance(a, b.slice(0, a.length)) + 1 : Infinity);
}

/** Known names close to `name`, closest first (at most three). */
export function closeNames(name: string, known: Iterable<string>): string[] {
  const limit = Math.max(2, Math.floor(name.length / 3));
  return [...known]
    .map((candidate) => ({ candidate, distance: nameDistance(name, candidate) }))
    .filter((c) => c.distance <= limit)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, 3)
    .map((c) => c.candidate);
}
