import { z } from "zod";
import { rowId } from "./fields";
import { calendarDay, text } from "./text";

// Policy markers on the monthly charts: built-in nationwide ones and those an admin adds.

// Policy changes this service charts fall between 2000 and 2099.
const effectiveOn = calendarDay("日期格式应为 YYYY-MM-DD 且须为有效日期").refine(
  (value) => value >= "2000-01-01" && value <= "2099-12-31",
  "日期超出范围",
);

export const createPolicyEventInput = z.strictObject({
  effectiveOn,
  // A province or city; null marks a nationwide change.
  regionCode: text()
    .regex(/^\d{4}00$/, "请选择省或地市")
    .nullable(),
  label: text().trim().min(1, "请填写节点名称").max(30, "节点名称不能超过30个字"),
  description: text().trim().max(500, "说明不能超过500个字").nullish(),
});
export type CreatePolicyEventInput = z.infer<typeof createPolicyEventInput>;

export const policyEventRef = z.strictObject({ id: rowId });

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
