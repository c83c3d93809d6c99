// Spike alerts (异常波动): a month whose count stands far above the months before it. Pure, so
// the rule is tested on plain series and shared by the query that reads the rollups.
//
// The baseline is robust: the median of the previous six months, and their median absolute
// deviation (MAD) for the spread. One odd month in the baseline (an earlier spike, a holiday
// month) moves neither much, where a mean and standard deviation would both be dragged along.
// The MAD is scaled by 1.4826, which makes it estimate the standard deviation of normally
// distributed noise, so "median + 3 × scaled MAD" reads as the familiar three-sigma line.
//
// Counts of enquiries behave like Poisson counts, whose noise is about the square root of the
// level. Six small monthly counts often have a MAD of 0 or 1, which understates that noise, so
// the spread is never taken below √median: with a median of 2, a month of 6 is still ordinary.
// At the volumes of a whole province the MAD is the larger and decides.
//
// Small counts also swing a lot in relative terms, and a flat history of zeros has no spread at
// all. So a month is flagged only when it also reaches a minimum count and at least twice the
// median. The minimum is 8 rather than 5 because the check runs on every cause × city × month
// in view (about 1,700 cells for 19 cities over 18 months): a city with one enquiry of a cause a
// month reaches 5 by chance about once in 270 months, so 5 would raise a few false alarms on
// every screen, while 8 happens about once in 100,000.

export const SPIKE_RULE = {
  baselineMonths: 6,
  madFactor: 3,
  madScale: 1.4826,
  minCount: 8,
  minRatio: 2,
} as const;

export type SpikeRule = typeof SPIKE_RULE;

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export type SpikeCheck = {
  // Median of the baseline months.
  baseline: number;
  // Scaled median absolute deviation of the baseline months, at least √baseline.
  spread: number;
  // The count must exceed this (and meet the minimums) to be flagged.
  threshold: number;
  spike: boolean;
};

// `history` holds the counts of the months just before the checked one, oldest first; null
// marks a month with no data at all (before the records begin), which cannot serve as a
// baseline. Fewer than `baselineMonths` known months: no verdict (null).
export function checkSpike(
  history: readonly (number | null)[],
  count: number,
  rule: SpikeRule = SPIKE_RULE,
): SpikeCheck | null {
  const window = history.slice(-rule.baselineMonths);
  if (window.length < rule.baselineMonths || window.some((value) => value === null)) return null;
  const values = window as number[];
  const baseline = median(values);
  const mad = rule.madScale * median(values.map((value) => Math.abs(value - baseline)));
  const spread = Math.max(mad, Math.sqrt(baseline));
  const threshold = baseline + rule.madFactor * spread;
  const spike = count > threshold && count >= rule.minCount && count >= rule.minRatio * baseline;
  return { baseline, spread, threshold, spike };
}

// Every flagged month of a monthly series (oldest first, null = no data yet), with its index.
export function findSpikes(
  series: readonly (number | null)[],
  rule: SpikeRule = SPIKE_RULE,
): (SpikeCheck & { index: number; count: number })[] {
  const found: (SpikeCheck & { index: number; count: number })[] = [];
  series.forEach((count, index) => {
    if (count === null) return;
    const check = checkSpike(series.slice(0, index), count, rule);
    if (check?.spike) found.push({ ...check, index, count });
  });
  return found;
}
