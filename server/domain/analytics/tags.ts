import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { CAUSE_CODES, type Cause } from "@/db/constants";
import { enquiryCauseMonthly } from "@/db/schema";
import type {
  AnalyticsFilter,
  ByMonthResult,
  ByRegionResult,
  CauseShareResult,
  HeatmapResult,
} from "../../schemas/analytics";
import { regionNames } from "../regions";
import type { Actor } from "../users";
import {
  causeConditions,
  countedCauses,
  dimensionConditions,
  emptyCounts,
  monthsOf,
  periodCondition,
  regionKey,
  regionLevel,
  total,
} from "./filter";

// Cause frequencies: these count cause tags (enquiry_cause_monthly), so an enquiry tagged with
// two causes counts once under each, and untagged enquiries not at all.

const tagsTable = enquiryCauseMonthly;

function tagConditions(actor: Actor, filter: AnalyticsFilter) {
  return [
    ...dimensionConditions(tagsTable, actor, filter),
    periodCondition(tagsTable, filter.from, filter.to),
  ];
}

const monthKey = (date: string) => date.slice(0, 7);

export async function byMonth(
  db: Executor,
  actor: Actor,
  filter: AnalyticsFilter,
): Promise<ByMonthResult> {
  const rows = await db
    .select({ month: tagsTable.month, cause: tagsTable.cause, count: total(tagsTable.tagCount) })
    .from(tagsTable)
    .where(and(...tagConditions(actor, filter), ...causeConditions(tagsTable.cause, filter)))
    .groupBy(tagsTable.month, tagsTable.cause);

  const months = monthsOf(filter.from, filter.to);
  const byKey = new Map(months.map((month) => [month, { month, counts: emptyCounts(), tags: 0 }]));
  for (const row of rows) {
    const entry = byKey.get(monthKey(row.month));
    if (!entry) continue;
    entry.counts[row.cause] += row.count;
    entry.tags += row.count;
  }
  return { months, rows: [...byKey.values()] };
}

export async function causeShare(
  db: Executor,
  actor: Actor,
  filter: AnalyticsFilter,
): Promise<CauseShareResult> {
  const rows = await db
    .select({ cause: tagsTable.cause, count: total(tagsTable.tagCount) })
    .from(tagsTable)
    .where(and(...tagConditions(actor, filter), ...causeConditions(tagsTable.cause, filter)))
    .groupBy(tagsTable.cause);
  const counts = new Map(rows.map((row) => [row.cause, row.count]));
  const causes = countedCauses(filter);
  const sum = causes.reduce((acc, cause) => acc + (counts.get(cause) ?? 0), 0);
  return causes
    .map((cause) => {
      const count = counts.get(cause) ?? 0;
      return { cause, count, share: sum > 0 ? count / sum : 0 };
    })
    .sort((a, b) => b.count - a.count || causeOrder(a.cause) - causeOrder(b.cause));
}

const causeOrder = (cause: Cause) => CAUSE_CODES.indexOf(cause);

export async function byRegion(
  db: Executor,
  actor: Actor,
  filter: AnalyticsFilter,
): Promise<ByRegionResult> {
  const level = regionLevel(actor, filter);
  const key = regionKey(tagsTable.regionCode, level);
  const rows = await db
    .select({ code: key, cause: tagsTable.cause, count: total(tagsTable.tagCount) })
    .from(tagsTable)
    .where(and(...tagConditions(actor, filter), ...causeConditions(tagsTable.cause, filter)))
    .groupBy(key, tagsTable.cause);

  const byCode = new Map<string, ByRegionResult["rows"][number]>();
  for (const row of rows) {
    if (row.count === 0) continue;
    let entry = byCode.get(row.code);
    if (!entry) {
      entry = { regionCode: row.code, regionName: row.code, counts: emptyCounts(), tags: 0 };
      byCode.set(row.code, entry);
    }
    entry.counts[row.cause] += row.count;
    entry.tags += row.count;
  }
  const names = await regionNames(db, [...byCode.keys()]);
  const result = [...byCode.values()].map((entry) => ({
    ...entry,
    regionName: names.get(entry.regionCode) ?? entry.regionCode,
  }));
  result.sort((a, b) => b.tags - a.tags || a.regionCode.localeCompare(b.regionCode));
  return { level, rows: result };
}

// Regions (at the level byRegion shows) × months. The count is the tags of `cause` when one is
// chosen, otherwise of every cause the filter counts. Only cells above zero are listed.
export async function heatmap(
  db: Executor,
  actor: Actor,
  input: { filter: AnalyticsFilter; cause?: Cause },
): Promise<HeatmapResult> {
  const { filter, cause } = input;
  const level = regionLevel(actor, filter);
  const key = regionKey(tagsTable.regionCode, level);
  const causeFilter = cause
    ? [eq(tagsTable.cause, cause)]
    : causeConditions(tagsTable.cause, filter);
  const count = total(tagsTable.tagCount);
  const rows = await db
    .select({ code: key, month: tagsTable.month, count })
    .from(tagsTable)
    .where(and(...tagConditions(actor, filter), ...causeFilter))
    .groupBy(key, tagsTable.month)
    .having(sql`${count} > 0`);

  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.code, (totals.get(row.code) ?? 0) + row.count);
  const codes = [...totals.keys()].sort(
    (a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || a.localeCompare(b),
  );
  const names = await regionNames(db, codes);
  return {
    months: monthsOf(filter.from, filter.to),
    regions: codes.map((code) => ({ code, name: names.get(code) ?? code })),
    cells: rows.map((row) => ({
      regionCode: row.code,
      month: monthKey(row.month),
      count: row.count,
    })),
    max: rows.reduce((max, row) => Math.max(max, row.count), 0),
  };
}
