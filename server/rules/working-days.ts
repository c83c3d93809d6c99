// Working days (工作日) in Asia/Shanghai: Monday to Friday, minus the statutory holidays, plus the
// weekend days worked in exchange (调休) — as the State Council publishes them each year and the
// chinese-days data records them. Pure: no I/O, safe in the browser.
import calendar from "chinese-days/dist/chinese-days.json";
import { shanghaiDay } from "./calendar-day";

// "2025-10-08", a calendar date in Shanghai.
export type CalendarDate = string;

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const holidays = new Set(Object.keys(calendar.holidays));
const swappedWorkdays = new Set(Object.keys(calendar.workdays));

// The last year the holiday data covers. Later years are not published yet (the schedule comes
// out each November or December), so they fall back to plain Monday–Friday: a due date in such a
// year may land on a holiday, which is the safer error than guessing the schedule.
export const LAST_CALENDAR_YEAR = Math.max(
  ...[...holidays, ...swappedWorkdays].map((day) => Number(day.slice(0, 4))),
);

function serialOf(day: CalendarDate): number {
  if (!DATE_PATTERN.test(day)) throw new RangeError(`not a calendar date: ${day}`);
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

const dateOfSerial = (serial: number): CalendarDate =>
  new Date(serial * DAY_MS).toISOString().slice(0, 10);

const toDay = (value: Date | CalendarDate) =>
  typeof value === "string" ? value : shanghaiDay(value);

function isWorkingSerial(serial: number): boolean {
  const day = dateOfSerial(serial);
  if (Number(day.slice(0, 4)) <= LAST_CALENDAR_YEAR) {
    if (holidays.has(day)) return false;
    if (swappedWorkdays.has(day)) return true;
  }
  // Day 0 (1970-01-01) was a Thursday.
  const weekday = (((serial + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6;
}

// A Date counts by its calendar date in Shanghai, whatever the machine's time zone.
export function isWorkingDay(value: Date | CalendarDate): boolean {
  return isWorkingSerial(serialOf(toDay(value)));
}

// The n-th working day after `day` (n ≥ 1). With n = 0, `day` itself if it is a working day,
// otherwise the next one: filing on a Sunday starts the clock on Monday.
export function addWorkingDaysToDate(day: CalendarDate, n: number): CalendarDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be ≥ 0: ${n}`);
  let serial = serialOf(day);
  if (n === 0) {
    while (!isWorkingSerial(serial)) serial++;
    return dateOfSerial(serial);
  }
  let left = n;
  while (left > 0) {
    serial++;
    if (isWorkingSerial(serial)) left--;
  }
  return dateOfSerial(serial);
}

// The first of the last n working days up to and including `day` (n ≥ 1): with n = 3 on a
// Monday, the Thursday before (Thursday, Friday, Monday).
export function firstOfLastWorkingDays(day: CalendarDate, n: number): CalendarDate {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be ≥ 1: ${n}`);
  let serial = serialOf(day);
  let left = isWorkingSerial(serial) ? n - 1 : n;
  while (left > 0) {
    serial--;
    if (isWorkingSerial(serial)) left--;
  }
  while (!isWorkingSerial(serial)) serial++;
  return dateOfSerial(serial);
}

// The same Shanghai wall-clock time on the n-th working day after the date of `at`: an enquiry
// filed on Friday at 10:00 with two working days is due on Tuesday at 10:00, and one filed the
// day before 国庆 is due after the holiday week.
export function addWorkingDays(at: Date, n: number): Date {
  const from = shanghaiDay(at);
  const to = addWorkingDaysToDate(from, n);
  return new Date(at.getTime() + (serialOf(to) - serialOf(from)) * DAY_MS);
}

// Working days after `from` up to and including `to` (by Shanghai date); negative when `to`
// is earlier, so workingDaysBetween(d, addWorkingDays(d, n)) === n.
export function workingDaysBetween(from: Date | CalendarDate, to: Date | CalendarDate): number {
  const start = serialOf(toDay(from));
  const end = serialOf(toDay(to));
  if (end < start) return -workingDaysBetween(to, from);
  let count = 0;
  for (let serial = start + 1; serial <= end; serial++) {
    if (isWorkingSerial(serial)) count++;
  }
  return count;
}
