// Calendar arithmetic for the demo data, in Beijing time, independent of the machine's time zone.
import { SHANGHAI_UTC_OFFSET_MS, shanghaiDay } from "../../rules/calendar-day";
import { isWorkingDay } from "../../rules/working-days";

export const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

// Counters and hotlines take enquiries from 08:30 to 17:30.
export const OPENING_MINUTE = 8 * 60 + 30;
export const CLOSING_MINUTE = 17 * 60 + 30;

export type SeedMonth = {
  index: number;
  year: number;
  // 1–12
  month: number;
  // "2025-07", the form the analytics group by.
  key: string;
  // Working days of the month (statutory holidays off, 调休 weekend days on) that lie wholly
  // before `now`: the counters and hotlines are closed over 国庆 and 春节.
  workingDays: number[];
  // Share of the month's working days that are available, 1 except for the current month.
  coverage: number;
};

export function shanghaiTime(year: number, month: number, day: number, minutes = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, 0, minutes) - SHANGHAI_UTC_OFFSET_MS);
}

// The Beijing calendar date of an instant, as numbers.
function shanghaiParts(at: Date): { year: number; month: number; day: number } {
  const [year, month, day] = shanghaiDay(at).split("-").map(Number) as [number, number, number];
  return { year, month, day };
}

function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

// The current month and the `count - 1` before it, oldest first. Days from today on are left
// out, so no demo enquiry lies in the future.
export function seedMonths(now: Date, count = 24): SeedMonth[] {
  const today = shanghaiParts(now);
  const months: SeedMonth[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const serial = today.year * 12 + (today.month - 1) - back;
    const year = Math.floor(serial / 12);
    const month = (serial % 12) + 1;
    const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const all: number[] = [];
    for (let day = 1; day <= length; day++) {
      if (isWorkingDay(`${monthKey(year, month)}-${String(day).padStart(2, "0")}`)) all.push(day);
    }
    const workingDays = back === 0 ? all.filter((day) => day < today.day) : all;
    months.push({
      index: months.length,
      year,
      month,
      key: monthKey(year, month),
      workingDays,
      coverage: all.length === 0 ? 0 : workingDays.length / all.length,
    });
  }
  return months;
}

export const WORKING_DAY_MINUTES = CLOSING_MINUTE - OPENING_MINUTE;

// Counter time: an instant as (day serial, minute of day) in Shanghai, moved onto the next
// working moment when it falls at night or on a weekend.
function toCounterTime(at: number): { day: number; minute: number } {
  const local = at + SHANGHAI_UTC_OFFSET_MS;
  let day = Math.floor(local / DAY_MS);
  let minute = Math.floor((local - day * DAY_MS) / MINUTE_MS);
  if (minute < OPENING_MINUTE) minute = OPENING_MINUTE;
  if (minute >= CLOSING_MINUTE) {
    day++;
    minute = OPENING_MINUTE;
  }
  // Day 0 (1970-01-01) was a Thursday; Saturday and Sunday move to Monday.
  const weekday = (day + 4) % 7;
  if (weekday === 6 || weekday === 0) {
    day += weekday === 6 ? 2 : 1;
    minute = OPENING_MINUTE;
  }
  return { day, minute };
}

const fromCounterTime = (day: number, minute: number) =>
  day * DAY_MS + minute * MINUTE_MS - SHANGHAI_UTC_OFFSET_MS;

// The instant `minutes` of counter time (Monday–Friday, 08:30–17:30) after `from`: work
// started in the evening continues the next working morning.
export function addWorkingMinutes(from: number, minutes: number): number {
  let { day, minute } = toCounterTime(from);
  let left = Math.max(0, Math.round(minutes));
  while (left > CLOSING_MINUTE - minute) {
    left -= CLOSING_MINUTE - minute;
    ({ day, minute } = toCounterTime(fromCounterTime(day + 1, 0)));
  }
  return fromCounterTime(day, minute + left);
}

// Minutes of counter time between two instants (0 when `to` is not later).
export function workingMinutesBetween(from: number, to: number): number {
  const start = toCounterTime(from);
  const end = toCounterTime(to);
  if (end.day < start.day || (end.day === start.day && end.minute <= start.minute)) return 0;
  let total = 0;
  let { day, minute } = start;
  while (day < end.day) {
    total += CLOSING_MINUTE - minute;
    ({ day, minute } = toCounterTime(fromCounterTime(day + 1, 0)));
  }
  return total + Math.max(0, end.minute - minute);
}

// "3月" for the month `back` months before the given one.
export function monthLabelBefore(year: number, month: number, back: number): string {
  const serial = year * 12 + (month - 1) - back;
  return `${(serial % 12) + 1}月`;
}
