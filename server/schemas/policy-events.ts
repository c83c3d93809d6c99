import { z } from "zod";
import { isCalendarDay } from "../rules/calendar-day";

// Policy markers on the monthly charts: built-in nationwide ones and those an admin adds.

const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD")
  .refine(isCalendarDay, "日期不存在")
  .refine((value) => value >= "2000-01-01" && value <= "2099-12-31", "日期超出范围");

export const createPolicyEventInput = z.strictObject({
  effectiveOn: calendarDay,
  // A province or city; null marks a nationwide change.
  regionCode: z
    .string()
    .regex(/^\d{4}00$/, "请选择省或地市")
    .nullable(),
  label: z.string().trim().min(1, "请填写节点名称").max(30, "节点名称不能超过30个字"),
  description: z.string().trim().max(500, "说明不能超过500个字").nullish(),
});
export type CreatePolicyEventInput = z.infer<typeof createPolicyEventInput>;

export const policyEventRef = z.strictObject({ id: z.number().int().positive() });

// A marker on a monthly chart (input: the dashboard's filter).
export type PolicyMarker = {
  // Stored events have their id; built-in ones have none and cannot be deleted.
  id: number | null;
  builtIn: boolean;
  effectiveOn: string;
  // "2025-07", the chart column it belongs to.
  month: string;
  regionCode: string | null;
  // "全国" for nationwide changes.
  regionName: string;
  label: string;
  description: string | null;
};
