// When things happened to a demo work order whose enquiry was drafted closed. It keeps what it
// became (已办结 or 已回访) and gets a course that leads there: mostly an ordinary one (签收 within
// the limit, work, 办结 within the limit) and, in small shares, one with a side path: 退单 refused
// by the manager or by the hotline centre, or accepted (the order is 已退单 instead), 转办 from
// another city, 挂起, 延期 accepted or refused, a late 签收 or a late 办结 with its 催办 and
// 督办. All moments are in the region's office time and before `now`; a path that does not fit
// gives null and the caller falls back to the ordinary course. The orders still open are in
// work-order-open.ts.
import { RECHECK_AFTER_WORKING_DAYS } from "@/db/constants";
import { addWorkingDays } from "../../rules/working-days";
import type { Random } from "./random";
import {
  earlier,
  type Interval,
  later,
  latest,
  type OrderClock,
  officeMinutes,
  signDue,
} from "./work-order-clock";
import type { EnquiryChanges, HotlineEnquiry, OrderCourse } from "./work-order-course";
import {
  askExtension,
  askReturn,
  between,
  changes,
  pauseFor,
  superviseAfter,
} from "./work-order-moves";
import { transferReason } from "./work-order-texts";

export type ClosedPath =
  | "normal"
  | "late"
  | "late_sign"
  | "pause"
  | "extension"
  | "extension_refused"
  | "return_refused"
  | "return_refused_by_centre"
  | "transfer"
  | "withdrawn";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

// Side paths move an order's work in time, so they are given to orders old enough that it stays
// before `now`.
export function closedPath(
  random: Random,
  input: HotlineEnquiry,
  clock: OrderClock,
  now: Date,
): ClosedPath {
  if (now.getTime() - input.openedAt.getTime() < 20 * DAY_MS) return "normal";
  // Nothing is suspended or extended on an order due the same day.
  const days = input.priority === "urgent" && clock.limits.urgentSameDay ? 0 : 1;
  return random.weighted<ClosedPath>([
    ["normal", 64],
    ["late", 4],
    ["late_sign", 3],
    ["pause", 6 * days],
    ["extension", 6 * days],
    ["extension_refused", 3 * days],
    ["return_refused", 2.5],
    ["return_refused_by_centre", 1.5],
    ["transfer", 4],
    ["withdrawn", 3],
  ]);
}

// The drafted steps moved into the work between `from` and `to`, none while suspended; the 回访
// step at the 回访.
function respaceSteps(
  course: OrderCourse,
  random: Random,
  from: Date,
  to: Date,
  pause: Interval | null,
  followedUpAt: Date | null,
) {
  const { clock } = course.setup;
  const steps = course.input.steps;
  const beforePause = pause ? officeMinutes(clock, from, pause.from) : Number.POSITIVE_INFINITY;
  const paused = pause ? officeMinutes(clock, pause.from, pause.to as Date) : 0;
  const active = Math.max(0, officeMinutes(clock, from, to) - paused) * 0.95;
  const fractions = steps.map(() => random.next()).sort((a, b) => a - b);
  course.stepTimes = steps.map((step, i) => {
    if (step.kind === "follow_up") return { id: step.id, doneAt: followedUpAt ?? to, dueAt: null };
    const minute = (fractions[i] ?? 0) * active;
    const at =
      minute < beforePause
        ? later(clock, from, minute)
        : later(clock, pause?.to as Date, minute - beforePause);
    const doneAt = earlier(at, to);
    const dueAt =
      step.kind === "schedule_recheck" ? addWorkingDays(doneAt, RECHECK_AFTER_WORKING_DAYS) : null;
    return { id: step.id, doneAt, dueAt };
  });
}

