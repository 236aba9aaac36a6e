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

/** Known names close to `name`, closest first (at most three). */
export function closeNames(name: string, known: Iterable<string>): string[] {
  const limit = Math.max(2, Math.floor(name.length / 3));
  const lower = name.toLowerCase();
  return [...known]
    .map((candidate) => ({
      candidate,
      distance: candidate.toLowerCase().includes(lower) || lower.includes(candidate.toLowerCase())
        ? Math.min(1, editDistance(lower, candidate.toLowerCase()))
        : editDistance(lower, candidate.toLowerCase()),
    }))
    .filter((c) => c.distance <= limit)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, 3)
    .map((c) => c.candidate);
}
