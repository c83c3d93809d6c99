import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { workOrders } from "@/db/schema";
import { badRequest } from "../../errors";
import { type AuditContext, recordAudit } from "../audit";
import { loadForUpdate, saveEnquiry } from "../enquiries/access";
import { loadMemberInScope } from "../scoped-rows";
import type { Actor } from "../users";

// 待识别参保人 → the member: a caseworker who has called the caller back links the member they
// found or recorded. Only a hotline order can be without one, and only once.
export async function linkMember(
  db: Database,
  actor: Actor,
  input: { id: number; version: number; memberId: number },
  audit: Omit<AuditContext, "actorId">,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const row = await loadForUpdate(tx, actor, input.id, input.version);
    const [order] = await tx
      .select({ callerName: workOrders.callerName })
      .from(workOrders)
      .where(eq(workOrders.enquiryId, row.id));
    if (!order || row.memberId !== null) throw badRequest("该工单已关联参保人");
    const member = await loadMemberInScope(tx, actor, input.memberId);
    const saved = await saveEnquiry(tx, row, { memberId: member.id }, now);
    await recordAudit(
      tx,
      { ...audit, actorId: actor.id, at: now },
      {
        action: "work_order.link_member",
        entity: "enquiry",
        entityId: row.id,
        before: { member: `待识别（来电人${order.callerName ?? ""}）` },
        after: { member: `${member.name} ${member.idNumberMasked}` },
      },
    );
    return saved;
  });
}
