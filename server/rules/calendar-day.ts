// Calendar days written "YYYY-MM-DD" and months written "YYYY-MM", as the agency counts them
// (Beijing time). The rules that reason about dates take these strings rather than Date objects,
// so a browser in another zone and the server agree on what "today" and "30 June" mean. Pure: no
// I/O, safe in the browser.

// The IANA name, for the places that format through a library (dayjs, SQL `at time zone`).
export const SHANGHAI_TIME_ZONE = "Asia/Shanghai";

// China has kept no daylight saving time since 1991, so Beijing time is UTC+8 for every instant
// the agency handles; a fixed offset is exact and much cheaper than an Intl formatter per call.
export const SHANGHAI_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

export function isCalendarDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

// Whole days from `from` to `to` (negative when `to` is earlier).
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

// The calendar day `n` days after `day` (before it when `n` is negative).
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

// The Beijing calendar day of an instant, whatever the machine's time zone.
export function shanghaiDay(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

// The instant a Beijing calendar day begins (a month's first day: `${month}-01`).
export function shanghaiDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_UTC_OFFSET_MS);
}

// The Beijing calendar month of an instant, "2026-03".
export function shanghaiMonth(instant: Date): string {
  return shanghaiDay(instant).slice(0, 7);
}

// The month `delta` months after `month` (before it when `delta` is negative).
export function shiftMonth(month: string, delta: number): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const serial = year * 12 + monthNumber - 1 + delta;
  return `${Math.floor(serial / 12)}-${String((serial % 12) + 1).padStart(2, "0")}`;
}

// Whole months from `from` to `to` ("YYYY-MM"; negative when `to` is earlier).
export function monthsBetween(from: string, to: string): number {
  const [fromYear, fromMonth] = from.split("-").map(Number) as [number, number];
  const [toYear, toMonth] = to.split("-").map(Number) as [number, number];
  return (toYear - fromYear) * 12 + (toMonth - fromMonth);
}

// "2025-12" → "2025年12月".
export function chineseMonth(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number);
  return `${year}年${monthNumber}月`;
}

// "2025-12-15" → "2025年12月15日", the form used in letters to members.
export function chineseDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number);
  return `${year}年${month}月${date}日`;
}

// "2025-12-15 17:30" in Beijing time: how a moment is written in history and audit rows.
export function shanghaiMinute(instant: Date): string {
  const shifted = new Date(instant.getTime() + SHANGHAI_UTC_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}
