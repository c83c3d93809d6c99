import { between, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { CAUSE_CODES, type Cause } from "@/db/constants";
import { badRequest } from "../../errors";
import { shiftMonth } from "../../rules/calendar-day";
import type { AnalyticsFilter, CauseCounts } from "../../schemas/analytics";
import { inScope } from "../region-scope";
import type { Actor } from "../users";

// What every analytics query shares: the months of the period, and the conditions that turn
// the caller's scope and the filter into a WHERE clause on a rollup table.

type RollupDimensions = {
  month: AnyPgColumn;
  regionCode: AnyPgColumn;
  symptom: AnyPgColumn;
  channel: AnyPgColumn;
};

// "2025-07" → the rollups' month column value.
export const monthStart = (month: string) => `${month}-01`;

export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = shiftMonth(month, 1)) months.push(month);
  return months;
}

export function emptyCounts(): CauseCounts {
  return Object.fromEntries(CAUSE_CODES.map((cause) => [cause, 0])) as CauseCounts;
}

// The causes a query counts: the filter's, or all of them.
export function countedCauses(filter: AnalyticsFilter): Cause[] {
  return filter.causes?.length ? [...new Set(filter.causes)] : [...CAUSE_CODES];
}

// The rollups hold cities (a district's enquiries count for its city), so a filter can name a
// province or a city; GB/T 2260 gives both a code ending in 00, and districts never.
export function assertRollupRegion(filter: AnalyticsFilter) {
  if (filter.regionCode && !filter.regionCode.endsWith("00")) {
    throw badRequest("统计分析只能按省或地市筛选地区", "regionCode");
  }
}

// Regions are shown one level below the filter's region: provinces when there is none, the
// cities of a province, or the one city asked for. A city-scoped caller sees its own city.
export function regionLevel(actor: Actor, filter: AnalyticsFilter): "province" | "city" {
  const scope = actor.regionScope;
  return filter.regionCode || (scope && !scope.endsWith("0000")) ? "city" : "province";
}

// The region code a rollup row counts under at that level.
export function regionKey(column: AnyPgColumn, level: "province" | "city"): SQL<string> {
  return level === "city"
    ? sql<string>`${column}`
    : sql<string>`(substr(${column}, 1, 2) || '0000')::char(6)`;
}

// The caller's scope and the filter's region both apply: a region outside the scope matches
// nothing rather than widening it. Without a symptom (or channel) filter the rows that hold all
// symptoms (channels) are read, never the detailed ones (see db/schema/rollups.ts).
export function dimensionConditions(
  table: RollupDimensions,
  actor: Actor,
  filter: AnalyticsFilter,
): SQL[] {
  assertRollupRegion(filter);
  const where: SQL[] = [inScope(table.regionCode, actor.regionScope)];
  if (filter.regionCode) where.push(inScope(table.regionCode, filter.regionCode));
  where.push(
    filter.symptoms?.length ? inArray(table.symptom, filter.symptoms) : isNull(table.symptom),
    filter.channels?.length ? inArray(table.channel, filter.channels) : isNull(table.channel),
  );
  return where;
}

// A cause filter on a cause column: the tag's cause, or an enquiry's primary cause (which
// leaves out enquiries not yet tagged).
export function causeConditions(column: AnyPgColumn, filter: AnalyticsFilter): SQL[] {
  return filter.causes?.length ? [inArray(column, filter.causes)] : [];
}

export function periodCondition(table: RollupDimensions, from: string, to: string): SQL {
  return between(table.month, monthStart(from), monthStart(to));
}

// sum() of an integer column is a bigint, which the driver hands over as a string.
export function total(column: AnyPgColumn | SQL, only?: SQL): SQL<number> {
  const filtered = only ? sql`sum(${column}) filter (where ${only})` : sql`sum(${column})`;
  return sql<number>`coalesce(${filtered}, 0)`.mapWith(Number);
}
