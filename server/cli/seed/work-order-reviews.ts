// The reviewed events of a demo work order's course: 退单 and 延期 (asked for by the caseworker,
// decided by the manager, then by the hotline centre, whose answer the manager records) and 督办
// with its answer. Each writes the rows its domain function writes
// (server/domain/work-orders/effects.ts) and the audit entry orderHistory builds for both.
import type { ReturnReason, ReviewDecision } from "@/db/constants";
import { orderHistory } from "../../domain/work-orders/history-entries";
import { workingDaysBetween } from "../../rules/working-days";
import type { Interval } from "./work-order-clock";
import type { OrderCourse } from "./work-order-course";

// The review being decided: the last one asked for.
function lastReview(course: OrderCourse) {
  const review = course.reviews.at(-1);
  if (!review) throw new Error(`order ${course.input.id} has no review to decide`);
  return review;
}

function decide(course: OrderCourse, at: Date, approved: boolean, note: string | null) {
  const decision: ReviewDecision = approved ? "approved" : "refused";
  Object.assign(lastReview(course), {
    decision,
    decisionNote: note,
    decidedBy: course.setup.managerId,
    decidedAt: at,
  });
}

function centreDecides(course: OrderCourse, at: Date, accepted: boolean, note: string | null) {
  Object.assign(lastReview(course), {
    centreDecision: accepted ? "accepted" : "refused",
    centreNote: note,
    centreRecordedBy: course.setup.managerId,
    centreRecordedAt: at,
  });
}

// While a 退单 waits for its decisions the order is not the unit's to work: no 催办 is made.
const waitingEnds = (course: OrderCourse, at: Date) => {
  (course.waiting.at(-1) as Interval).to = at;
};

export function requestReturn(
  course: OrderCourse,
  at: Date,
  request: { code: ReturnReason; text: string | null },
) {
  const { worker } = course.setup;
  course.reviews.push({
    enquiryId: course.input.id,
    kind: "return",
    returnReason: request.code,
    reason: request.text,
    requestedBy: worker,
    requestedAt: at,
    needsCentre: true,
  });
  course.waiting.push({ from: at, to: null });
  const after = orderHistory.returnRequest(request.code, request.text);
  course.record(at, worker, "work_order.return", after, "return_review");
}

export function decideReturn(
  course: OrderCourse,
  at: Date,
  approved: boolean,
  note: string | null = null,
) {
  decide(course, at, approved, note);
  if (!approved) waitingEnds(course, at);
  const after = orderHistory.returnDecision(approved, note);
  const to = approved ? "return_submitted" : "awaiting_sign";
  course.record(at, course.setup.managerId, "work_order.return", after, to);
}

export function centreReturn(
  course: OrderCourse,
  at: Date,
  accepted: boolean,
  note: string | null = null,
) {
  centreDecides(course, at, accepted, note);
  if (accepted) course.assigneeId = null;
  else waitingEnds(course, at);
  const to = accepted ? "withdrawn" : "awaiting_sign";
  const after = orderHistory.centre(accepted, note);
  course.record(at, course.setup.managerId, "work_order.return", after, to);
}

// 延期 to `extendTo`, counted in working days from the due day as it stands.
export function requestExtension(course: OrderCourse, at: Date, extendTo: string, reason: string) {
  const days = workingDaysBetween(course.due() as Date, extendTo);
  course.reviews.push({
    enquiryId: course.input.id,
    kind: "extension",
    reason,
    extendTo,
    extensionDays: days,
    requestedBy: course.setup.worker,
    requestedAt: at,
    needsCentre: true,
  });
  const after = orderHistory.extensionRequest(extendTo, days, reason);
  course.record(at, course.setup.worker, "work_order.extension", after);
}

export function decideExtension(
  course: OrderCourse,
  at: Date,
  approved: boolean,
  note: string | null = null,
) {
  decide(course, at, approved, note);
  const after = orderHistory.extensionDecision(approved, true, note);
  course.record(at, course.setup.managerId, "work_order.extension", after);
}

// Only the hotline centre's acceptance moves the due moment.
export function centreExtension(
  course: OrderCourse,
  at: Date,
  accepted: boolean,
  note: string | null = null,
) {
  centreDecides(course, at, accepted, note);
  if (accepted) {
    course.extensions.push({
      unit: "working_days",
      amount: lastReview(course).extensionDays as number,
    });
  }
  const after = orderHistory.centre(accepted, note, accepted ? course.due() : null);
  course.record(at, course.setup.managerId, "work_order.extension", after);
}

export function supervise(course: OrderCourse, at: Date, replyBy: Date, comment: string) {
  course.supervisions.push({
    enquiryId: course.input.id,
    comment,
    replyBy,
    supervisedBy: course.setup.managerId,
    supervisedAt: at,
  });
  const after = orderHistory.supervise(comment, replyBy);
  course.record(at, course.setup.managerId, "work_order.supervise", after);
}

export function answerSupervision(course: OrderCourse, at: Date, answer: string) {
  const open = course.supervisions.at(-1);
  if (!open) throw new Error(`order ${course.input.id} has no 督办 to answer`);
  Object.assign(open, { answer, answeredBy: course.setup.worker, answeredAt: at });
  const after = orderHistory.answer(answer, at > open.replyBy);
  course.record(at, course.setup.worker, "work_order.answer", after);
}
