import { and, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { RESOLVE_HOURS_EDGES } from "@/db/rollup";
import { enquiryMonthly } from "@/db/schema";
import { shiftMonth } from "../../rules/calendar-day";
import { type AnalyticsFilter, type KpiResult, monthsBetween } from "../../schemas/analytics";
import type { Actor } from "../users";
import { causeConditions, dimensionConditions, periodCondition, total } from "./filter";
import { medianHours } from "./histogram";

// Enquiry-level figures from enquiry_monthly: each enquiry counts once, under its primary cause,
// so the cause filter keeps the enquiries whose primary cause it names. Resolution and
// satisfaction figures describe the enquiries opened in the period.

const table = enquiryMonthly;

export type Kpis = KpiResult & {
  // Average hours from opening to resolution, next to the median.
  meanResolveHours: number | null;
};

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export async function kpis(db: Executor, actor: Actor, filter: AnalyticsFilter): Promise<Kpis> {
  const length = monthsBetween(filter.from, filter.to);
  const inPeriod = periodCondition(table, filter.from, filter.to);
  const inPrevious = periodCondition(
    table,
    shiftMonth(filter.from, -length),
    shiftMonth(filter.from, -1),
  );
  const histogram = RESOLVE_HOURS_EDGES.map((_, i) =>
    total(sql`${table.resolveHist}[${sql.raw(String(i + 1))}]`, inPeriod),
  );
  // One pass over the caller's rows of every month: the backlog counts open enquiries whenever
  // they were opened.
  const [row] = await db
    .select({
      enquiries: total(table.enquiries, inPeriod),
      previousEnquiries: total(table.enquiries, inPrevious),
      openBacklog: total(table.openCount),
      resolved: total(table.resolvedCount, inPeriod),
      resolvedOnTime: total(table.resolvedOnTime, inPeriod),
      resolveSeconds: total(table.resolveSecondsSum, inPeriod),
      followedUp: total(table.followedUpCount, inPeriod),
      satisfied: total(table.satisfiedCount, inPeriod),
      histogram: sql<number[]>`array[${sql.join(histogram, sql`, `)}]::float8[]`,
    })
    .from(table)
    .where(
      and(
        ...dimensionConditions(table, actor, filter),
        ...causeConditions(table.primaryCause, filter),
      ),
    );
  if (!row) throw new Error("kpi query returned no row");
  const meanSeconds = ratio(row.resolveSeconds, row.resolved);
  return {
    enquiries: row.enquiries,
    previousEnquiries: row.previousEnquiries,
    change: ratio(row.enquiries - row.previousEnquiries, row.previousEnquiries),
    openBacklog: row.openBacklog,
    medianResolveHours: medianHours(row.histogram),
    onTimeShare: ratio(row.resolvedOnTime, row.resolved),
    satisfactionRate: ratio(row.satisfied, row.followedUp),
    meanResolveHours: meanSeconds === null ? null : meanSeconds / 3600,
  };
}
