// When things happened to a demo work order whose enquiry was drafted still open. One being worked
// on keeps its steps (签收 came before the first) and may have a 挂起 (ended, or still open: the
// order is 挂起), a 延期 (accepted, or waiting for a decision) and, once late, its 催办 and a 督办
// that may still wait for an answer. One nobody had started waits for 签收 (in time or already
// late), for a decision on its 退单, or was signed and not yet worked on. Closed orders are in
// work-order-paths.ts.
import { shanghaiDay } from "../../rules/calendar-day";
import { addWorkingDaysToDate } from "../../rules/working-days";
import type { Random } from "./random";
import { earlier, later, latest, officeMinutes, signDue, signMinutes } from "./work-order-clock";
import type { EnquiryChanges, HotlineEnquiry, OrderCourse } from "./work-order-course";
import {
  askExtension,
  between,
  changes,
  type ExtensionOutcome,
  pauseFor,
  superviseAfter,
} from "./work-order-moves";
import { decideReturn, requestReturn } from "./work-order-reviews";
import { pauseReason, returnRequest } from "./work-order-texts";

export type WorkingPath = "normal" | "open_pause" | "pause" | "extension" | "extension_pending";
// Asked for by name, "unsigned" is still in time to be signed and "unsigned_late" is past it.
export type FreshState =
  | "unsigned"
  | "unsigned_late"
  | "signed"
  | "return_review"
  | "return_submitted";

const HOUR_MS = 3_600_000;

export function workingPath(random: Random, input: HotlineEnquiry): WorkingPath {
  const plain = input.status === "in_progress";
  return random.weighted<WorkingPath>([
    ["normal", 72],
    // A 系统延迟 order waits for its re-check, not for a third party.
    ["open_pause", plain && !input.systemDelay ? 8 : 0],
    ["pause", plain ? 6 : 0],
    ["extension", 7],
    ["extension_pending", 7],
  ]);
}

// A late open order is mostly supervised, and its answer may still be awaited.
function superviseIfLate(course: OrderCourse, random: Random, run: Date | null) {
  if (run && random.chance(0.9)) {
    superviseAfter(course, random, run, course.setup.now, random.chance(0.3));
  }
}

export function runWorking(
  course: OrderCourse,
  random: Random,
  path: WorkingPath,
): EnquiryChanges | null {
  const { clock, now } = course.setup;
  const { input } = course;
  const first = input.steps[0]?.doneAt ?? now;
  const last = input.steps.at(-1)?.doneAt ?? null;
  const signDueAt = signDue(clock, input.openedAt, course.handlingCap);
  const room = officeMinutes(clock, input.openedAt, first);
  if (room < 3) return null;
  const signAt = later(
    clock,
    input.openedAt,
    Math.min(room, signMinutes(clock)) * between(random, 0.05, 0.8),
  );
  if (signAt >= first) return null;
  course.sign(signAt, signDueAt);
  if (input.status === "awaiting_recheck" && last) {
    course.transition(earlier(later(clock, last, random.int(1, 10)), now), "awaiting_recheck");
  }

  const worked = last ?? signAt;
  const until = earlier(course.due() as Date, now);
  if (path === "open_pause" || path === "pause") {
    const left = officeMinutes(clock, worked, until);
    if (left < (path === "pause" ? 120 : 30)) return null;
    const from = later(clock, worked, left * between(random, 0.1, 0.8));
    if (from >= until) return null;
    if (path === "open_pause") {
      const resumeOn = addWorkingDaysToDate(shanghaiDay(now), random.int(1, 4));
      course.suspend(from, pauseReason(random), resumeOn);
    } else if ((pauseFor(course, random, from).to as Date).getTime() > now.getTime() - HOUR_MS) {
      return null;
    }
  } else if (path === "extension" || path === "extension_pending") {
    // A 延期 still waiting for its decision is on an order still in time.
    if (path === "extension_pending" && until < now) return null;
    const outcome: ExtensionOutcome =
      path === "extension" ? "accepted" : random.chance(0.5) ? "awaits_manager" : "awaits_centre";
    if (!askExtension(course, random, later(clock, signAt, 10), until, outcome)) return null;
  }

  const suspended = course.status === "suspended";
  course.remind("sign_overdue", signDueAt, signAt);
  // Suspended within its limit, the order has no due moment to pass.
  superviseIfLate(
    course,
    random,
    suspended ? null : course.remind("handling_overdue", course.due() as Date, null),
  );
  return changes(course, {
    recheckDueOn: suspended ? null : input.recheckDueOn,
    updatedAt: last ? latest(last, course.lastEventAt) : course.lastEventAt,
  });
}

// `state` is given for the last few days' orders, whose steps are dropped to show it.
export function runFresh(
  course: OrderCourse,
  random: Random,
  state?: FreshState,
): EnquiryChanges | null {
  const { clock, now } = course.setup;
  const { input } = course;
  const signDueAt = signDue(clock, input.openedAt, course.handlingCap);
  const age = officeMinutes(clock, input.openedAt, now);
  const lateBy = officeMinutes(clock, signDueAt, now);
  const recent = age <= 3 * clock.day;
  if (state === "unsigned" ? lateBy >= 0 : state === "unsigned_late" && lateBy <= 0) return null;
  const choice =
    state ??
    random.weighted<FreshState>([
      ["unsigned", lateBy < 0 ? 45 : lateBy <= 2 * clock.day ? 25 : 0],
      ["signed", lateBy < 0 ? 30 : 65],
      ["return_review", recent ? 14 : 0],
      ["return_submitted", recent ? 10 : 0],
    ]);
  if (choice === "return_review" || choice === "return_submitted") {
    // Asked for within hours of the order's arrival, before its 签收 limit.
    const room = officeMinutes(clock, input.openedAt, earlier(signDueAt, now));
    if (room >= 15) {
      const minutes = Math.min(240, room * between(random, 0.1, 0.6));
      const askedAt = later(clock, input.openedAt, minutes);
      requestReturn(course, askedAt, returnRequest(random));
      const decidedAt = later(clock, askedAt, random.int(15, 120));
      if (choice === "return_submitted" && decidedAt < now) decideReturn(course, decidedAt, true);
    }
  } else if (choice === "signed" && age >= 3) {
    const minutes = Math.min(
      age * between(random, 0.05, 0.7),
      signMinutes(clock) * between(random, 0.1, 1.15),
    );
    course.sign(later(clock, input.openedAt, minutes), signDueAt);
  }
  course.remind("sign_overdue", signDueAt, course.signedAt);
  const run = course.remind("handling_overdue", course.due() as Date, null);
  if (course.status === "in_progress") superviseIfLate(course, random, run);
  return changes(course, {
    recheckDueOn: course.status === "in_progress" ? input.recheckDueOn : null,
    unworked: course.signedAt === null,
  });
}
