import type { Database } from "@/db";
import {
  ENQUIRY_STATUS_LABELS,
  FOLLOW_UP_METHOD_LABELS,
  SATISFACTION_LABELS,
  STEP_KIND_LABELS,
  STEP_KINDS,
  type StepKind,
} from "@/db/constants";
import { type enquiries, resolutionSteps } from "@/db/schema";
import { badRequest, forbidden } from "../../errors";
import { checkTransition } from "../../rules/enquiry-status";
import type { CauseTag, TransitionInput } from "../../schemas/enquiries";
import { type AuditContext, recordAudit } from "../audit";
import type { Actor } from "../users";
import { courseFacts, courseRole, loadCourse } from "../work-orders/course";
import { applyCourseAction } from "../work-orders/effects";
import { loadAssignableCaseworker, loadForUpdate, saveEnquiry } from "./access";
import { describeCauses, readCauses, writeCauses } from "./causes";
import { recheckAfterRetag, recheckAfterStep, recheckDueOnFrom } from "./recheck";

type Versioned = { id: number; version: number };
type Audit = Omit<AuditContext, "actorId">;

// Every change takes `now`, the request's clock: it stamps the change and its audit row and is
// the day re-check dates are counted from.

// One entry for every action of the course table: the table's checks (role, source, state,
// guards, required fields), then the action's effect, then the audit row, in one transaction.
export async function transitionEnquiry(
  db: Database,
  actor: Actor,
  input: TransitionInput,
  audit: Audit,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const row = await loadForUpdate(tx, actor, input.id, input.version);
    const [causes, course] = await Promise.all([readCauses(tx, row.id), loadCourse(tx, row)]);
    const role = courseRole(actor);
    if (!role) throw forbidden("系统管理员不办理咨询工单");
    const check = checkTransition(
      row.status,
      input.action,
      role,
      courseFacts(row, course, actor, causes.length, now),
      input,
    );
    if (!check.ok) {
      throw check.byRole ? forbidden(check.message) : badRequest(check.message, check.field);
    }

    const effect = await applyCourseAction(input.action, { tx, row, course, actor, input, now });
    const changes: Partial<typeof enquiries.$inferInsert> = {
      ...(check.to ? { status: check.to } : {}),
      ...effect?.changes,
    };
    switch (input.action) {
      case "start":
        changes.assigneeId = row.assigneeId ?? actor.id;
        break;
      case "await_recheck":
        // Waiting for a credit without a date to look again would leave it out of the queue.
        if (!row.recheckDueOn) changes.recheckDueOn = recheckDueOnFrom(now);
        break;
      case "resolve":
        changes.resolvedAt = now;
        changes.resolutionSummary = input.resolutionSummary ?? null;
        changes.recheckDueOn = null;
        break;
      case "follow_up":
        changes.followUpMethod = input.followUp?.method ?? null;
        changes.followUpResult = input.followUp?.result ?? null;
        changes.satisfaction = input.followUp?.satisfaction ?? null;
        changes.followedUpAt = now;
        break;
      case "return_to_pool":
        changes.assigneeId = null;
        break;
      case "reopen":
        changes.resolvedAt = null;
        changes.resolutionSummary = null;
        changes.followUpMethod = null;
        changes.followUpResult = null;
        changes.satisfaction = null;
        changes.followedUpAt = null;
        changes.assigneeId = row.assigneeId ?? actor.id;
        break;
    }
    const saved = await saveEnquiry(tx, row, changes, now);
    await recordAudit(
      tx,
      { ...audit, actorId: actor.id, at: now },
      {
        action: effect?.audit.action ?? "enquiry.transition",
        entity: "enquiry",
        entityId: row.id,
        before: check.to ? { status: ENQUIRY_STATUS_LABELS[row.status] } : null,
        after: {
          ...(check.to ? { status: ENQUIRY_STATUS_LABELS[check.to] } : {}),
          ...effect?.audit.after,
          ...(input.reason && !effect?.audit.after.reason ? { reason: input.reason } : {}),
          ...(changes.recheckDueOn ? { recheckDueOn: changes.recheckDueOn } : {}),
          ...(input.action === "resolve" ? { resolutionSummary: input.resolutionSummary } : {}),
          ...(input.followUp
            ? {
                followUp: `${FOLLOW_UP_METHOD_LABELS[input.followUp.method]}：${input.followUp.result}（${SATISFACTION_LABELS[input.followUp.satisfaction]}）`,
              }
            : {}),
        },
      },
    );
    return saved;
  });
}

