import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import type { Priority } from "@/db/constants";
import { workOrderPauses, workOrderReviews, type workOrders } from "@/db/schema";
import { shanghaiDay } from "../../rules/calendar-day";
import {
  dueAt,
  type Extension,
  handlingLimit,
  officeHoursOf,
  type Pause,
  signDueWithin,
  type TimeLimit,
  warningFor,
} from "../../rules/time-limits";
import { loadPolicy } from "../policy-settings";

type WorkOrderRow = typeof workOrders.$inferSelect;

// The limits of an order in its present region, as that region's settings stood on the day it
// was dispatched: a later change of the settings does not move an order already running.
export async function limitsFor(db: Executor, regionCode: string, dispatchedAt: Date) {
  const policy = await loadPolicy(db, regionCode, shanghaiDay(dispatchedAt));
  return { office: officeHoursOf(policy), limits: policy.work_order_limits.value };
}
export type Limits = Awaited<ReturnType<typeof limitsFor>>;

// 签收 within the region's hours from the moment the order reached the region, capped by the
// order's own due moment (signDueWithin).
export function signDueAt(arrivedAt: Date, limits: Limits, handlingDue: Date | null): Date {
  return signDueWithin(arrivedAt, limits.limits, limits.office, handlingDue);
}

export function handlingLimitOf(
  order: Pick<WorkOrderRow, "classification">,
  priority: Priority,
  { limits }: Limits,
) {
  return handlingLimit(limits, order.classification, priority);
}

export function warningOf(limit: TimeLimit, { limits }: Limits) {
  return warningFor(limits, limit);
}

// The pauses (挂起) and the extensions in force: for a dispatched order, those the hotline centre
// accepted; for one filed at the agency, those the manager approved.
export async function clockEvents(db: Executor, enquiryId: number) {
  const [pauses, reviews] = await Promise.all([
    db
      .select({
        from: workOrderPauses.startedAt,
        to: workOrderPauses.endedAt,
        reason: workOrderPauses.reason,
        resumeOn: workOrderPauses.resumeOn,
      })
      .from(workOrderPauses)
      .where(eq(workOrderPauses.enquiryId, enquiryId))
      .orderBy(asc(workOrderPauses.startedAt)),
    db
      .select()
      .from(workOrderReviews)
      .where(eq(workOrderReviews.enquiryId, enquiryId))
      .orderBy(asc(workOrderReviews.requestedAt), asc(workOrderReviews.id)),
  ]);
  const extensions: Extension[] = reviews
    .filter(
      (review) =>
        review.kind === "extension" &&
        (review.needsCentre
          ? review.centreDecision === "accepted"
          : review.decision === "approved"),
    )
    .map((review) => ({ unit: "working_days", amount: review.extensionDays as number }));
  return { pauses: pauses satisfies Pause[], extensions, reviews };
}

// The due moment of a dispatched order from its dispatch, its region's limits, its pauses and
// its accepted extensions; null while it is suspended.
export function handlingDueAt(
  order: Pick<WorkOrderRow, "dispatchedAt" | "classification">,
  priority: Priority,
  limits: Limits,
  events: { pauses: readonly Pause[]; extensions: readonly Extension[] },
): Date | null {
  return dueAt(
    order.dispatchedAt,
    handlingLimitOf(order, priority, limits),
    limits.office,
    events.pauses,
    events.extensions,
  );
}
