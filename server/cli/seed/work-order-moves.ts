// The moves a demo work order's course is made of, each placed in the region's office time: a
// 退单 and its decisions, a 延期 and its decisions, a 挂起 and its end, a 督办 after a 催办. The
// paths (work-order-paths.ts, work-order-open.ts) decide which an order makes.
import { shanghaiDay, shanghaiDayStart } from "../../rules/calendar-day";
import { addWorkingDaysToDate } from "../../rules/working-days";
import type { Random } from "./random";
import { type Interval, later, officeMinutes } from "./work-order-clock";
import type { EnquiryChanges, OrderCourse } from "./work-order-course";
import {
  answerSupervision,
  centreExtension,
  centreReturn,
  decideExtension,
  decideReturn,
  requestExtension,
  requestReturn,
  supervise,
} from "./work-order-reviews";
import {
  centreReturnRefusal,
  extensionNotice,
  extensionReason,
  extensionRefusal,
  pauseReason,
  returnRefusal,
  returnRequest,
  supervisionAnswer,
  supervisionComment,
} from "./work-order-texts";

export const between = (random: Random, from: number, to: number) =>
  from + random.next() * (to - from);

// 退单 asked for soon after the order arrived, before 签收: refused by the manager, refused by the
// hotline centre, or accepted (the order leaves the agency). The moment of the last decision.
export function askReturn(
  course: OrderCourse,
  random: Random,
  from: Date,
  outcome: "manager" | "centre" | "accepted",
): Date {
  const { clock } = course.setup;
  const askedAt = later(clock, from, random.int(10, 120));
  requestReturn(course, askedAt, returnRequest(random));
  const decidedAt = later(clock, askedAt, random.int(20, 240));
  if (outcome === "manager") {
    decideReturn(course, decidedAt, false, returnRefusal(random));
    return decidedAt;
  }
  decideReturn(course, decidedAt, true);
  const centreAt = later(clock, decidedAt, random.int(120, 900));
  const accepted = outcome === "accepted";
  centreReturn(course, centreAt, accepted, accepted ? null : centreReturnRefusal(random));
  return centreAt;
}

export type ExtensionOutcome =
  | "accepted"
  | "manager"
  | "centre"
  | "awaits_manager"
  | "awaits_centre";

// 延期 asked for within the limit (two office hours or more before `until`, the due moment or
// now) and decided before `until`; once accepted, the member is told. The moment of its last
// event, or null when it does not fit.
export function askExtension(
  course: OrderCourse,
  random: Random,
  from: Date,
  until: Date,
  outcome: ExtensionOutcome,
): Date | null {
  const { clock, now } = course.setup;
  const room = officeMinutes(clock, from, until);
  if (room < 240) return null;
  const askedAt = later(clock, from, room - random.int(120, Math.min(room - 60, 900)));
  const extendTo = addWorkingDaysToDate(shanghaiDay(course.due() as Date), random.int(2, 5));
  requestExtension(course, askedAt, extendTo, extensionReason(random));
  if (outcome === "awaits_manager") return askedAt;
  const decidedAt = later(clock, askedAt, random.int(15, 90));
  if (outcome === "manager") {
    decideExtension(course, decidedAt, false, extensionRefusal(random, false));
    return decidedAt;
  }
  decideExtension(course, decidedAt, true);
  if (outcome === "awaits_centre") return decidedAt;
  const left = officeMinutes(clock, decidedAt, until);
  const centreAt = later(clock, decidedAt, random.int(10, Math.max(10, left - 5)));
  if (outcome === "centre") {
    centreExtension(course, centreAt, false, extensionRefusal(random, true));
    return centreAt;
  }
  centreExtension(course, centreAt, true);
  const toldAt = later(clock, centreAt, random.int(10, 90));
  if (toldAt >= now) return null;
  course.notifyExtension(toldAt, extensionNotice(random, extendTo));
  return toldAt;
}

// 挂起 from `from` until some time on the day it was expected to resume.
export function pauseFor(course: OrderCourse, random: Random, from: Date): Interval {
  const { clock } = course.setup;
  const resumeOn = addWorkingDaysToDate(shanghaiDay(from), random.int(1, 3));
  const to = later(clock, shanghaiDayStart(resumeOn), random.int(10, 240));
  course.suspend(from, pauseReason(random), resumeOn);
  course.resume(to);
  return { from, to };
}

// 督办 of an order still open after its 催办 at `run`, answered before `until` where `answered`
// (the answer due one office day later).
export function superviseAfter(
  course: OrderCourse,
  random: Random,
  run: Date,
  until: Date,
  answered: boolean,
) {
  const { clock } = course.setup;
  const gap = officeMinutes(clock, run, until);
  if (gap < 120) return;
  const at = later(clock, run, Math.min(600, gap * between(random, 0.05, 0.3)));
  supervise(course, at, later(clock, at, clock.day), supervisionComment(random));
  const answeredAt = later(clock, at, officeMinutes(clock, at, until) * between(random, 0.1, 0.6));
  if (answered && answeredAt < until) {
    answerSupervision(course, answeredAt, supervisionAnswer(random));
  }
}

// What the enquiry row becomes: by default an open order as its course left it.
export function changes(course: OrderCourse, over: Partial<EnquiryChanges> = {}): EnquiryChanges {
  return {
    status: course.status,
    assigneeId: course.assigneeId,
    createdBy: course.setup.managerId,
    dueAt: course.standingDue(),
    resolvedAt: null,
    followedUpAt: null,
    recheckDueOn: null,
    updatedAt: course.lastEventAt,
    unworked: false,
    ...over,
  };
}
