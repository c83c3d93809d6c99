// When a hotline work order must be signed for (签收) or handled (办理). The limits themselves are
// regional settings; this only computes with them.
import { shanghaiDay } from "../calendar-day";
import { addWorkingDaysToDate } from "../working-days";
import {
  addOfficeMs,
  closeOfOffice,
  isBeforeCloseOnWorkingDay,
  MINUTE_MS,
  type OfficeHours,
  officeDayMinutes,
  officeMsBetween,
} from "./office-time";

export type TimeLimit =
  | { unit: "working_hours"; amount: number }
  | { unit: "working_days"; amount: number }
  | { unit: "same_day" };

// 挂起: the order waits for a third party and its clock stands still; `to` is null while it waits.
export type Pause = { from: Date; to: Date | null };

// An accepted 延期 adds time to the due moment; "the same day" adds nothing meaningful.
export type Extension = Exclude<TimeLimit, { unit: "same_day" }>;

function checkedAmount(limit: Extension): number {
  const valid =
    limit.unit === "working_hours"
      ? Number.isFinite(limit.amount) && limit.amount > 0
      : Number.isInteger(limit.amount) && limit.amount >= 1;
  if (!valid) throw new RangeError(`not a time limit: ${limit.amount} ${limit.unit}`);
  return limit.amount;
}

// A limit as office minutes: a working day is one full office day, and "the same day" (only
// meaningful as a warning window) is one office day too.
export function limitMinutes(limit: TimeLimit, office: OfficeHours): number {
  if (limit.unit === "same_day") return officeDayMinutes(office);
  const amount = checkedAmount(limit);
  return limit.unit === "working_hours" ? amount * 60 : amount * officeDayMinutes(office);
}

// The due moment with the clock never stopped.
//
// Hours count office time only; a start outside office hours begins at the next office period.
//
// Days end at the close of office on the n-th working day after the start's calendar day (次日起算,
// 遇节假日顺延): 3 working days from Friday 10:00 end on Wednesday at the close, and so do 3 from
// Friday 20:00. A start on a non-working day counts from the next working day, which is day 1:
// 3 working days from Saturday also end on Wednesday, so an order dispatched over the weekend gets
// the same working days as one dispatched on Friday evening, and no more.
//
// The same day ends at the close of office on the start's day, or on the next working day when
// the start is at or after the close or on a non-working day (nothing of the day is left to work).
function unpausedDueAt(start: Date, limit: TimeLimit, office: OfficeHours): Date {
  const day = shanghaiDay(start);
  switch (limit.unit) {
    case "working_hours":
      return addOfficeMs(start, checkedAmount(limit) * 60 * MINUTE_MS, office);
    case "working_days":
      return closeOfOffice(addWorkingDaysToDate(day, checkedAmount(limit)), office);
    case "same_day":
      return isBeforeCloseOnWorkingDay(start, office)
        ? closeOfOffice(day, office)
        : closeOfOffice(addWorkingDaysToDate(day, 1), office);
  }
}

function checkedPause(pause: Pause): Pause {
  if (pause.to && pause.to.getTime() < pause.from.getTime()) {
    throw new RangeError("a pause cannot end before it begins");
  }
  return pause;
}

// The pauses from `start` on, in order, overlapping ones joined so that no suspended minute
// counts twice; a pause recorded before the order started counts only from the start.
function joinedPauses(start: Date, pauses: readonly Pause[]): Pause[] {
  const clipped = pauses
    .map(checkedPause)
    .filter((pause) => pause.to === null || pause.to.getTime() > start.getTime())
    .map((pause) => ({
      from: new Date(Math.max(pause.from.getTime(), start.getTime())),
      to: pause.to,
    }))
    .sort((a, b) => a.from.getTime() - b.from.getTime());
  const joined: Pause[] = [];
  for (const pause of clipped) {
    const last = joined.at(-1);
    if (last && (last.to === null || pause.from.getTime() <= last.to.getTime())) {
      last.to =
        last.to === null || pause.to === null
          ? null
          : new Date(Math.max(last.to.getTime(), pause.to.getTime()));
    } else {
      joined.push({ ...pause });
    }
  }
  return joined;
}

// The due moment of an order started at `start`, or null while it is suspended (the clock is
// stopped, so there is no due moment to show).
//
// Accepted extensions (延期) add their office time to the due moment: 5 working days move a
// Wednesday close to the next Wednesday's close, 8 working hours move 11:30 to 11:30 the next
// working day.
//
// A pause moves the due moment by the office time that passed while the order was suspended, for
// hour and day limits alike: suspended Monday 14:00–16:00, a Wednesday close becomes Thursday
// 10:30. Rounding a day limit to whole days instead would give a two-hour suspension a whole extra
// day. A weekend or holiday inside a pause adds nothing: the clock would not have run anyway.
//
// A pause that begins at or after the due moment moves nothing, and while open it does not hide
// the lateness: the order was already overdue when it was suspended (挂起 is asked for within the
// limit, like 延期).
export function dueAt(
  start: Date,
  limit: TimeLimit,
  office: OfficeHours,
  pauses: readonly Pause[] = [],
  extensions: readonly Extension[] = [],
): Date | null {
  const extensionMinutes = extensions.reduce((sum, extra) => sum + limitMinutes(extra, office), 0);
  let due = addOfficeMs(unpausedDueAt(start, limit, office), extensionMinutes * MINUTE_MS, office);
  for (const pause of joinedPauses(start, pauses)) {
    if (pause.from.getTime() >= due.getTime()) break;
    if (pause.to === null) return null;
    due = addOfficeMs(due, officeMsBetween(pause.from, pause.to, office), office);
  }
  return due;
}
