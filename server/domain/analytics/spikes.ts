import { and, gt, min } from "drizzle-orm";
import type { Executor } from "@/db";
import type { Cause } from "@/db/constants";
import { enquiryCauseMonthly } from "@/db/schema";
import { shiftMonth } from "../../rules/calendar-day";
import { findSpikes, SPIKE_RULE } from "../../rules/spikes";
import type { AnalyticsFilter, SpikeResult } from "../../schemas/analytics";
import { policyMarkers } from "../policy-events";
import { regionNames } from "../regions";
import type { Actor } from "../users";
import { causeConditions, dimensionConditions, monthsOf, periodCondition, total } from "./filter";

const table = enquiryCauseMonthly;
const monthKey = (date: string) => date.slice(0, 7);

// Spike alerts for the dashboard's filter: every cause × city × month of the period whose count
// stands out against the six months before it (server/rules/spikes.ts). Read from the cause-tag
// rollup like the monthly chart, so a flagged figure is the one the chart shows and the
// drill-down lists the same enquiries.
export async function spikes(
  db: Executor,
  actor: Actor,
  filter: AnalyticsFilter,
): Promise<SpikeResult> {
  const dimensions = dimensionConditions(table, actor, filter);
  const firstMonth = shiftMonth(filter.from, -SPIKE_RULE.baselineMonths);
  const [rows, [start]] = await Promise.all([
    db
      .select({
        month: table.month,
        regionCode: table.regionCode,
        cause: table.cause,
        count: total(table.tagCount),
      })
      .from(table)
      .where(
        and(
          ...dimensions,
          periodCondition(table, firstMonth, filter.to),
          ...causeConditions(table.cause, filter),
        ),
      )
      .groupBy(table.month, table.regionCode, table.cause),
    // Months before the first record in view are unknown, not zero: a baseline of zeros would
    // flag every ordinary month at the start of the records.
    db
      .select({ month: min(table.month) })
      .from(table)
      .where(and(...dimensions, gt(table.tagCount, 0))),
  ]);

  const months = monthsOf(firstMonth, filter.to);
  const dataFrom = start?.month ? monthKey(start.month) : null;
  const series = new Map<
    string,
    { regionCode: string; cause: Cause; counts: Map<string, number> }
  >();
  for (const row of rows) {
    const key = `${row.regionCode}:${row.cause}`;
    const entry = series.get(key) ?? {
      regionCode: row.regionCode,
      cause: row.cause,
      counts: new Map(),
    };
    entry.counts.set(monthKey(row.month), row.count);
    series.set(key, entry);
  }

  const found: Omit<SpikeResult["rows"][number], "regionName" | "policyMarker">[] = [];
  for (const entry of series.values()) {
    const values = months.map((month) =>
      dataFrom === null || month < dataFrom ? null : (entry.counts.get(month) ?? 0),
    );
    for (const spike of findSpikes(values)) {
      const month = months[spike.index] as string;
      if (month < filter.from) continue;
      found.push({
        month,
        regionCode: entry.regionCode,
        cause: entry.cause,
        count: spike.count,
        baseline: spike.baseline,
        threshold: Math.round(spike.threshold * 10) / 10,
      });
    }
  }

  const regionCodes = [...new Set(found.map((row) => row.regionCode))];
  const [names, markers] = await Promise.all([
    regionNames(db, regionCodes),
    markersByRegion(db, actor, filter, regionCodes),
  ]);
  return {
    rule: { ...SPIKE_RULE },
    rows: found
      .map((row) => ({
        ...row,
        regionName: names.get(row.regionCode) ?? row.regionCode,
        policyMarker:
          (markers.get(row.regionCode) ?? [])
            .filter((marker) => marker.month === row.month)
            .map((marker) => marker.label)
            .join("、") || null,
      }))
      .sort(
        (a, b) =>
          b.month.localeCompare(a.month) ||
          b.count / Math.max(1, b.baseline) - a.count / Math.max(1, a.baseline),
      ),
  };
}

// The chart markers that concern each region with an alert (its own and its province's).
async function markersByRegion(
  db: Executor,
  actor: Actor,
  filter: AnalyticsFilter,
  regionCodes: string[],
) {
  const entries = await Promise.all(
    regionCodes.map(
      async (regionCode) =>
        [regionCode, await policyMarkers(db, actor, { ...filter, regionCode })] as const,
    ),
  );
  return new Map(entries);
}
