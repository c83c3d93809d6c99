import { z } from "zod";
import { isCalendarDay } from "../rules/calendar-day";

// The string and date types every input schema is built from. PostgreSQL cannot store a NUL
// byte or half of a UTF-16 surrogate pair as text, and a date far outside the years this
// service deals with is a typing slip or a probe; both are refused here as input errors
// rather than reaching the database as a 500. Schemas call `text()` where they would call
// `z.string()` and `instant()` for `z.date()`; the fuzz test in server/api/authorization.test.ts
// sends every such field of every procedure these values.

export const INVALID_TEXT_MESSAGE = "内容包含无法识别的字符，请删除后重新输入";
export const DATE_RANGE_MESSAGE = "日期应在1900年至2100年之间";

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && !LONE_SURROGATE.test(value);
}

export function text(params?: { error: string }) {
  return z.string(params).refine(isStorableText, INVALID_TEXT_MESSAGE);
}

const FIRST_DAY = "1900-01-01";
const LAST_DAY = "2100-12-31";
const EARLIEST = new Date(`${FIRST_DAY}T00:00:00+08:00`);
const LATEST = new Date(`${LAST_DAY}T23:59:59.999+08:00`);

export function instant() {
  return z.date().min(EARLIEST, DATE_RANGE_MESSAGE).max(LATEST, DATE_RANGE_MESSAGE);
}

// A calendar day as "YYYY-MM-DD" (Beijing time, no instant attached).
export function calendarDay(message: string) {
  return text()
    .refine(isCalendarDay, message)
    .refine((day) => day >= FIRST_DAY && day <= LAST_DAY, DATE_RANGE_MESSAGE);
}

// A calendar month as "YYYY-MM".
export function calendarMonth(message: string) {
  return text()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, message)
    .refine((month) => month >= "1900-01" && month <= "2100-12", DATE_RANGE_MESSAGE);
}
