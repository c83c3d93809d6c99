import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone";
import utc from "dayjs/plugin/utc";
import { SHANGHAI_TIME_ZONE, shanghaiDay } from "@/server/rules/calendar-day";

dayjs.extend(utc);
dayjs.extend(timezone);

// The agency works in Beijing time whatever the browser's or the server's zone.
export function formatDateTime(value: Date | string | null | undefined): string {
  return value ? dayjs(value).tz(SHANGHAI_TIME_ZONE).format("YYYY-MM-DD HH:mm") : "—";
}

export function formatDate(value: Date | string | null | undefined): string {
  return value ? shanghaiDay(new Date(value)) : "—";
}
