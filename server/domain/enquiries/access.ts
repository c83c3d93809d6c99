import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { enquiries } from "@/db/schema";
import { conflict } from "../../errors";
import { type EnquiryRow, loadEnquiryInScope } from "../scoped-rows";
import type { Actor } from "../users";

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
