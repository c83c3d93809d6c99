import { describe, expect, it } from "vitest";
import { testRegion } from "../../testing/policy";
import { hitsOf, pointsOf, topLabel } from "../../testing/triage";

// A region that credits the insurance year in advance from July, and one that credits monthly
// with an April insurance year (as 上海 does).
const JULY = testRegion({
  insurance_year_start: { month: 7 },
  crediting_mode: { mode: "pre_allocation" },
});
const APRIL_MONTHLY = testRegion({ insurance_year_start: { month: 4 } });
const DEDUCTING_JULY = {
  ...JULY,
  monthlyDeductionFen: 1_000,
  deductionNames: ["大额医疗补助"],
};

describe("离职减员: leaving", () => {
  it("takes back the pre-allocation where the region credits in advance", () => {
    const input = {
      symptom: "negative" as const,
      balanceFen: -30_000,
      region: JULY,
      today: "2026-03-16",
      facts: { leftEmployer: true, leaveDate: "2026-01-12" },
    };
    expect(topLabel(input)).toBe("离职减员");
    expect(hitsOf("resignation.leaving", input)[0]?.reason).toContain("扣回减员后至医保年度末");
  });

  it("only stops the credits where the region credits monthly", () => {
    const left = { leftEmployer: true, leaveDate: "2026-01-12" };
    const stopped = hitsOf("resignation.leaving", { region: APRIL_MONTHLY, facts: left });
    expect(stopped.map((one) => one.reason).join("")).toContain("停止划入");
    // Nothing is taken back there: a negative figure is the leave only while the employer has
    // not settled it (减员 not yet filed).
    const negative = (facts: object) =>
      pointsOf("resignation.leaving", "resignation", {
        symptom: "negative",
        balanceFen: -30_000,
        region: APRIL_MONTHLY,
        facts: { ...left, ...facts },
      });
    expect(negative({ reductionFiled: true })).toBeLessThan(20);
    expect(negative({ reductionFiled: false })).toBeGreaterThanOrEqual(50);
    expect(
      hitsOf("resignation.leaving", {
        symptom: "negative",
        balanceFen: -30_000,
        region: APRIL_MONTHLY,
        facts: left,
      })
        .map((one) => one.reason)
        .join(""),
    ).toContain("未及时办理减员");
  });

  it("reads a filed reduction or a leave date as a leave", () => {
    expect(
      topLabel({
        symptom: "negative",
        balanceFen: -30_000,
        region: JULY,
        facts: { reductionFiled: true },
      }),
    ).toBe("离职减员");
  });

  it("keeps a negative in a pre-allocating region a reduction, even without a leave", () => {
    const unknown = pointsOf("resignation.leaving", "resignation", {
      symptom: "negative",
      balanceFen: -15_000,
      region: JULY,
    });
    const denied = pointsOf("resignation.leaving", "resignation", {
      symptom: "negative",
      balanceFen: -15_000,
      region: JULY,
      facts: { leftEmployer: false },
    });
    expect(unknown).toBe(25);
    expect(denied).toBe(20);
  });

  it("does not count a leave more than a year ago", () => {
    expect(
      pointsOf("resignation.leaving", "resignation", {
        region: JULY,
        facts: { leftEmployer: true, leaveDate: "2024-05-01" },
      }),
    ).toBeLessThan(20);
  });
});

describe("离职减员: a leave at the end of the insurance year", () => {
  it("takes nothing back on its last day, so a drop is spending", () => {
    const input = {
      symptom: "sudden_drop" as const,
      region: JULY,
      today: "2025-07-09",
      facts: { leftEmployer: true, leaveDate: "2025-06-30" },
    };
    expect(topLabel(input)).toBe("其他·医疗费用支出");
    expect(hitsOf("resignation.leaveAtYearEnd", input)[0]?.reason).toContain(
      "正好是医保年度的最后一天，减员不会扣回预划资金",
    );
  });

  it("treats the whole last month alike, by the region's insurance year", () => {
    const drop = { symptom: "sudden_drop" as const, today: "2025-04-20" };
    const facts = { leftEmployer: true, leaveDate: "2025-03-10" };
    expect(topLabel({ ...drop, region: APRIL_MONTHLY, facts })).toBe("其他·医疗费用支出");
    // March is no year end where the insurance year starts in July.
    expect(hitsOf("resignation.leaveAtYearEnd", { ...drop, region: JULY, facts })).toEqual([]);
  });

  it("takes the new year's pre-allocation back when the reduction came after it", () => {
    const input = {
      symptom: "negative" as const,
      balanceFen: -48_000,
      region: JULY,
      today: "2024-07-23",
      facts: { leftEmployer: true, leaveDate: "2024-06-28", reductionMonth: "2024-07" },
    };
    expect(topLabel(input)).toBe("离职减员");
    expect(hitsOf("resignation.leaveAtYearEnd", input)[0]?.reason).toContain("2024年7月才办理减员");
  });

  it("points a negative to a late reduction or the region's deduction", () => {
    const input = {
      symptom: "negative" as const,
      balanceFen: -1_000,
      today: "2025-07-09",
      facts: { leftEmployer: true, leaveDate: "2025-06-30" },
    };
    const keys = (region: typeof JULY) =>
      hitsOf("resignation.leaveAtYearEnd", { ...input, region })
        .filter((one) => one.points > 0)
        .map((one) => one.key);
    expect(keys(JULY)).toEqual(["resignation"]);
    expect(keys(DEDUCTING_JULY)).toEqual(["resignation", "policy_reform:deduction"]);
    expect(topLabel({ ...input, region: DEDUCTING_JULY })).toBe("政策改革·扣费");
  });
});
