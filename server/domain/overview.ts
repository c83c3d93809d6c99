import { and, count, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { ENQUIRY_STATUS_CODES, type EnquiryStatus, OPEN_STATUSES } from "@/db/constants";
import { enquiries } from "@/db/schema";
import { recheckDueCondition } from "./enquiries/recheck";
import { inScope } from "./region-scope";
import type { Actor } from "./users";

export type Overview = {
  byStatus: Record<EnquiryStatus, number>;
  assignedToMeOpen: number;
  // 系统延迟 re-checks due today or overdue (the 今日待复查 / 已逾期 queue).
  recheckDue: number;
};

// The start page's figures: enquiries in the actor's region scope by status, and the open
// ones assigned to the actor, and the re-checks due by `now`'s Beijing date.
export async function overview(db: Database, actor: Actor, now: Date): Promise<Overview> {
  const scope = inScope(enquiries.regionCode, actor.regionScope);
  const [rows, mine, recheck] = await Promise.all([
    db
      .select({ status: enquiries.status, n: count() })
      .from(enquiries)
      .where(scope)
      .groupBy(enquiries.status),
    db
      .select({ n: count() })
      .from(enquiries)
      .where(
        and(
          scope,
          eq(enquiries.assigneeId, actor.id),
          inArray(enquiries.status, [...OPEN_STATUSES]),
        ),
      ),
    db
      .select({ n: count() })
      .from(enquiries)
      .where(and(scope, recheckDueCondition(now))),
  ]);
  const byStatus = Object.fromEntries(ENQUIRY_STATUS_CODES.map((code) => [code, 0])) as Record<
    EnquiryStatus,
    number
  >;
  for (const row of rows) byStatus[row.status] = row.n;
  return { byStatus, assignedToMeOpen: mine[0]?.n ?? 0, recheckDue: recheck[0]?.n ?? 0 };
}
