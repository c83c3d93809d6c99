import { z } from "zod";
import { POLICY_SETTING_CODES } from "@/db/constants";
import { regionCode } from "./fields";
import { calendarDay, text } from "./text";

// 系统管理 → 地区政策参数. The value's own shape depends on the setting and is checked by the
// domain against POLICY_VALUE_SCHEMAS (server/rules/policy-settings.ts), its messages reported
// on `value.<field>`.

const settingsRegion = text()
  .regex(/^\d{4}00$/, "请选择省或地市")
  .nullable();

export const policySettingsListInput = z.strictObject({ regionCode: settingsRegion });
export type PolicySettingsListInput = z.infer<typeof policySettingsListInput>;

export const addPolicySettingInput = z.strictObject({
  // Null: the national default, which only an administrator of the whole jurisdiction changes.
  regionCode: settingsRegion,
  setting: z.enum(POLICY_SETTING_CODES, { error: "请选择参数" }),
  value: z.unknown(),
  effectiveFrom: calendarDay("请填写有效的生效日期").refine(
    (value) => value >= "2000-01-01" && value <= "2099-12-31",
    "生效日期超出范围",
  ),
  sourceNote: text({ error: "请填写来源说明" })
    .trim()
    .min(4, "来源说明至少4个字")
    .max(300, "来源说明不能超过300个字"),
  verified: z.boolean(),
});
export type AddPolicySettingInput = z.infer<typeof addPolicySettingInput>;

// A member's or an enquiry's region, for reading the settings that apply there.
export const policyForRegionInput = z.strictObject({
  regionCode,
});
