// The bulk loader drafts a month's enquiries a few working days at a time, so that the drafts
// held at once stay below a fixed number whatever the size of the load. Each part keeps the
// month's dates and its cells (city × cause) in proportion to the days it covers; a part is
// drafted and sorted on its own, and the parts follow each other in day order, so the ids
// still rise with the opening time. Only a single day above the limit (loads of tens of
// millions) is cut into several parts on that day, sorted each.
import type { MonthAllocation } from "./plan";

const total = (counts: readonly (readonly number[])[]) =>
  counts.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);

// The shares of `count` for parts of the given weights: rounded running totals, so each part
// gets its share within one and the shares add up to `count` exactly.
function spread(count: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const shares: number[] = [];
  let before = 0;
  let cumulative = 0;
  for (const weight of weights) {
    cumulative += weight;
    const upTo = Math.round((count * cumulative) / weightSum);
    shares.push(upTo - before);
    before = upTo;
  }
  return shares;
}

function split(counts: readonly (readonly number[])[], weights: readonly number[]): number[][][] {
  const parts = weights.map(() => counts.map((row) => row.map(() => 0)));
  counts.forEach((row, city) => {
    row.forEach((count, cause) => {
      spread(count, weights).forEach((share, part) => {
        const cells = parts[part]?.[city];
        if (cells) cells[cause] = share;
      });
    });
  });
  return parts;
}

// Each part holds at most `limit` enquiries plus one per cell (the rounding); empty parts are
// left out.
export function splitMonth(allocation: MonthAllocation, limit: number): MonthAllocation[] {
  const { month, counts } = allocation;
  const size = total(counts);
  const days = month.workingDays;
  if (size <= limit || days.length === 0) return size > 0 ? [allocation] : [];

  const daysPerPart = Math.max(1, Math.floor((limit * days.length) / size));
  const groups: number[][] = [];
  for (let i = 0; i < days.length; i += daysPerPart) groups.push(days.slice(i, i + daysPerPart));
  const byGroup = split(
    counts,
    groups.map((group) => group.length),
  );

  const parts: MonthAllocation[] = [];
  groups.forEach((workingDays, g) => {
    const groupCounts = byGroup[g] ?? [];
    // A group of several days is within the limit but for the rounding; a single day may not be.
    const pieces = workingDays.length > 1 ? 1 : Math.ceil(total(groupCounts) / limit);
    for (const pieceCounts of split(groupCounts, Array(pieces).fill(1))) {
      if (total(pieceCounts) > 0) {
        parts.push({ month: { ...month, workingDays }, counts: pieceCounts });
      }
    }
  });
  return parts;
}
