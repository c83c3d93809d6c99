// What each action of a work order's course does beyond its change of status: 签收, 转办, 挂起,
// 督办 here, the two-level reviews of 退单 and 延期 in review-effects.ts. Called by
// transitionEnquiry inside its transaction, after the course table's checks passed.
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db";
import type { AuditAction } from "@/db/constants";
import {
  type enquiries,
  workOrderPauses,
  workOrderSupervisions,
  workOrders,
  workOrderTransfers,
} from "@/db/schema";
import { badRequest } from "../../errors";
import { isCalendarDay, shanghaiDay } from "../../rules/calendar-day";
import type { TransitionAction } from "../../rules/enquiry-status";
import type { TransitionInput } from "../../schemas/enquiries";
import { findRegion } from "../regions";
import type { EnquiryRow } from "../scoped-rows";
import type { Actor } from "../users";
import type { Course, WorkOrderRow } from "./course";
import { orderHistory } from "./history-entries";
import { clockEvents, handlingDueAt, limitsFor, signDueAt } from "./limits";
import { applyReviewAction } from "./review-effects";

export type Changes = Partial<typeof enquiries.$inferInsert>;
export type Effect = {
  changes: Changes;
  audit: { action: AuditAction; after: Record<string, unknown> };
};

export type Step = {
  tx: Executor;
  row: EnquiryRow;
  course: Course;
  actor: Actor;
  input: TransitionInput;
  now: Date;
};

// The due moment after the clock changed (a pause ended, an extension was accepted, the order
// moved region). A counter enquiry has no order: its due moment moves by the extension's working
// days from where it stood.
async function recomputedDue(step: Step, order: WorkOrderRow | null, regionCode: string) {
  if (!order) return null;
  const limits = await limitsFor(step.tx, regionCode, order.dispatchedAt);
  const events = await clockEvents(step.tx, step.row.id);
  return handlingDueAt(order, step.row.priority, limits, events);
}

async function dueChange(step: Step, regionCode = step.row.regionCode): Promise<Changes> {
  const due = await recomputedDue(step, step.course.order, regionCode);
  return due ? { dueAt: due } : {};
}

function requireOrder(course: Course): WorkOrderRow {
  if (!course.order) throw badRequest("该操作只用于热线派单");
  return course.order;
}

export async function applyCourseAction(
  action: TransitionAction,
  step: Step,
): Promise<Effect | null> {
  const { tx, row, course, actor, input, now } = step;
  switch (action) {
    case "sign": {
      const order = requireOrder(course);
      await tx
        .update(workOrders)
        .set({ signedAt: now, signedBy: actor.id, signDueAt: null })
        .where(eq(workOrders.enquiryId, order.enquiryId));
      const late = order.signDueAt && now.getTime() > order.signDueAt.getTime();
      return {
        changes: { assigneeId: actor.id },
        audit: { action: "work_order.sign", after: orderHistory.sign(Boolean(late)) },
      };
    }
    case "transfer": {
      const order = requireOrder(course);
      const toRegion = input.toRegion as string;
      const region = await findRegion(tx, toRegion);
      if (!region || region.level === "province") {
        throw badRequest("请选择具体到地市的转办地区", "toRegion");
      }
      if (toRegion === row.regionCode) throw badRequest("转办地区应为其他地区", "toRegion");
      await tx.insert(workOrderTransfers).values({
        enquiryId: row.id,
        fromRegion: row.regionCode,
        toRegion,
        reason: (input.reason as string).trim(),
        transferredBy: actor.id,
        transferredAt: now,
      });
      const limits = await limitsFor(tx, toRegion, order.dispatchedAt);
      const due = await dueChange(step, toRegion);
      await tx
        .update(workOrders)
        .set({
          signDueAt: signDueAt(now, limits, due.dueAt ?? row.dueAt),
          signedAt: null,
          signedBy: null,
        })
        .where(eq(workOrders.enquiryId, order.enquiryId));
      return {
        changes: { regionCode: toRegion, assigneeId: null, ...due },
        audit: {
          action: "work_order.transfer",
          after: orderHistory.transfer(region.name, input.reason as string),
        },
      };
    }
    case "suspend": {
      const resumeOn = input.resumeOn as string;
      if (!isCalendarDay(resumeOn)) throw badRequest("预计恢复日期无效", "resumeOn");
      if (resumeOn <= shanghaiDay(now)) throw badRequest("预计恢复日期应晚于今天", "resumeOn");
      await tx.insert(workOrderPauses).values({
        enquiryId: row.id,
        reason: (input.reason as string).trim(),
        resumeOn,
        startedAt: now,
        startedBy: actor.id,
      });
      return {
        changes: {},
        audit: {
          action: "work_order.suspend",
          after: orderHistory.suspend(input.reason as string, resumeOn),
        },
      };
    }
    case "unsuspend": {
      await tx
        .update(workOrderPauses)
        .set({ endedAt: now, endedBy: actor.id })
        .where(and(eq(workOrderPauses.enquiryId, row.id), isNull(workOrderPauses.endedAt)));
      const changes = await dueChange(step);
      return {
        changes,
        audit: {
          action: "work_order.resume",
          after: orderHistory.resume(changes.dueAt),
        },
      };
    }
    case "supervise": {
      const replyBy = input.replyBy as Date;
      if (replyBy.getTime() <= now.getTime()) throw badRequest("答复期限应晚于现在", "replyBy");
      await tx.insert(workOrderSupervisions).values({
        enquiryId: row.id,
        comment: (input.comment as string).trim(),
        replyBy,
        supervisedBy: actor.id,
        supervisedAt: now,
      });
      return {
        changes: {},
        audit: {
          action: "work_order.supervise",
          after: orderHistory.supervise(input.comment as string, replyBy),
        },
      };
    }
    case "answer_supervision": {
      const open = course.openSupervision;
      if (!open) throw badRequest("该工单没有待答复的督办");
      await tx
        .update(workOrderSupervisions)
        .set({ answer: (input.answer as string).trim(), answeredBy: actor.id, answeredAt: now })
        .where(eq(workOrderSupervisions.id, open.id));
      const late = now.getTime() > open.replyBy.getTime();
      return {
        changes: {},
        audit: {
          action: "work_order.answer",
          after: orderHistory.answer(input.answer as string, late),
        },
      };
    }
    default:
      return applyReviewAction(action, step, dueChange);
  }
}
