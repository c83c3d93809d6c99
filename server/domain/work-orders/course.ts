import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { type workOrderReviews, workOrderSupervisions, workOrders } from "@/db/schema";
import type { CourseFacts, CourseRole } from "../../rules/enquiry-status";
import type { EnquiryRow } from "../scoped-rows";
import type { Actor } from "../users";
import { clockEvents } from "./limits";

export type WorkOrderRow = typeof workOrders.$inferSelect;
export type ReviewRow = typeof workOrderReviews.$inferSelect;
export type SupervisionRow = typeof workOrderSupervisions.$inferSelect;

// The role an actor takes in the course table: an administrator manages accounts and settings,
// not enquiries.
export function courseRole(actor: Actor): CourseRole | null {
  if (actor.role === "caseworker") return "caseworker";
  if (actor.role === "manager") return "manager";
  return null;
}

// A review waits for the manager until decided, then (dispatched orders) for the hotline centre.
export function reviewStage(review: ReviewRow): "manager" | "centre" | null {
  if (review.decision === null) return "manager";
  if (review.decision === "approved" && review.needsCentre && review.centreDecision === null) {
    return "centre";
  }
  return null;
}

// Everything the course table's guards look at, with the rows behind them.
export async function loadCourse(db: Executor, row: EnquiryRow) {
  const [[order], events, supervisions] = await Promise.all([
    db.select().from(workOrders).where(eq(workOrders.enquiryId, row.id)),
    clockEvents(db, row.id),
    db
      .select()
      .from(workOrderSupervisions)
      .where(eq(workOrderSupervisions.enquiryId, row.id))
      .orderBy(asc(workOrderSupervisions.supervisedAt), asc(workOrderSupervisions.id)),
  ]);
  const pendingExtension =
    events.reviews.find((review) => review.kind === "extension" && reviewStage(review)) ?? null;
  const pendingReturn =
    events.reviews.find((review) => review.kind === "return" && reviewStage(review)) ?? null;
  return {
    order: order ?? null,
    events,
    pendingExtension,
    pendingReturn,
    supervisions,
    // At most one is unanswered (work_order_supervisions_one_open_key).
    openSupervision: supervisions.find((s) => s.answeredAt === null) ?? null,
  };
}
export type Course = Awaited<ReturnType<typeof loadCourse>>;

export function courseFacts(
  row: EnquiryRow,
  course: Course,
  actor: Actor,
  causeCount: number,
  now: Date,
): CourseFacts {
  return {
    source: course.order ? "dispatched" : "counter",
    causeCount,
    memberKnown: row.memberId !== null,
    assignedToOther: row.assigneeId !== null && row.assigneeId !== actor.id,
    overdue: now.getTime() > row.dueAt.getTime(),
    extensionStage: course.pendingExtension ? reviewStage(course.pendingExtension) : null,
    openSupervision: course.openSupervision !== null,
  };
}

// Unused by the guards but shown with the order: the last 退单 refused (退单被驳回).
export function lastReturnRefused(course: Course): boolean {
  const returns = course.events.reviews.filter((review) => review.kind === "return");
  const last = returns.at(-1);
  return !!last && (last.decision === "refused" || last.centreDecision === "refused");
}
