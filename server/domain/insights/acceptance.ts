import { and, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { CAUSE_CODES, type Cause } from "@/db/constants";
import { enquiries, enquiryCauses, enquirySuggestions } from "@/db/schema";
import { shanghaiDayStart, shiftMonth } from "../../rules/calendar-day";
import type { AnalyticsFilter } from "../../schemas/analytics";
import { monthsOf } from "../analytics/filter";
import { inScope } from "../region-scope";
import type { Actor } from "../users";

export type TriageAcceptanceRow = {
  cause: Cause;
  suggested: number;
  accepted: number;
  // null when the cause was never suggested in the period.
  rate: number | null;
  // The same for the suggestion ranked first, the one the form puts on top.
  topSuggested: number;
  topAccepted: number;
};

// How often caseworkers keep the cause the triage rules suggested, per cause, over the
// enquiries filed in the period (Beijing months) inside the manager's scope. Read from the
// suggestions themselves: the table holds one row per suggestion, a few per enquiry.
// The enquiries of the filter's period, region, symptoms and channels inside the actor's scope.
function enquiryConditions(actor: Actor, filter: AnalyticsFilter): SQL[] {
  const where: SQL[] = [
    inScope(enquiries.regionCode, actor.regionScope),
    gte(enquiries.openedAt, shanghaiDayStart(`${filter.from}-01`)),
    lt(enquiries.openedAt, shanghaiDayStart(`${shiftMonth(filter.to, 1)}-01`)),
  ];
  if (filter.regionCode) where.push(inScope(enquiries.regionCode, filter.regionCode));
  if (filter.symptoms?.length) where.push(inArray(enquiries.symptom, filter.symptoms));
  if (filter.channels?.length) where.push(inArray(enquiries.channel, filter.channels));
  return where;
}

export async function triageAcceptance(
  db: Database,
  actor: Actor,
  filter: AnalyticsFilter,
): Promise<TriageAcceptanceRow[]> {
  const where = enquiryConditions(actor, filter);
  if (filter.causes?.length) where.push(inArray(enquirySuggestions.cause, filter.causes));

  const rows = await db
    .select({
      cause: enquirySuggestions.cause,
      suggested: sql<number>`count(*)::int`,
      accepted: sql<number>`(count(*) filter (where ${enquirySuggestions.accepted}))::int`,
      topSuggested: sql<number>`(count(*) filter (where ${enquirySuggestions.rank} = 1))::int`,
      topAccepted: sql<number>`(count(*) filter (where ${enquirySuggestions.rank} = 1 and ${enquirySuggestions.accepted}))::int`,
    })
    .from(enquirySuggestions)
    .innerJoin(enquiries, eq(enquiries.id, enquirySuggestions.enquiryId))
    .where(and(...where))
    .groupBy(enquirySuggestions.cause);

  const causes = filter.causes?.length
    ? CAUSE_CODES.filter((c) => filter.causes?.includes(c))
    : CAUSE_CODES;
  return causes.map((cause) => {
    const row = rows.find((r) => r.cause === cause);
    const suggested = row?.suggested ?? 0;
    const accepted = row?.accepted ?? 0;
    return {
      cause,
      suggested,
      accepted,
      rate: suggested === 0 ? null : accepted / suggested,
      topSuggested: row?.topSuggested ?? 0,
      topAccepted: row?.topAccepted ?? 0,
    };
  });
}

export type FirstMatchRow = {
  // "2026-07", Beijing month of filing.
  month: string;
  // Enquiries with a first suggestion and a primary cause.
  enquiries: number;
  // Those whose first suggestion named the primary cause (and its sub-reason, where it has one).
  matched: number;
  rate: number | null;
};

// By month, how often the suggestion ranked first named the cause the enquiry ended up with as
// its primary one: the figure the rules are measured by. A month without triaged enquiries is
// listed with none, so the table keeps its rows.
export async function triageFirstMatch(
  db: Database,
  actor: Actor,
  filter: AnalyticsFilter,
): Promise<FirstMatchRow[]> {
  const where = enquiryConditions(actor, filter);
  if (filter.causes?.length) where.push(inArray(enquiryCauses.cause, filter.causes));
  const month = sql<string>`to_char(${enquiries.openedAt} at time zone 'Asia/Shanghai', 'YYYY-MM')`;
  const rows = await db
    .select({
      month,
      enquiries: sql<number>`count(*)::int`,
      matched: sql<number>`(count(*) filter (where ${enquirySuggestions.cause} = ${enquiryCauses.cause}
        and ${enquirySuggestions.subReason} is not distinct from ${enquiryCauses.subReason}))::int`,
    })
    .from(enquirySuggestions)
    .innerJoin(enquiries, eq(enquiries.id, enquirySuggestions.enquiryId))
    .innerJoin(
      enquiryCauses,
      and(eq(enquiryCauses.enquiryId, enquiries.id), eq(enquiryCauses.isPrimary, true)),
    )
    .where(and(eq(enquirySuggestions.rank, 1), ...where))
    .groupBy(month);
  return monthsOf(filter.from, filter.to).map((key) => {
    const row = rows.find((r) => r.month === key);
    const total = row?.enquiries ?? 0;
    const matched = row?.matched ?? 0;
    return { month: key, enquiries: total, matched, rate: total === 0 ? null : matched / total };
  });
}
