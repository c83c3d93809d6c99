import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { enquiries } from "@/db/schema";
import { conflict, notFound } from "../../errors";
import { inScope } from "../region-scope";
import type { Actor } from "../users";

export type EnquiryRow = typeof enquiries.$inferSelect;

// An enquiry outside the actor's region scope does not exist for them: NOT_FOUND, never
// FORBIDDEN, so ids cannot be probed across regions.
export async function loadEnquiryInScope(
  db: Executor,
  actor: Actor,
  id: number,
  options: { lock?: boolean } = {},
): Promise<EnquiryRow> {
  const query = db
    .select()
    .from(enquiries)
    .where(and(eq(enquiries.id, id), inScope(enquiries.regionCode, actor.regionScope)));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound("咨询工单");
  return row;
}

// Loads for a write: in scope, locked, and still at the version the editor saw. A stale version
// means someone else saved in between; the editor must reload rather than overwrite.
export async function loadForUpdate(
  db: Executor,
  actor: Actor,
  id: number,
  expectedVersion: number,
): Promise<EnquiryRow> {
  const row = await loadEnquiryInScope(db, actor, id, { lock: true });
  if (row.version !== expectedVersion) {
    throw conflict("该工单已被他人修改，请刷新页面查看最新内容后再操作");
  }
  return row;
}

export async function saveEnquiry(
  db: Executor,
  row: EnquiryRow,
  changes: Partial<typeof enquiries.$inferInsert>,
  now: Date,
): Promise<EnquiryRow> {
  const [saved] = await db
    .update(enquiries)
    .set({ ...changes, version: sql`${enquiries.version} + 1`, updatedAt: now })
    .where(and(eq(enquiries.id, row.id), eq(enquiries.version, row.version)))
    .returning();
  if (!saved) throw conflict();
  return saved;
}
