import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone";
import utc from "dayjs/plugin/utc";

dayjs.extend(utc);
dayjs.extend(timezone);

// The agency works in Beijing time whatever the browser's or the server's zone.
export const TIME_ZONE = "Asia/Shanghai";

export function formatDateTime(value: Date | string | null | undefined): string {
  return value ? dayjs(value).tz(TIME_ZONE).format("YYYY-MM-DD HH:mm") : "—";
}

export function formatDate(value: Date | string | null | undefined): string {
  return value ? dayjs(value).tz(TIME_ZONE).format("YYYY-MM-DD") : "—";
}

// A calendar day in Beijing as the instant it starts, for date-range filters.
export function startOfShanghaiDay(day: string): Date {
  return dayjs.tz(day, TIME_ZONE).startOf("day").toDate();
}
