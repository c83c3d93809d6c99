import { describe, expect, it } from "vitest";
import { testRegion } from "../../testing/policy";
import { hitsOf, labels, pointsOf, suggest, topLabel } from "../../testing/triage";

// Two regions with different reform dates and deductions.
const EARLY = testRegion({
  reform_start: { date: "2022-01-01" },
  monthly_deductions: { items: [{ name: "大额医疗补助", monthlyFen: 1_300 }] },
});
const LATE = testRegion({
  reform_start: { date: "2023-01-01" },
  monthly_deductions: { items: [{ name: "大病保险", monthlyFen: 800 }] },
});

describe("政策改革·门诊共济改革", () => {
  it("explains a lower credit noticed within a year of the region's reform, in its dates", () => {
    const input = { symptom: "mismatch" as const, today: "2023-06-05" };
    expect(topLabel({ ...input, region: LATE })).toBe("政策改革·门诊共济改革");
    expect(
      hitsOf("policy_reform.outpatientReform", { ...input, region: LATE })[0]?.reason,
    ).toContain("2023年1月起");
    // Seventeen months after the other region's reform, it is no longer offered.
    expect(labels(suggest({ ...input, region: EARLY }))).not.toContain("政策改革·门诊共济改革");
  });

  it("reads when the member first noticed the change", () => {
    const noticed = {
      symptom: "mismatch" as const,
      today: "2024-03-01",
      region: LATE,
      facts: { firstNoticedMonth: "2023-01" },
    };
    expect(topLabel(noticed)).toBe("政策改革·门诊共济改革");
    expect(
      hitsOf("policy_reform.outpatientReform", noticed)
        .map((one) => one.reason)
        .join(""),
    ).toContain("正是本地改革开始实施的时候");
  });

  it("is offered years later only when the member names it", () => {
    const later = { symptom: "mismatch" as const, today: "2026-03-01", region: EARLY };
    expect(hitsOf("policy_reform.outpatientReform", later)).toEqual([]);
    expect(
      pointsOf("policy_reform.outpatientReform", "policy_reform:outpatient_reform", {
        ...later,
        said: ["outpatient_reform"],
      }),
    ).toBe(20);
    expect(
      hitsOf("policy_reform.outpatientReform", { ...later, asked: ["outpatient_reform"] }),
    ).toEqual([]);
  });

  it("does not explain credits that stopped for a cause of their own", () => {
    const soon = { symptom: "mismatch" as const, today: "2023-06-05", region: LATE };
    for (const facts of [
      { employerPaid: false },
      { leftEmployer: true },
      { contributionGapMonths: 3 },
    ]) {
      expect(hitsOf("policy_reform.outpatientReform", { ...soon, facts })).toEqual([]);
    }
  });

  it("applies to employees in work only, and not before the reform", () => {
    const retired = { scheme: "employee", category: "retired" } as const;
    expect(hitsOf("policy_reform.outpatientReform", { insurance: retired, region: LATE })).toEqual(
      [],
    );
    expect(hitsOf("policy_reform.outpatientReform", { today: "2022-11-01", region: LATE })).toEqual(
      [],
    );
  });
});

describe("政策改革·退休划入调整", () => {
  const retired = { scheme: "employee", category: "retired" } as const;
  const fixed = { ...testRegion({ retiree_allocation: { kind: "fixed", monthlyFen: 3_000 } }) };

  it("names the region's allocation", () => {
    const input = { insurance: retired, region: fixed };
    expect(topLabel(input)).toBe("政策改革·退休划入调整");
    expect(hitsOf("policy_reform.retireeAllocation", input)[0]?.reason).toContain(
      "每月定额划入 30.00 元",
    );
    const share = testRegion({ retiree_allocation: { kind: "pension_share", percent: 2 } });
    expect(
      hitsOf("policy_reform.retireeAllocation", { insurance: retired, region: share })[0]?.reason,
    ).toContain("上年度基本养老金的 2%");
  });

  it("weighs a recent change of the allocation and a credit equal to it", () => {
    const changed = { ...fixed, retireeAllocationSince: "2025-01-01" };
    const base = { insurance: retired, today: "2025-02-12" };
    const points = (region: typeof fixed, lastCreditFen?: number) =>
      pointsOf("policy_reform.retireeAllocation", "policy_reform:retiree_allocation", {
        ...base,
        region,
        facts: lastCreditFen ? { lastCreditFen } : {},
      });
    expect(points(fixed)).toBe(45);
    expect(points(changed)).toBe(70);
    expect(points(changed, 3_000)).toBe(95);
  });

  it("explains a retiree's sudden drop only weakly", () => {
    expect(
      pointsOf("policy_reform.retireeAllocation", "policy_reform:retiree_allocation", {
        symptom: "sudden_drop",
        insurance: retired,
      }),
    ).toBe(15);
  });
});

