import { and, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, type AuditAction } from "@/db/constants";
import { auditEvents, users } from "@/db/schema";
import { type ListAuditEventsInput, listAuditEventsInput } from "../schemas/audit";
import { cursorTime, cursorValue, decodeCursor, encodeCursor } from "./keyset-cursor";
import { loadUserInScope, staffManagedBy } from "./scoped-rows";
import type { Actor } from "./users";

// Reading the audit trail, newest first. The rows were written masked, so they are returned
// as stored. Paging is by keyset on (at, id): the demo history is inserted with past times, so
// ids alone do not follow time. An administrator with a region scope reads what the staff they
// manage did; events without an actor (failed sign-ins to unknown logins, commands) and events of
// broader staff belong to the administrators of the whole jurisdiction.

export async function listAuditEvents(db: Database, actor: Actor, rawInput: ListAuditEventsInput) {
  const input = listAuditEventsInput.parse(rawInput);
  const where: SQL[] = [staffManagedBy(actor.regionScope)];
  if (input.from) where.push(gte(auditEvents.at, input.from));
  if (input.to) where.push(lt(auditEvents.at, input.to));
  if (input.actorId) {
    const staff = await loadUserInScope(db, actor, input.actorId, { manage: true });
    where.push(eq(auditEvents.actorId, staff.id));
  }
  if (input.action) where.push(eq(auditEvents.action, input.action));
  if (input.entity) where.push(eq(auditEvents.entity, input.entity));
  if (input.entityId) where.push(eq(auditEvents.entityId, input.entityId));
  if (input.cursor) {
    const cursor = decodeCursor(input.cursor);
    where.push(
      sql`(${auditEvents.at}, ${auditEvents.id}) < (${cursorValue(cursor)}, ${cursor.id})`,
    );
  }

  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      cursorAt: cursorTime(auditEvents.at),
      action: auditEvents.action,
      entity: auditEvents.entity,
      entityId: auditEvents.entityId,
      before: auditEvents.before,
      after: auditEvents.after,
      requestId: auditEvents.requestId,
      actorId: auditEvents.actorId,
      actorName: users.displayName,
      actorLogin: users.login,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(...where))
    .orderBy(sql`${auditEvents.at} desc, ${auditEvents.id} desc`)
    .limit(input.limit + 1);

  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ cursorAt: _cursorAt, ...row }) => ({
      ...row,
      actionLabel: AUDIT_ACTION_LABELS[row.action as AuditAction] ?? row.action,
      entityLabel: AUDIT_ENTITY_LABELS[row.entity] ?? row.entity,
      before: row.before as Record<string, unknown> | null,
      after: row.after as Record<string, unknown> | null,
    })),
    nextCursor:
      rows.length > input.limit && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
  };
}

export type AuditEventRow = Awaited<ReturnType<typeof listAuditEvents>>["items"][number];
