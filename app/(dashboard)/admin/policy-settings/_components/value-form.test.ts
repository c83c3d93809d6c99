import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import { POLICY_SETTING_CODES, type PolicySetting } from "@/db/constants";
import type { PolicyValue } from "@/server/rules/policy-settings";
import { NATIONAL_DEFAULTS } from "@/server/testing/policy";
import { fromValueForm, isValueField, toFormPath, toValueForm } from "./value-form";

// One value of every shape, including the open and empty variants.
const SAMPLES: { [K in PolicySetting]: PolicyValue<K>[] } = {
  reform_start: [{ date: "2022-07-01" }, { date: null }],
  insurance_year_start: [{ month: 1 }, { month: 7 }],
  crediting_mode: [{ mode: "monthly" }, { mode: "pre_allocation" }],
  contribution_base: [{ floorFen: 731_000, ceilingFen: 3_655_900, accountPercent: 2 }],
  retiree_allocation: [
    { kind: "fixed", monthlyFen: 3_000 },
    { kind: "pension_share", percent: 2.5 },
    { kind: "local" },
  ],
  employee_tiers: [
    { tiers: [] },
    {
      tiers: [
        { name: "一档", personalAccount: true },
        { name: "二档", personalAccount: false },
      ],
    },
  ],
  accountless_categories: [{ categories: [] }, { categories: ["flexible", "retired"] }],
  monthly_deductions: [{ items: [] }, { items: [{ name: "大额医疗补助", monthlyFen: 1_300 }] }],
  overdraft: [
    { allowed: false, limitFen: null },
    { allowed: true, limitFen: 50_000 },
    { allowed: true, limitFen: null },
  ],
  family_aid: [
    { minimumBalanceFen: 420_500, carriedOverOnly: true, counterOnly: false, note: null },
    { minimumBalanceFen: null, carriedOverOnly: false, counterOnly: true, note: "健康账户办理" },
  ],
  member_hotline: [{ text: "12393医保服务热线" }],
  issuer: [{ name: "{地市}医疗保障服务中心", sealLine: "{地市}医疗保障服务中心（盖章）" }],
  notice_footer: [{ text: "以系统记录为准。" }],
  office_hours: [NATIONAL_DEFAULTS.office_hours, { periods: [{ from: "09:00", to: "17:00" }] }],
  work_order_limits: [NATIONAL_DEFAULTS.work_order_limits],
};

describe("a policy value in the version form", () => {
  it.each(POLICY_SETTING_CODES)("%s comes back unchanged from its form", (setting) => {
    for (const value of SAMPLES[setting]) {
      expect(fromValueForm(setting, toValueForm(setting, value))).toEqual({ ok: true, value });
    }
  });

  it("reads sums typed in 元, full-width digits included, as 分", () => {
    expect(
      fromValueForm("monthly_deductions", {
        items: [
          { name: "大病保险", monthlyYuan: "12.5" },
          { name: "大额医疗补助", monthlyYuan: "１３" },
        ],
      }),
    ).toEqual({
      ok: true,
      value: {
        items: [
          { name: "大病保险", monthlyFen: 1_250 },
          { name: "大额医疗补助", monthlyFen: 1_300 },
        ],
      },
    });
  });

  it("puts a mistyped sum and a schema refusal on the field that caused it", () => {
    expect(
      fromValueForm("monthly_deductions", {
        items: [
          { name: "大病保险", monthlyYuan: "10" },
          { name: "大额医疗补助", monthlyYuan: "1.234" },
        ],
      }),
    ).toEqual({
      ok: false,
      issues: [{ path: ["items", 1, "monthlyYuan"], message: "金额最多保留两位小数" }],
    });
    expect(
      fromValueForm("contribution_base", {
        floorYuan: "8000",
        ceilingYuan: "7000",
        accountPercent: 2,
      }),
    ).toEqual({
      ok: false,
      issues: [{ path: ["ceilingYuan"], message: "缴费基数下限不能高于上限" }],
    });
    const blankTier = fromValueForm("employee_tiers", {
      tiers: [{ name: "  ", personalAccount: true }],
    });
    expect(blankTier).toMatchObject({ ok: false, issues: [{ path: ["tiers", 0, "name"] }] });
  });

  it("keeps only what the chosen option needs", () => {
    expect(fromValueForm("reform_start", { known: "unknown", date: dayjs("2022-07-01") })).toEqual({
      ok: true,
      value: { date: null },
    });
    expect(fromValueForm("overdraft", { allowed: false, limitYuan: "500" })).toEqual({
      ok: true,
      value: { allowed: false, limitFen: null },
    });
    expect(
      fromValueForm("retiree_allocation", { kind: "local", monthlyYuan: "30", percent: 2 }),
    ).toEqual({ ok: true, value: { kind: "local" } });
    expect(
      fromValueForm("family_aid", {
        minimumBalanceYuan: " ",
        carriedOverOnly: false,
        counterOnly: false,
        note: "",
      }),
    ).toEqual({
      ok: true,
      value: { minimumBalanceFen: null, carriedOverOnly: false, counterOnly: false, note: null },
    });
  });

  it("maps the server's value paths onto the form's fields", () => {
    expect(toFormPath("items.0.monthlyFen".split("."))).toEqual(["items", 0, "monthlyYuan"]);
    expect(toFormPath(["limitFen"])).toEqual(["limitYuan"]);
    expect(isValueField("monthly_deductions", ["items", 0, "monthlyYuan"])).toBe(true);
    expect(isValueField("overdraft", ["limitYuan"])).toBe(true);
    expect(isValueField("overdraft", [])).toBe(false);
    expect(isValueField("issuer", ["text"])).toBe(false);
  });
});

describe("the office hours and the work-order limits", () => {
  it("refuses periods out of order or overlapping, on the period", () => {
    expect(
      fromValueForm("office_hours", {
        periods: [
          { from: "13:30", to: "17:30" },
          { from: "08:30", to: "12:00" },
        ],
      }),
    ).toEqual({
      ok: false,
      issues: [{ path: ["periods", 1, "from"], message: "时段应按时间先后排列且不重叠" }],
    });
    expect(fromValueForm("office_hours", { periods: [{ from: "8:30", to: "12:00" }] })).toEqual({
      ok: false,
      issues: [{ path: ["periods", 0, "from"], message: "开始时间应为 HH:MM，如 08:30" }],
    });
  });

  it("refuses a limit of no working days, on its field", () => {
    const result = fromValueForm("work_order_limits", {
      ...NATIONAL_DEFAULTS.work_order_limits,
      consultDays: 0,
    });
    expect(result).toEqual({
      ok: false,
      issues: [{ path: ["consultDays"], message: "咨询类办理时限（工作日）不能小于1" }],
    });
  });
});
