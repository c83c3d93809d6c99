import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db";
import {
  type EnquiryStatus,
  OPEN_STATUSES,
  type Priority,
  WORK_ORDER_CLASSIFICATION_LABELS,
  WORK_ORDER_PLATFORM_LABELS,
} from "@/db/constants";
import { users, workOrderReminders, workOrderTransfers } from "@/db/schema";
import {
  formatRemaining,
  type LimitState,
  limitState,
  signForLimit,
} from "../../rules/time-limits";
import { regionNames } from "../regions";
import { type Course, lastReturnRefused, reviewStage } from "./course";
import { handlingLimitOf, limitsFor, warningOf } from "./limits";

type Clock = { state: LimitState; text: string; dueAt: Date | null };

// What the enquiry page shows of a work order: the platform's data, the time left to 签收 and
// to 办结 in the region's office time, and every 退单, 延期, 挂起, 转办, 督办 and 催办.
export async function workOrderPanel(
  db: Executor,
  enquiry: {
    id: number;
    regionCode: string;
    status: EnquiryStatus;
    priority: Priority;
    dueAt: Date;
  },
  course: Course,
  now: Date,
) {
  const order = course.order;
  if (!order) return null;
  const limits = await limitsFor(db, enquiry.regionCode, order.dispatchedAt);
  const open = OPEN_STATUSES.includes(enquiry.status);

  let sign: Clock | null = null;
  if (order.signDueAt && enquiry.status === "awaiting_sign") {
    const limit = signForLimit(limits.limits);
    sign = {
      state: limitState(
        now,
        order.signDueAt,
        limit,
        limits.office,
        warningOf(limit, limits) ?? undefined,
      ),
      text: formatRemaining(now, order.signDueAt, limits.office, limit),
      dueAt: order.signDueAt,
    };
  }
  let handling: Clock | null = null;
  if (open) {
    const limit = handlingLimitOf(order, enquiry.priority, limits);
    const due = enquiry.status === "suspended" ? null : enquiry.dueAt;
    handling = {
      state: limitState(now, due, limit, limits.office, warningOf(limit, limits) ?? undefined),
      text: formatRemaining(now, due, limits.office, limit),
      dueAt: due,
    };
  }

  const supervisions = course.supervisions;
  const [transfers, reminders] = await Promise.all([
    db
      .select()
      .from(workOrderTransfers)
      .where(eq(workOrderTransfers.enquiryId, enquiry.id))
      .orderBy(asc(workOrderTransfers.transferredAt)),
    db
      .select()
      .from(workOrderReminders)
      .where(eq(workOrderReminders.enquiryId, enquiry.id))
      .orderBy(asc(workOrderReminders.remindedAt)),
  ]);
  const [names, people] = await Promise.all([
    regionNames(db, [
      order.dispatchingCity,
      ...transfers.flatMap((t) => [t.fromRegion, t.toRegion]),
    ]),
    peopleNames(db, [
      ...course.events.reviews.flatMap((r) => [r.requestedBy, r.decidedBy]),
      ...supervisions.flatMap((s) => [s.supervisedBy, s.answeredBy]),
    ]),
  ]);

  return {
    platform: order.platform,
    platformLabel: WORK_ORDER_PLATFORM_LABELS[order.platform],
    externalNumber: order.externalNumber,
    dispatchingCityName: names.get(order.dispatchingCity) ?? order.dispatchingCity,
    dispatchingUnit: order.dispatchingUnit,
    externalDueAt: order.externalDueAt,
    classification: order.classification,
    classificationLabel: WORK_ORDER_CLASSIFICATION_LABELS[order.classification],
    dispatchedAt: order.dispatchedAt,
    signedAt: order.signedAt,
    sign,
    handling,
    returnRefused: lastReturnRefused(course),
    // The caller as the hotline recorded them (masked), for a caseworker identifying the member.
    caller: order.callerName
      ? {
          name: order.callerName,
          phoneMasked: order.callerPhoneMasked,
          idNumberMasked: order.callerIdNumberMasked,
        }
      : null,
    reviews: course.events.reviews.map((review) => ({
      id: review.id,
      kind: review.kind,
      stage: reviewStage(review),
      returnReason: review.returnReason,
      reason: review.reason,
      extendTo: review.extendTo,
      extensionDays: review.extensionDays,
      requestedByName: people.get(review.requestedBy) ?? null,
      requestedAt: review.requestedAt,
      decision: review.decision,
      decisionNote: review.decisionNote,
      decidedByName: review.decidedBy ? (people.get(review.decidedBy) ?? null) : null,
      decidedAt: review.decidedAt,
      needsCentre: review.needsCentre,
      centreDecision: review.centreDecision,
      centreNote: review.centreNote,
      centreRecordedAt: review.centreRecordedAt,
    })),
    pauses: course.events.pauses,
    transfers: transfers.map((t) => ({
      id: t.id,
      from: names.get(t.fromRegion) ?? t.fromRegion,
      to: names.get(t.toRegion) ?? t.toRegion,
      reason: t.reason,
      at: t.transferredAt,
    })),
    supervisions: supervisions.map((s) => ({
      id: s.id,
      comment: s.comment,
      replyBy: s.replyBy,
      supervisedByName: people.get(s.supervisedBy) ?? null,
      supervisedAt: s.supervisedAt,
      answer: s.answer,
      answeredByName: s.answeredBy ? (people.get(s.answeredBy) ?? null) : null,
      answeredAt: s.answeredAt,
    })),
    reminders: reminders.map((r) => ({ id: r.id, kind: r.kind, dueAt: r.dueAt, at: r.remindedAt })),
  };
}

async function peopleNames(db: Executor, ids: readonly (number | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map<number, string>();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((row) => [row.id, row.name]));
}
