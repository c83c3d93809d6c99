// 退单 and 延期: asked for by the caseworker, decided by the manager and, for a dispatched order,
// by the hotline centre; each step a row of work_order_reviews and an audit entry.
import { eq } from "drizzle-orm";
import type { ReturnReason } from "@/db/constants";
import { workOrderReviews } from "@/db/schema";
import { badRequest } from "../../errors";
import { isCalendarDay, shanghaiDay } from "../../rules/calendar-day";
import type { TransitionAction } from "../../rules/enquiry-status";
import { addWorkingDays, isWorkingDay, workingDaysBetween } from "../../rules/working-days";
import type { EnquiryRow } from "../scoped-rows";
import type { Changes, Effect, Step } from "./effects";
import { orderHistory } from "./history-entries";

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
          after: orderHistory.returnRequest(code, input.returnReason?.text),
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
          after: orderHistory.returnDecision(approved, input.note),
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
          after: orderHistory.centre(accepted, input.note),
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
          after: orderHistory.extensionRequest(extendTo, days, input.reason as string),
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
          after: orderHistory.extensionDecision(approved, review.needsCentre, input.note),
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
          after: orderHistory.centre(accepted, input.note, changes.dueAt),
        },
      };
    }
    default:
      return null;
  }
}
