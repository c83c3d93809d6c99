import { RESOLVE_HOURS_EDGES } from "@/db/rollup";

// The median of a resolve-time histogram (counts per bucket of RESOLVE_HOURS_EDGES), assuming
// resolutions spread evenly inside the bucket that holds the middle one. The last bucket has no
// upper edge, so a median there is reported as its lower edge (30 days).
export function medianHours(histogram: readonly number[]): number | null {
  const count = histogram.reduce((sum, n) => sum + n, 0);
  if (count <= 0) return null;
  const half = count / 2;
  let below = 0;
  for (const [i, inBucket] of histogram.entries()) {
    if (inBucket > 0 && below + inBucket >= half) {
      const lower = RESOLVE_HOURS_EDGES[i] ?? 0;
      const upper = RESOLVE_HOURS_EDGES[i + 1];
      if (upper === undefined) return lower;
      return lower + ((half - below) / inBucket) * (upper - lower);
    }
    below += inBucket;
  }
  return null;
}
