import { POLICY_SETTING_CODES, type PolicySetting } from "@/db/constants";
import {
  type Policy,
  type PolicySettingRow,
  type PolicyValue,
  resolvePolicy,
} from "../rules/policy-settings";
import { type RegionRules, regionRulesOf } from "../rules/triage";

// A region's policy for tests that need one without a database: the national defaults (as the
// migration writes them) with some settings replaced.
export const NATIONAL_DEFAULTS: { [K in PolicySetting]: PolicyValue<K> } = {
  reform_start: { date: null },
  insurance_year_start: { month: 1 },
  crediting_mode: { mode: "monthly" },
  contribution_base: { floorFen: 400_000, ceilingFen: 2_000_000, accountPercent: 2 },
  retiree_allocation: { kind: "local" },
  employee_tiers: { tiers: [] },
  accountless_categories: { categories: [] },
  monthly_deductions: { items: [] },
  overdraft: { allowed: false, limitFen: null },
  family_aid: { minimumBalanceFen: null, carriedOverOnly: false, counterOnly: false, note: null },
  member_hotline: { text: "12393医保服务热线" },
  issuer: { name: "{地市}医疗保障服务中心", sealLine: "{地市}医疗保障服务中心（盖章）" },
  notice_footer: {
    text: "本告知书根据经办人员核查的情况出具；如与医保信息系统记录不一致，以系统记录为准。",
  },
  office_hours: {
    periods: [
      { from: "08:30", to: "12:00" },
      { from: "13:30", to: "17:30" },
    ],
  },
  work_order_limits: {
    signForHours: 24,
    consultDays: 3,
    helpDays: 3,
    complaintDays: 13,
    suggestionDays: 7,
    urgentSameDay: true,
    warnDays: 1,
    warnHours: 4,
  },
};

export function testPolicy(
  overrides: Partial<{ [K in PolicySetting]: PolicyValue<K> }> = {},
  options: { unverified?: PolicySetting[] } = {},
): Policy {
  const rows: PolicySettingRow[] = POLICY_SETTING_CODES.map((setting, index) => ({
    id: index + 1,
    regionCode: null,
    setting,
    value: overrides[setting] ?? NATIONAL_DEFAULTS[setting],
    effectiveFrom: "1900-01-01",
    sourceNote: "测试",
    verified: !options.unverified?.includes(setting),
  }));
  return resolvePolicy(rows, "511100", "2026-01-01");
}

// The triage's view of a region whose settings differ from the national defaults as given.
export const testRegion = (overrides: Partial<{ [K in PolicySetting]: PolicyValue<K> }> = {}) =>
  regionRulesOf(testPolicy(overrides));

// The rules of a region like the ones the 离职减员 material describes: a July insurance year,
// credited in advance, with the reform from July 2022 — what the triage tests were written for.
export const JULY_PRE_ALLOCATING: RegionRules = testRegion({
  reform_start: { date: "2022-07-01" },
  insurance_year_start: { month: 7 },
  crediting_mode: { mode: "pre_allocation" },
});
