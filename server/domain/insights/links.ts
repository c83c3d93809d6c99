import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { CAUSE_CODES } from "@/db/constants";
import { enquiries, enquiryCauses, enquiryLinks } from "@/db/schema";
import { codeOrder } from "@/db/schema/code-lists";
import { badRequest } from "../../errors";
import type { CauseTag } from "../../schemas/enquiries";
import { type AuditContext, recordAudit } from "../audit";
import { inScope } from "../region-scope";
import { loadEnquiryInScope } from "../scoped-rows";
import type { Actor } from "../users";

// A repeat enquiry of the same member points to the earlier one. Both must be visible to the
// actor (otherwise NOT_FOUND) and belong to the same member.
export async function linkEnquiries(
  db: Executor,
  actor: Actor,
  enquiry: { id: number; memberId: number },
  relatedIds: readonly number[],
  audit: Omit<AuditContext, "actorId">,
) {
  const unique = [...new Set(relatedIds)].filter((relatedId) => relatedId !== enquiry.id);
  if (unique.length === 0) return;
  for (const relatedId of unique) {
    const related = await loadEnquiryInScope(db, actor, relatedId);
    if (related.memberId !== enquiry.memberId) {
      throw badRequest("只能关联同一参保人的咨询", "relatedEnquiryIds");
    }
  }
  const inserted = await db
    .insert(enquiryLinks)
    .values(
      unique.map((relatedEnquiryId) => ({
        enquiryId: enquiry.id,
        relatedEnquiryId,
        createdBy: actor.id,
      })),
    )
    .onConflictDoNothing()
    .returning({ relatedEnquiryId: enquiryLinks.relatedEnquiryId });
  await auditBothSides(
    db,
    actor,
    audit,
    enquiry.id,
    inserted.map((row) => row.relatedEnquiryId),
    "link",
  );
}

// Each side's history says what it was linked to, or unlinked from.
async function auditBothSides(
  db: Executor,
  actor: Actor,
  audit: Omit<AuditContext, "actorId">,
  id: number,
  otherIds: readonly number[],
  change: "link" | "unlink",
) {
  for (const relatedEnquiryId of otherIds) {
    for (const [own, other] of [
      [id, relatedEnquiryId],
      [relatedEnquiryId, id],
    ] as const) {
      const value = { linkedEnquiry: `#${other}` };
      await recordAudit(
        db,
        { ...audit, actorId: actor.id },
        change === "link"
          ? { action: "enquiry.link", entity: "enquiry", entityId: own, after: value }
          : { action: "enquiry.unlink", entity: "enquiry", entityId: own, before: value },
      );
    }
  }
}

// Linking from the detail page. A link changes neither enquiry's own fields, so it takes no
// version: two caseworkers linking at once both succeed, the second as a no-op.
export async function linkFromDetail(
  db: Database,
  actor: Actor,
  input: { id: number; relatedEnquiryId: number },
  audit: Omit<AuditContext, "actorId"> = {},
) {
  return db.transaction(async (tx) => {
    const row = await loadEnquiryInScope(tx, actor, input.id, { lock: true });
    if (input.relatedEnquiryId === row.id) throw badRequest("不能关联工单自身", "relatedEnquiryId");
    if (row.memberId === null) {
      throw badRequest("该工单尚未关联参保人，请先关联参保人", "relatedEnquiryId");
    }
    await linkEnquiries(
      tx,
      actor,
      { id: row.id, memberId: row.memberId },
      [input.relatedEnquiryId],
      audit,
    );
    return { id: row.id };
  });
}

// A link made by mistake is removed from both ends; both histories keep what it was.
export async function unlinkFromDetail(
  db: Database,
  actor: Actor,
  input: { id: number; relatedEnquiryId: number },
  audit: Omit<AuditContext, "actorId"> = {},
) {
  return db.transaction(async (tx) => {
    const row = await loadEnquiryInScope(tx, actor, input.id, { lock: true });
    await loadEnquiryInScope(tx, actor, input.relatedEnquiryId);
    const pair = (a: number, b: number) =>
      and(eq(enquiryLinks.enquiryId, a), eq(enquiryLinks.relatedEnquiryId, b));
    const removed = await tx
      .delete(enquiryLinks)
      .where(or(pair(row.id, input.relatedEnquiryId), pair(input.relatedEnquiryId, row.id)))
      .returning({ enquiryId: enquiryLinks.enquiryId });
    if (removed.length === 0) throw badRequest("这两件咨询没有关联", "relatedEnquiryId");
    await auditBothSides(tx, actor, audit, row.id, [input.relatedEnquiryId], "unlink");
    return { id: row.id };
  });
}

export type LinkedEnquiry = {
  id: number;
  direction: "earlier" | "later";
  openedAt: Date;
  status: (typeof enquiries.$inferSelect)["status"];
  resolutionSummary: string | null;
  causes: CauseTag[];
};

// Links shown from both ends; an enquiry outside the actor's scope is left out.
export async function readLinks(db: Executor, actor: Actor, id: number): Promise<LinkedEnquiry[]> {
  const rows = await db
    .select({
      enquiryId: enquiryLinks.enquiryId,
      relatedEnquiryId: enquiryLinks.relatedEnquiryId,
      otherId: enquiries.id,
      openedAt: enquiries.openedAt,
      status: enquiries.status,
      resolutionSummary: enquiries.resolutionSummary,
    })
    .from(enquiryLinks)
    .innerJoin(
      enquiries,
      sql`${enquiries.id} = case when ${enquiryLinks.enquiryId} = ${id} then ${enquiryLinks.relatedEnquiryId} else ${enquiryLinks.enquiryId} end`,
    )
    .where(
      and(
        or(eq(enquiryLinks.enquiryId, id), eq(enquiryLinks.relatedEnquiryId, id)),
        inScope(enquiries.regionCode, actor.regionScope),
      ),
    )
    .orderBy(desc(enquiries.openedAt));
  if (rows.length === 0) return [];
  const causeRows = await db
    .select()
    .from(enquiryCauses)
    .where(
      inArray(
        enquiryCauses.enquiryId,
        rows.map((row) => row.otherId),
      ),
    )
    .orderBy(desc(enquiryCauses.isPrimary), codeOrder(enquiryCauses.cause, CAUSE_CODES));
  return rows.map((row) => ({
    id: row.otherId,
    direction: row.enquiryId === id ? "earlier" : "later",
    openedAt: row.openedAt,
    status: row.status,
    resolutionSummary: row.resolutionSummary,
    causes: causeRows
      .filter((c) => c.enquiryId === row.otherId)
      .map((c) => ({ cause: c.cause, subReason: c.subReason, isPrimary: c.isPrimary })),
  }));
}
