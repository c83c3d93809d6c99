// Office time (办公时间): the minutes a unit is at work, that is the office periods of the regional
// settings on working days of the Chinese calendar (holidays and 调休 included). Hotline limits are
// counted in this time, so a night, a lunch break or the 国庆 week never eats into them. Pure: no
// I/O, and every instant is read by its Beijing wall clock, whatever the machine's time zone.
import { addDays, shanghaiDay, shanghaiDayStart } from "../calendar-day";
import { type CalendarDate, isWorkingDay } from "../working-days";

// "HH:MM" in Beijing time, sorted and non-overlapping, for example
// [{ from: "08:30", to: "12:00" }, { from: "13:30", to: "17:30" }].
export type OfficeHours = { periods: readonly { from: string; to: string }[] };

export const MINUTE_MS = 60 * 1000;

const CLOCK_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

// An office period as minutes after midnight, or as instants once placed on a day.
type Span = { from: number; to: number };

function minutesOfClock(clock: string): number {
  const match = CLOCK_PATTERN.exec(clock);
  if (!match) throw new RangeError(`not a time of day (HH:MM): ${clock}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

// Settings are validated where they are saved; checking again here is cheap and turns a bad row
// into a clear error rather than a due date that silently counts the lunch break twice.
function dailySpans(office: OfficeHours): Span[] {
  const spans = office.periods.map((period) => ({
    from: minutesOfClock(period.from),
    to: minutesOfClock(period.to),
  }));
  if (spans.length === 0) throw new RangeError("office hours need at least one period");
  spans.forEach((span, index) => {
    const previous = spans[index - 1];
    if (span.to <= span.from || (previous && span.from < previous.to)) {
      throw new RangeError("office periods must be sorted, non-empty and non-overlapping");
    }
  });
  return spans;
}

// The office periods of one calendar day as instants (ms); none on a non-working day.
function periodsOn(day: CalendarDate, spans: readonly Span[]): Span[] {
  if (!isWorkingDay(day)) return [];
  const midnight = shanghaiDayStart(day).getTime();
  return spans.map((span) => ({
    from: midnight + span.from * MINUTE_MS,
    to: midnight + span.to * MINUTE_MS,
  }));
}

// The minutes of one full office day: what "1 个工作日" is worth when time left is shown or a
// warning window is measured.
export function officeDayMinutes(office: OfficeHours): number {
  return dailySpans(office).reduce((sum, span) => sum + span.to - span.from, 0);
}

// The close of office on `day` (the end of its last period), whether or not it is a working day.
export function closeOfOffice(day: CalendarDate, office: OfficeHours): Date {
  const last = dailySpans(office).at(-1) as Span;
  return new Date(shanghaiDayStart(day).getTime() + last.to * MINUTE_MS);
}

// Is `at` before the close of office on its own day, a working day? Then work can still be done
// that day; at the close itself it cannot.
export function isBeforeCloseOnWorkingDay(at: Date, office: OfficeHours): boolean {
  const day = shanghaiDay(at);
  return isWorkingDay(day) && at.getTime() < closeOfOffice(day, office).getTime();
}

function officeMsForward(from: number, to: number, spans: readonly Span[]): number {
  let total = 0;
  for (
    let day = shanghaiDay(new Date(from));
    shanghaiDayStart(day).getTime() < to;
    day = addDays(day, 1)
  ) {
    for (const period of periodsOn(day, spans)) {
      total += Math.max(0, Math.min(period.to, to) - Math.max(period.from, from));
    }
  }
  return total;
}

// Office time from `from` to `to` in ms, negative when `to` is earlier. One step per calendar
// day: an order a whole year overdue costs 365 steps, cheap next to reading it from the database.
export function officeMsBetween(from: Date, to: Date, office: OfficeHours): number {
  const spans = dailySpans(office);
  const [start, end] = [from.getTime(), to.getTime()];
  return end >= start ? officeMsForward(start, end, spans) : -officeMsForward(end, start, spans);
}

// Office minutes from `from` to `to` (negative when `to` is earlier); a fraction when the
// instants carry seconds.
export function officeMinutesBetween(from: Date, to: Date, office: OfficeHours): number {
  return officeMsBetween(from, to, office) / MINUTE_MS;
}

// The instant at which `ms` of office time have passed since `start`. A start outside office
// hours begins counting at the next office period; a count that ends exactly at the end of a
// period ends there (17:30), not at the start of the next one.
export function addOfficeMs(start: Date, ms: number, office: OfficeHours): Date {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`office time must be ≥ 0: ${ms}`);
  if (ms === 0) return start;
  const spans = dailySpans(office);
  let left = ms;
  // Ends: the calendar always has working days ahead (plain Monday–Friday past the data).
  for (let day = shanghaiDay(start); ; day = addDays(day, 1)) {
    for (const period of periodsOn(day, spans)) {
      const from = Math.max(period.from, start.getTime());
      if (period.to <= from) continue;
      if (left <= period.to - from) return new Date(from + left);
      left -= period.to - from;
    }
  }
}

export function addOfficeMinutes(start: Date, minutes: number, office: OfficeHours): Date {
  return addOfficeMs(start, minutes * MINUTE_MS, office);
}
