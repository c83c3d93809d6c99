import { and, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { CAUSE_CODES, type Cause } from "@/db/constants";
import { enquiries, enquirySuggestions } from "@/db/schema";
import { shanghaiDayStart, shiftMonth } from "../../rules/calendar-day";
import type { AnalyticsFilter } from "../../schemas/analytics";
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
export async function triageAcceptance(
  db: Database,
  actor: Actor,
  filter: AnalyticsFilter,
): Promise<TriageAcceptanceRow[]> {
  const where: SQL[] = [
    inScope(enquiries.regionCode, actor.regionScope),
    gte(enquiries.openedAt, shanghaiDayStart(`${filter.from}-01`)),
    lt(enquiries.openedAt, shanghaiDayStart(`${shiftMonth(filter.to, 1)}-01`)),
  ];
  if (filter.regionCode) where.push(inScope(enquiries.regionCode, filter.regionCode));
  if (filter.causes?.length) where.push(inArray(enquirySuggestions.cause, filter.causes));
  if (filter.symptoms?.length) where.push(inArray(enquiries.symptom, filter.symptoms));
  if (filter.channels?.length) where.push(inArray(enquiries.channel, filter.channels));

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
