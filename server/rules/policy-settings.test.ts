import { describe, expect, it } from "vitest";
import { POLICY_SETTING_CODES, type PolicySetting } from "@/db/constants";
import { NATIONAL_DEFAULTS } from "../testing/policy";
import {
  describePolicyValue,
  issuerFor,
  type PolicySettingRow,
  policyLevels,
  resolvePolicy,
  unverifiedSettings,
} from "./policy-settings";

let nextId = 1;
const row = (
  regionCode: string | null,
  setting: PolicySetting,
  value: unknown,
  effectiveFrom = "1900-01-01",
  verified = true,
): PolicySettingRow => ({
  id: nextId++,
  regionCode,
  setting,
  value,
  effectiveFrom,
  sourceNote: "测试",
  verified,
});

const defaults = () =>
  POLICY_SETTING_CODES.map((setting) => row(null, setting, NATIONAL_DEFAULTS[setting]));

// 四川省 510000, 乐山市 511100 and its 市中区 511102.
describe("resolvePolicy", () => {
  it("takes the city's version over the province's over the national default", () => {
    const rows = [
      ...defaults(),
      row("510000", "member_hotline", { text: "四川热线" }),
      row("511100", "member_hotline", { text: "乐山热线" }),
      row("510000", "insurance_year_start", { month: 7 }),
    ];
    const leshan = resolvePolicy(rows, "511102", "2026-03-01");
    expect(leshan.member_hotline.value.text).toBe("乐山热线");
    expect(leshan.insurance_year_start.value.month).toBe(7);
    expect(leshan.crediting_mode.value.mode).toBe("monthly");
    const yaan = resolvePolicy(rows, "511800", "2026-03-01");
    expect(yaan.member_hotline.value.text).toBe("四川热线");
    expect(resolvePolicy(rows, "610100", "2026-03-01").member_hotline.value.text).toBe(
      "12393医保服务热线",
    );
  });

  it("uses the version in force on the day, falling back a level before a city's first one", () => {
    const rows = [
      ...defaults(),
      row("510000", "retiree_allocation", { kind: "fixed", monthlyFen: 6_000 }, "2023-01-01"),
      row("511100", "retiree_allocation", { kind: "fixed", monthlyFen: 5_000 }, "2024-01-01"),
      row("511100", "retiree_allocation", { kind: "fixed", monthlyFen: 3_000 }, "2025-01-01"),
    ];
    const on = (day: string) => resolvePolicy(rows, "511100", day).retiree_allocation.value;
    expect(on("2022-12-31")).toEqual({ kind: "local" });
    expect(on("2023-06-01")).toEqual({ kind: "fixed", monthlyFen: 6_000 });
    expect(on("2024-12-31")).toEqual({ kind: "fixed", monthlyFen: 5_000 });
    expect(on("2025-01-01")).toEqual({ kind: "fixed", monthlyFen: 3_000 });
  });

  it("reports which settings used are unverified, by their labels", () => {
    const rows = [
      ...defaults(),
      row("511100", "member_hotline", { text: "示例热线" }, "2000-01-01", false),
    ];
    const policy = resolvePolicy(rows, "511100", "2026-01-01");
    expect(unverifiedSettings(policy, ["member_hotline", "issuer"])).toEqual(["咨询电话"]);
  });

  it("refuses a stored value that does not fit its setting, and a missing default", () => {
    expect(() =>
      resolvePolicy(
        [...defaults(), row("511100", "insurance_year_start", { month: 3 })],
        "511100",
        "2026-01-01",
      ),
    ).toThrow(/does not fit/);
    expect(() =>
      resolvePolicy(
        defaults().filter((r) => r.setting !== "issuer"),
        "511100",
        "2026-01-01",
      ),
    ).toThrow(/no national default for policy setting issuer/);
  });

  it("reads a district through its city and a municipality's districts through 上海市", () => {
    expect(policyLevels("511102")).toEqual(["511100", "510000", null]);
    expect(policyLevels("310101")).toEqual(["310100", "310000", null]);
    expect(policyLevels("310000")).toEqual(["310000", null]);
  });
});

describe("the settings in words", () => {
  it("says 以当地实施时间为准 for an unknown reform date and names the city's issuer", () => {
    expect(describePolicyValue("reform_start", { date: null })).toBe("以当地实施时间为准");
    expect(describePolicyValue("reform_start", { date: "2022-10-01" })).toBe("2022年10月1日");
    expect(describePolicyValue("insurance_year_start", { month: 4 })).toBe("4月1日起至次年3月底");
    expect(
      describePolicyValue("monthly_deductions", {
        items: [{ name: "大额医疗补助", monthlyFen: 1_300 }],
      }),
    ).toBe("大额医疗补助 每月 13.00 元");
    const policy = resolvePolicy(defaults(), "511100", "2026-01-01");
    expect(issuerFor(policy, "乐山市")).toEqual({
      name: "乐山市医疗保障服务中心",
      sealLine: "乐山市医疗保障服务中心（盖章）",
    });
  });
});
