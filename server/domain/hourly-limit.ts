import { and, eq, gt, type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import type { AuditAction } from "@/db/constants";
import { auditEvents } from "@/db/schema";

const HOUR_MS = 60 * 60 * 1000;

// Per-user hourly limits are counted from the audit trail itself: the rows that record the
// actions are the counter, so there is no second store to keep in step, and an administrator
// reads the same numbers in the audit log. The advisory lock makes one user's calls of this
// action take turns until the transaction ends, so parallel requests cannot all pass the count.
// `only` narrows the rows counted (for example to lookups that found nobody).
export async function countLastHourForActor(
  tx: Executor,
  actorId: number,
  action: AuditAction,
  now: Date,
  only?: SQL,
): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${action}), ${actorId})`);
  const [recent] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.actorId, actorId),
        eq(auditEvents.action, action),
        gt(auditEvents.at, new Date(now.getTime() - HOUR_MS)),
        only,
      ),
    );
  return recent?.count ?? 0;
}