export function runClosed(
  course: OrderCourse,
  random: Random,
  path: ClosedPath,
): EnquiryChanges | null {
  const { clock, dispatchClock, now } = course.setup;
  const { input } = course;
  const resolved = input.resolvedAt as Date;
  // The moment the order could be signed from: its arrival, or the end of a refused 退单.
  let cursor = input.openedAt;
  if (path === "transfer") {
    cursor = later(dispatchClock, cursor, random.int(15, 180));
    const reason = transferReason(random, course.setup.regionName);
    course.transfer(cursor, signDue(clock, cursor, course.handlingCap), reason);
  }
  const signDueAt = signDue(clock, cursor, course.handlingCap);
  if (path === "return_refused" || path === "return_refused_by_centre" || path === "withdrawn") {
    const outcome =
      path === "withdrawn" ? "accepted" : path === "return_refused" ? "manager" : "centre";
    cursor = askReturn(course, random, cursor, outcome);
    if (path === "withdrawn") {
      if (cursor.getTime() > now.getTime() - 60 * MINUTE_MS) return null;
      course.remind("sign_overdue", signDueAt, null);
      course.remind("handling_overdue", course.due() as Date, null);
      return changes(course, { unworked: true });
    }
  }

  // An ordinary order ends no later than drafted (so its 回访 stays before now), and within its
  // limit where the limit leaves an hour; the others are placed against the limit.
  let due = course.due() as Date;
  const retimed = path !== "normal";
  const roomy = officeMinutes(clock, cursor, due) >= 60;
  const end = retimed ? due : roomy ? earlier(resolved, due) : resolved;
  const span = officeMinutes(clock, cursor, end);
  if (!retimed && span < 3) return null;
  const budget = Math.max(span, retimed ? 120 : 0);
  const signAt =
    path === "late_sign"
      ? later(clock, signDueAt, random.int(30, 480))
      : later(
          clock,
          cursor,
          Math.min(
            budget * between(random, 0.03, 0.2),
            officeMinutes(clock, cursor, signDueAt) * 0.8,
          ),
        );
  course.sign(signAt, signDueAt);
  const workFrom = later(clock, signAt, Math.min(60, budget * between(random, 0.02, 0.08)));

  // The earliest the work could be done: after a 挂起, or once the member was told of a 延期.
  let readyAt = workFrom;
  let pause: Interval | null = null;
  if (path === "pause") {
    const room = officeMinutes(clock, workFrom, due);
    if (room < 120) return null;
    pause = pauseFor(course, random, later(clock, workFrom, room * between(random, 0.2, 0.6)));
    readyAt = pause.to as Date;
  } else if (path === "extension" || path === "extension_refused") {
    const outcome = path === "extension" ? "accepted" : random.chance(0.5) ? "manager" : "centre";
    const asked = askExtension(course, random, workFrom, due, outcome);
    if (!asked) return null;
    readyAt = asked;
  }
  due = course.due() as Date;

  let resolvedAt: Date;
  if (!retimed) {
    const left = Math.max(1, officeMinutes(clock, workFrom, end));
    resolvedAt = later(clock, workFrom, left * between(random, 0.5, 1));
  } else {
    const from = later(clock, readyAt, 30);
    const room = officeMinutes(clock, from, due);
    const late =
      path === "late" || (path === "extension_refused" && random.chance(0.6)) || room < 10;
    resolvedAt = late
      ? later(clock, latest(from, due), random.int(30, 2 * clock.day))
      : later(clock, from, room * between(random, 0.3, 0.95));
  }
  const followedUpAt = input.followedUpAt
    ? later(clock, resolvedAt, officeMinutes(clock, resolved, input.followedUpAt))
    : null;
  if (resolvedAt.getTime() > now.getTime() - 30 * MINUTE_MS) return null;
  if (followedUpAt && followedUpAt >= now) return null;

  respaceSteps(course, random, workFrom, resolvedAt, pause, followedUpAt);
  course.remind("sign_overdue", signDueAt, signAt);
  const run = course.remind("handling_overdue", due, resolvedAt);
  if (run && random.chance(0.6)) superviseAfter(course, random, run, resolvedAt, true);
  return changes(course, {
    status: input.status,
    resolvedAt,
    followedUpAt,
    updatedAt: latest(followedUpAt ?? resolvedAt, course.lastEventAt),
  });
}
