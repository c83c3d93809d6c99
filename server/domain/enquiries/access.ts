import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { enquiries } from "@/db/schema";
import { badRequest, conflict } from "../../errors";
import { isWithinScope } from "../region-scope";
import { type EnquiryRow, loadEnquiryInScope, loadUserInScope } from "../scoped-rows";
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

// The caseworker an enquiry of `regionCode` may be given to: active, a caseworker, and scoped
// over that region (loaded through the scope check, so another region's user is NOT_FOUND).
export async function loadAssignableCaseworker(
  db: Executor,
  actor: Actor,
  userId: number,
  regionCode: string,
) {
  const user = await loadUserInScope(db, actor, userId);
  if (!user.active || user.role !== "caseworker" || !isWithinScope(regionCode, user.regionScope)) {
    throw badRequest("只能指派给负责该地区的在岗经办人员", "assigneeId");
  }
  return user;
}

// The enquiry a submission with this idempotency key already filed: a double click or a retry
// after a lost response gets the first one back (used where an insert met the key's index).
export async function filedEarlier(db: Executor, actor: Actor, idempotencyKey: string) {
  const [existing] = await db
    .select({ id: enquiries.id })
    .from(enquiries)
    .where(and(eq(enquiries.createdBy, actor.id), eq(enquiries.idempotencyKey, idempotencyKey)));
  if (!existing) throw badRequest("提交冲突，请重试");
  return { id: existing.id, duplicate: true };
}
