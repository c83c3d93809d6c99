import type { Executor } from "@/db";
import type { AuditAction } from "@/db/constants";
import { auditEvents } from "@/db/schema";

// `at` is when the change was made, for changes stamped with the request's clock; without it
// the database's now().
export type AuditContext = { actorId: number | null; requestId?: string | null; at?: Date };

// Written with the same executor as the change it records, so a rolled-back write leaves no
// audit row and a committed one always has one. Callers pass masked values only.
export async function recordAudit(
  db: Executor,
  context: AuditContext,
  event: {
    action: AuditAction;
    entity: string;
    entityId?: string | number | null;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
  },
): Promise<void> {
  await db.insert(auditEvents).values({
    actorId: context.actorId,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId == null ? null : String(event.entityId),
    before: event.before ?? null,
    after: event.after ?? null,
    requestId: context.requestId ?? null,
    ...(context.at ? { at: context.at } : {}),
  });
}
