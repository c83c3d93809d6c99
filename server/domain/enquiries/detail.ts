import { aliasedTable, and, asc, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { AUDIT_ACTION_LABELS, type AuditAction } from "@/db/constants";
import { auditEvents, enquiries, members, regions, resolutionSteps, users } from "@/db/schema";
import { notFound } from "../../errors";
import { allowedActions } from "../../rules/enquiry-status";
import { inScope } from "../region-scope";
import type { Actor } from "../users";
import { readCauses } from "./causes";
import { stepKindsFor } from "./update";

const assignee = aliasedTable(users, "assignee");

export async function getEnquiryDetail(db: Executor, actor: Actor, id: number) {
  const [row] = await db
    .select({
      enquiry: enquiries,
      regionName: regions.name,
      assigneeName: assignee.displayName,
      memberName: members.name,
      memberIdNumberMasked: members.idNumberMasked,
      memberPhoneMasked: members.phoneMasked,
      memberInsurance: {
        scheme: members.insuranceScheme,
        category: members.personCategory,
        tier: members.tier,
      },
      memberEmployerName: members.employerName,
    })
    .from(enquiries)
    .innerJoin(members, eq(members.id, enquiries.memberId))
    .innerJoin(regions, eq(regions.code, enquiries.regionCode))
    .leftJoin(assignee, eq(assignee.id, enquiries.assigneeId))
    .where(and(eq(enquiries.id, id), inScope(enquiries.regionCode, actor.regionScope)));
  if (!row) throw notFound("咨询工单");

  const [causes, steps, history] = await Promise.all([
    readCauses(db, id),
    db
      .select({
        id: resolutionSteps.id,
        kind: resolutionSteps.kind,
        note: resolutionSteps.note,
        facts: resolutionSteps.facts,
        doneAt: resolutionSteps.doneAt,
        dueAt: resolutionSteps.dueAt,
        doneByName: users.displayName,
      })
      .from(resolutionSteps)
      .innerJoin(users, eq(users.id, resolutionSteps.doneBy))
      .where(eq(resolutionSteps.enquiryId, id))
      .orderBy(asc(resolutionSteps.doneAt), asc(resolutionSteps.id)),
    db
      .select({
        id: auditEvents.id,
        action: auditEvents.action,
        before: auditEvents.before,
        after: auditEvents.after,
        at: auditEvents.at,
        actorName: users.displayName,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(and(eq(auditEvents.entity, "enquiry"), eq(auditEvents.entityId, String(id))))
      .orderBy(desc(auditEvents.at), desc(auditEvents.id)),
  ]);

  const { searchTokens: _tokens, idempotencyKey: _key, ...enquiry } = row.enquiry;
  return {
    enquiry,
    regionName: row.regionName,
    assigneeName: row.assigneeName,
    member: {
      id: row.enquiry.memberId,
      name: row.memberName,
      idNumberMasked: row.memberIdNumberMasked,
      phoneMasked: row.memberPhoneMasked,
      insurance: row.memberInsurance,
      employerName: row.memberEmployerName,
    },
    causes,
    steps,
    history: history.map((event) => ({
      ...event,
      actionLabel: AUDIT_ACTION_LABELS[event.action as AuditAction] ?? event.action,
    })),
    allowedActions: allowedActions(row.enquiry.status),
    stepKinds: stepKindsFor(causes),
  };
}

export type EnquiryDetail = Awaited<ReturnType<typeof getEnquiryDetail>>;
