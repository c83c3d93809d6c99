import { addDays, isCalendarDay, shanghaiDayStart } from "@/server/rules/calendar-day";

// Date filters in the URL: `from` and `to` as YYYY-MM-DD, inclusive calendar days in Beijing time.

// The day itself, or undefined for anything that is not a real calendar day.
export function calendarDay(value: string | null): string | undefined {
  return value && isCalendarDay(value) ? value : undefined;
}

// The instants a query filters on: the start of `from`, and the exclusive start of the day
// after `to` (inclusive for people).
export function dayRangeBounds(range: { from?: string; to?: string }): {
  start: Date | undefined;
  end: Date | undefined;
} {
  return {
    start: range.from ? shanghaiDayStart(range.from) : undefined,
    end: range.to ? shanghaiDayStart(addDays(range.to, 1)) : undefined,
  };
}