describe("政策改革·缴费基数调整", () => {
  it("reads the base behind the last credit from the region's rate, after the reform's news", () => {
    const input = { region: EARLY, today: "2024-07-16", facts: { lastCreditFen: 13_046 } };
    expect(topLabel(input)).toBe("政策改革·缴费基数调整");
    expect(hitsOf("policy_reform.baseAdjustment", input)[0]?.reason).toContain(
      "缴费基数约 6,523.00 元",
    );
  });

  it("takes a flexibly employed member's lower tier", () => {
    const flexible = { scheme: "employee", category: "flexible" } as const;
    expect(topLabel({ insurance: flexible, facts: { tier: "二档" } })).toBe(
      "政策改革·缴费基数调整",
    );
  });

  it("follows what the member says about the base", () => {
    expect(
      pointsOf("policy_reform.baseAdjustment", "policy_reform:base_adjustment", {
        said: ["contribution_base"],
      }),
    ).toBe(35);
    expect(
      pointsOf("policy_reform.baseAdjustment", "policy_reform:base_adjustment", {
        denied: ["contribution_base"],
      }),
    ).toBe(0);
  });
});

describe("政策改革·扣费", () => {
  const negative = (balanceFen: number) => ({ symptom: "negative" as const, balanceFen });

  it("ranks first a negative of a few months of the region's own deduction", () => {
    expect(topLabel({ ...negative(-2_600), region: EARLY })).toBe("政策改革·扣费");
    expect(
      hitsOf("policy_reform.deduction", { ...negative(-2_600), region: EARLY })[0]?.reason,
    ).toContain("大额医疗补助 13.00 元");
    expect(topLabel({ ...negative(-1_600), region: LATE })).toBe("政策改革·扣费");
    // The same figure is no whole number of the other region's deduction: a weak lead only.
    expect(topLabel({ ...negative(-1_600), region: EARLY })).not.toBe("政策改革·扣费");
    expect(
      pointsOf("policy_reform.deduction", "policy_reform:deduction", {
        ...negative(-1_600),
        region: EARLY,
      }),
    ).toBe(25);
    // Twelve months of deductions is no deduction the account simply ran into.
    expect(hitsOf("policy_reform.deduction", { ...negative(-9_600), region: LATE })).toEqual([]);
  });

  it("matches a drop the member names to the region's deduction", () => {
    const drop = { symptom: "mismatch" as const, amounts: { drop_amount: 1_300 } };
    expect(topLabel({ ...drop, region: EARLY })).toBe("政策改革·扣费");
    expect(hitsOf("policy_reform.deduction", { ...drop, region: LATE })).toEqual([]);
  });

  it("does not let a known deduction explain a larger drop", () => {
    const input = {
      symptom: "sudden_drop" as const,
      region: EARLY,
      said: ["deduction" as const],
      amounts: { drop_amount: 15_000 },
    };
    expect(pointsOf("policy_reform.deduction", "policy_reform:deduction", input)).toBe(-10);
    expect(topLabel(input)).toBe("其他·医疗费用支出");
  });

  it("names a recent change of the region's deduction", () => {
    const changed = { ...LATE, monthlyDeductionFen: 1_000, deductionsSince: "2026-01-01" };
    const reasons = hitsOf("policy_reform.deduction", {
      region: changed,
      today: "2026-02-09",
      said: ["deduction"],
    }).map((one) => one.reason);
    expect(reasons.join("")).toContain("本市自2026年1月起执行现行扣缴标准");
  });
});
