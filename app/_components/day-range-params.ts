import { startOfShanghaiDay } from "./format";

// Date filters in the URL: `from` and `to` as YYYY-MM-DD, inclusive calendar days in Beijing time.

// The day itself, or undefined for anything that is not a real calendar day.
export function calendarDay(value: string | null): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  // Date.UTC rolls 2026-02-30 over to March; a day that does not round-trip does not exist.
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.toISOString().slice(0, 10) === value ? value : undefined;
}

function nextDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

// The instants a query filters on: the start of `from`, and the exclusive start of the day
// after `to` (inclusive for people).
export function dayRangeBounds(range: { from?: string; to?: string }): {
  start: Date | undefined;
  end: Date | undefined;
} {
  return {
    start: range.from ? startOfShanghaiDay(range.from) : undefined,
    end: range.to ? startOfShanghaiDay(nextDay(range.to)) : undefined,
  };
}
