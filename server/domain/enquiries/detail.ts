import { aliasedTable, and, asc, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { AUDIT_ACTION_LABELS, type AuditAction, type MemberInsurance } from "@/db/constants";
import { auditEvents, enquiries, members, regions, resolutionSteps, users } from "@/db/schema";
import { notFound } from "../../errors";
import { allowedActions } from "../../rules/enquiry-status";
import { isWithinScope } from "../region-scope";
import { enquiryReadable } from "../scoped-rows";
import type { Actor } from "../users";
import { courseFacts, courseRole, loadCourse } from "../work-orders/course";
import { workOrderPanel } from "../work-orders/detail";
import { readCauses } from "./causes";
import { stepKindsFor } from "./update";

const assignee = aliasedTable(users, "assignee");

export async function getEnquiryDetail(db: Executor, actor: Actor, id: number, now: Date) {
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
    .leftJoin(members, eq(members.id, enquiries.memberId))
    .innerJoin(regions, eq(regions.code, enquiries.regionCode))
    .leftJoin(assignee, eq(assignee.id, enquiries.assigneeId))
    .where(and(eq(enquiries.id, id), enquiryReadable(actor.regionScope)));
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

  const course = await loadCourse(db, row.enquiry);
  const workOrder = await workOrderPanel(db, row.enquiry, course, now);
  // A region that handed the order on by 转办 may still read it, and only read it.
  const readOnly = !isWithinScope(row.enquiry.regionCode, actor.regionScope);
  const role = courseRole(actor);
  const actions =
    readOnly || !role
      ? []
      : allowedActions(
          row.enquiry.status,
          role,
          courseFacts(row.enquiry, course, actor, causes.length, now),
        );

  const { searchTokens: _tokens, idempotencyKey: _key, ...enquiry } = row.enquiry;
  return {
    enquiry,
    regionName: row.regionName,
    assigneeName: row.assigneeName,
    // Null while a hotline order's caller is not identified (待识别参保人): the order panel then
    // shows the caller as the hotline recorded them.
    member:
      row.enquiry.memberId === null
        ? null
        : {
            id: row.enquiry.memberId,
            name: row.memberName as string,
            idNumberMasked: row.memberIdNumberMasked as string,
            phoneMasked: row.memberPhoneMasked,
            insurance: row.memberInsurance as MemberInsurance,
            employerName: row.memberEmployerName,
          },
    causes,
    steps,
    history: history.map((event) => ({
      ...event,
      actionLabel: AUDIT_ACTION_LABELS[event.action as AuditAction] ?? event.action,
    })),
    allowedActions: actions,
    readOnly,
    workOrder,
    stepKinds: stepKindsFor(causes),
  };
}

export type EnquiryDetail = Awaited<ReturnType<typeof getEnquiryDetail>>;
