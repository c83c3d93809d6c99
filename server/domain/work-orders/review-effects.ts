// 退单 and 延期: asked for by the caseworker, decided by the manager and, for a dispatched order,
// by the hotline centre; each step a row of work_order_reviews and an audit entry.
import { eq } from "drizzle-orm";
import { CENTRE_DECISION_LABELS, RETURN_REASON_LABELS, type ReturnReason } from "@/db/constants";
import { workOrderReviews } from "@/db/schema";
import { badRequest } from "../../errors";
import { chineseDay, isCalendarDay, shanghaiDay, shanghaiMinute } from "../../rules/calendar-day";
import type { TransitionAction } from "../../rules/enquiry-status";
import { addWorkingDays, isWorkingDay, workingDaysBetween } from "../../rules/working-days";
import type { EnquiryRow } from "../scoped-rows";
import type { Changes, Effect, Step } from "./effects";

async function decide(
  step: Step,
  reviewId: number,
  values: Partial<typeof workOrderReviews.$inferInsert>,
) {
  await step.tx.update(workOrderReviews).set(values).where(eq(workOrderReviews.id, reviewId));
}

// The new date of a 延期: a working day after the present due day, counted in working days.
function extensionDays(row: EnquiryRow, extendTo: string): number {
  if (!isCalendarDay(extendTo)) throw badRequest("延期日期无效", "extendTo");
  if (!isWorkingDay(extendTo)) throw badRequest("延期至应为工作日", "extendTo");
  const days = workingDaysBetween(shanghaiDay(row.dueAt), extendTo);
  if (days < 1) throw badRequest("延期至应晚于当前办理期限", "extendTo");
  if (days > 30) throw badRequest("一次延期不能超过30个工作日", "extendTo");
  return days;
}

// `dueChange` recomputes the due moment once an extension is in force.
export async function applyReviewAction(
  action: TransitionAction,
  step: Step,
  dueChange: (step: Step) => Promise<Changes>,
): Promise<Effect | null> {
  const { tx, row, course, actor, input, now } = step;
  switch (action) {
    case "request_return": {
      const code = input.returnReason?.code as ReturnReason;
      await tx.insert(workOrderReviews).values({
        enquiryId: row.id,
        kind: "return",
        returnReason: code,
        reason: input.returnReason?.text?.trim() || null,
        requestedBy: actor.id,
        requestedAt: now,
        needsCentre: true,
      });
      return {
        changes: {},
        audit: {
          action: "work_order.return",
          after: {
            request: RETURN_REASON_LABELS[code],
            ...(input.returnReason?.text ? { reason: input.returnReason.text } : {}),
          },
        },
      };
    }
    case "approve_return":
    case "refuse_return": {
      const review = course.pendingReturn;
      if (!review) throw badRequest("没有待审核的退单申请");
      const approved = action === "approve_return";
      await decide(step, review.id, {
        decision: approved ? "approved" : "refused",
        decisionNote: input.note?.trim() || null,
        decidedBy: actor.id,
        decidedAt: now,
      });
      return {
        changes: {},
        audit: {
          action: "work_order.return",
          after: {
            decision: approved ? "同意退单，已报热线中心" : "驳回退单",
            ...(input.note ? { note: input.note } : {}),
          },
        },
      };
    }
    case "centre_accept_return":
    case "centre_refuse_return": {
      const review = course.pendingReturn;
      if (!review) throw badRequest("没有待热线中心答复的退单");
      const accepted = action === "centre_accept_return";
      await decide(step, review.id, {
        centreDecision: accepted ? "accepted" : "refused",
        centreNote: input.note?.trim() || null,
        centreRecordedBy: actor.id,
        centreRecordedAt: now,
      });
      return {
        changes: accepted ? { assigneeId: null } : {},
        audit: {
          action: "work_order.return",
          after: {
            centre: CENTRE_DECISION_LABELS[accepted ? "accepted" : "refused"],
            ...(input.note ? { note: input.note } : {}),
          },
        },
      };
    }
    case "request_extension": {
      const extendTo = input.extendTo as string;
      const days = extensionDays(row, extendTo);
      await tx.insert(workOrderReviews).values({
        enquiryId: row.id,
        kind: "extension",
        reason: (input.reason as string).trim(),
        extendTo,
        extensionDays: days,
        requestedBy: actor.id,
        requestedAt: now,
        needsCentre: course.order !== null,
      });
      return {
        changes: {},
        audit: {
          action: "work_order.extension",
          after: {
            request: `延期至${chineseDay(extendTo)}（${days}个工作日）`,
            reason: input.reason,
          },
        },
      };
    }
    case "approve_extension":
    case "refuse_extension": {
      const review = course.pendingExtension;
      if (!review) throw badRequest("没有待审批的延期申请");
      const approved = action === "approve_extension";
      await decide(step, review.id, {
        decision: approved ? "approved" : "refused",
        decisionNote: input.note?.trim() || null,
        decidedBy: actor.id,
        decidedAt: now,
      });
      // Only the last word moves the due moment: the manager's for an enquiry filed at the agency.
      let changes: Changes = {};
      if (approved && !review.needsCentre) {
        changes = { dueAt: addWorkingDays(row.dueAt, review.extensionDays as number) };
      }
      return {
        changes,
        audit: {
          action: "work_order.extension",
          after: {
            decision: approved
              ? review.needsCentre
                ? "同意延期，已报热线中心"
                : "同意延期"
              : "驳回延期",
            ...(input.note ? { note: input.note } : {}),
          },
        },
      };
    }
    case "centre_accept_extension":
    case "centre_refuse_extension": {
      const review = course.pendingExtension;
      if (!review) throw badRequest("没有待热线中心答复的延期申请");
      const accepted = action === "centre_accept_extension";
      await decide(step, review.id, {
        centreDecision: accepted ? "accepted" : "refused",
        centreNote: input.note?.trim() || null,
        centreRecordedBy: actor.id,
        centreRecordedAt: now,
      });
      const changes = accepted ? await dueChange(step) : {};
      return {
        changes,
        audit: {
          action: "work_order.extension",
          after: {
            centre: CENTRE_DECISION_LABELS[accepted ? "accepted" : "refused"],
            ...(changes.dueAt ? { dueAt: shanghaiMinute(changes.dueAt) } : {}),
            ...(input.note ? { note: input.note } : {}),
          },
        },
      };
    }
    default:
      return null;
  }
}