export async function setEnquiryCauses(
  db: Database,
  actor: Actor,
  input: Versioned & { causes: CauseTag[] },
  audit: Audit,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const row = await loadForUpdate(tx, actor, input.id, input.version);
    if (row.status === "resolved" || row.status === "followed_up") {
      if (input.causes.length === 0) throw badRequest("已办结的工单至少保留一个原因分类");
    }
    const before = await readCauses(tx, row.id);
    await writeCauses(tx, row.id, input.causes);
    const recheckDueOn = recheckAfterRetag(row.status, before, input.causes, now);
    const saved = await saveEnquiry(
      tx,
      row,
      recheckDueOn === undefined ? {} : { recheckDueOn },
      now,
    );
    await recordAudit(
      tx,
      { ...audit, actorId: actor.id, at: now },
      {
        action: "enquiry.causes",
        entity: "enquiry",
        entityId: row.id,
        before: {
          causes: describeCauses(before),
          ...(recheckDueOn === undefined ? {} : { recheckDueOn: row.recheckDueOn }),
        },
        after: {
          causes: describeCauses(input.causes),
          ...(recheckDueOn === undefined ? {} : { recheckDueOn: recheckDueOn ?? "无" }),
        },
      },
    );
    return saved;
  });
}

// The assignee must be an active caseworker whose scope covers the enquiry's region.
export async function assignEnquiry(
  db: Database,
  actor: Actor,
  input: Versioned & { assigneeId: number | null },
  audit: Audit,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const row = await loadForUpdate(tx, actor, input.id, input.version);
    let assigneeName: string | null = null;
    if (input.assigneeId !== null) {
      const assignee = await loadAssignableCaseworker(tx, actor, input.assigneeId, row.regionCode);
      assigneeName = assignee.displayName;
    }
    const saved = await saveEnquiry(tx, row, { assigneeId: input.assigneeId }, now);
    await recordAudit(
      tx,
      { ...audit, actorId: actor.id, at: now },
      {
        action: "enquiry.assign",
        entity: "enquiry",
        entityId: row.id,
        before: { assigneeId: row.assigneeId },
        after: { assigneeId: input.assigneeId, assignee: assigneeName ?? "待分配" },
      },
    );
    return saved;
  });
}

// Steps offered for an enquiry: those of its tagged causes plus the common ones.
export function stepKindsFor(causes: readonly { cause: string }[]): StepKind[] {
  const tagged = new Set(causes.map((c) => c.cause));
  return STEP_KINDS.filter((kind) => kind.cause === null || tagged.has(kind.cause)).map(
    (kind) => kind.code,
  );
}

export async function addResolutionStep(
  db: Database,
  actor: Actor,
  // `facts`: what the step established, for a letter's sentence (a 离职减员 calculation's
  // figures); steps written by hand carry none.
  input: Versioned & {
    kind: StepKind;
    note?: string | null;
    dueAt?: Date | null;
    facts?: Record<string, unknown> | null;
  },
  audit: Audit,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const row = await loadForUpdate(tx, actor, input.id, input.version);
    if (row.status === "followed_up") throw badRequest("该工单已回访结案，如需继续处理请先重开");
    const causes = await readCauses(tx, row.id);
    if (!stepKindsFor(causes).includes(input.kind)) {
      throw badRequest("该处理步骤不适用于当前原因分类，请先调整原因分类", "kind");
    }
    if (input.kind === "free_text" && !input.note) {
      throw badRequest("请填写处理说明", "note");
    }
    if (input.kind === "extension_notified" && !input.note) {
      throw badRequest("请写明告知参保人的方式，如电话、短信", "note");
    }
    const [step] = await tx
      .insert(resolutionSteps)
      .values({
        enquiryId: row.id,
        kind: input.kind,
        note: input.note ?? null,
        dueAt: input.dueAt ?? null,
        facts: input.facts ?? null,
        doneBy: actor.id,
        doneAt: now,
      })
      .returning();
    // Recording work on a waiting enquiry means work has started.
    const recheckDueOn = recheckAfterStep(input.kind, input.dueAt);
    const saved = await saveEnquiry(
      tx,
      row,
      {
        ...(row.status === "open"
          ? { status: "in_progress" as const, assigneeId: row.assigneeId ?? actor.id }
          : {}),
        ...(recheckDueOn === undefined ? {} : { recheckDueOn }),
      },
      now,
    );
    await recordAudit(
      tx,
      { ...audit, actorId: actor.id, at: now },
      {
        action: "enquiry.step",
        entity: "enquiry",
        entityId: row.id,
        after: {
          step: STEP_KIND_LABELS[input.kind],
          ...(input.note ? { note: input.note } : {}),
          ...(row.status === "open" ? { status: ENQUIRY_STATUS_LABELS.in_progress } : {}),
          ...(recheckDueOn === undefined ? {} : { recheckDueOn: recheckDueOn ?? "无" }),
        },
      },
    );
    return { enquiry: saved, step };
  });
}
