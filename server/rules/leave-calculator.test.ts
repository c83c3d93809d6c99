import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  calculateLeave,
  insuranceYearOf,
  type LeaveCalculationInput,
  type LeavePolicy,
} from "./leave-calculator";

// 4,000.00 元 … 20,000.00 元 at 2%: a monthly credit of 80.00 元 … 400.00 元 is plausible.
const BASE = { floorFen: 400_000, ceilingFen: 2_000_000, accountPercent: 2 };

const policy = (overrides: Partial<LeavePolicy> = {}): LeavePolicy => ({
  insuranceYearStartMonth: 7,
  creditingMode: "pre_allocation",
  contributionBase: BASE,
  monthlyDeductions: [],
  ...overrides,
});

const JULY = policy();
const APRIL = policy({ insuranceYearStartMonth: 4 });
const JANUARY = policy({ insuranceYearStartMonth: 1 });
const MONTHLY = policy({ insuranceYearStartMonth: 1, creditingMode: "monthly" });

function ok(input: Partial<LeaveCalculationInput>, rules: LeavePolicy = JULY) {
  const result = calculateLeave(rules, {
    leaveDate: "2025-12-15",
    reductionMonth: "2025-12",
    monthlyCreditFen: 20_000,
    ...input,
  });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

const refusal = (input: Partial<LeaveCalculationInput>, rules: LeavePolicy = JULY) =>
  calculateLeave(rules, {
    leaveDate: "2025-12-15",
    reductionMonth: "2025-12",
    monthlyCreditFen: 20_000,
    ...input,
  });

describe("insuranceYearOf", () => {
  it("derives the year from the region's start month", () => {
    expect(insuranceYearOf("2026-03-31", 4)).toEqual({
      start: "2025-04-01",
      end: "2026-03-31",
      firstMonth: "2025-04",
      lastMonth: "2026-03",
    });
    expect(insuranceYearOf("2026-04-01", 4).start).toBe("2026-04-01");
    expect(insuranceYearOf("2026-02-10", 1)).toMatchObject({
      start: "2026-01-01",
      end: "2026-12-31",
    });
    expect(insuranceYearOf("2026-05-20", 7)).toMatchObject({
      firstMonth: "2025-07",
      lastMonth: "2026-06",
    });
    expect(insuranceYearOf("2026-07-01", 7).firstMonth).toBe("2026-07");
  });
});

describe("calculateLeave where the year is pre-allocated", () => {
  it("takes back the months after the 减员 month up to the end of a July year, month by month", () => {
    const value = ok({ cardSpendingFen: 155_620, reportedBalanceFen: -35_620 });
    expect(value).toMatchObject({
      creditingMode: "pre_allocation",
      insuranceYear: { start: "2025-07-01", firstMonth: "2025-07", lastMonth: "2026-06" },
      creditStartMonth: "2025-07",
      preAllocatedFen: 240_000,
      removedFen: 120_000,
      realCreditFen: 120_000,
      spentBeforeLeaveFen: 155_620,
      expectedBalanceFen: -35_620,
      shortfallFen: 35_620,
      unexplainedFen: 0,
      warnings: [],
    });
    expect(value.creditedMonths).toHaveLength(6);
    expect(value.removedMonths).toEqual([
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
    ]);
    expect(value.lines).toEqual([
      "本医保年度为2025年7月1日至2026年6月30日（本地区医保年度自每年7月1日起），个人账户按医保年度预划。",
      "本医保年度预划期间为2025年7月至2026年6月共12个月，预划资金 2,400.00 元（每月 200.00 元）。",
      "离职日期2025年12月15日，减员生效月份为2025年12月（该月仍计入）；2026年1月至2026年6月共6个月的预划资金 1,200.00 元 应扣回。",
      "实际划入资金 = 预划资金 2,400.00 元 − 减员后至医保年度末（2026年6月30日）的预划资金 1,200.00 元 = 1,200.00 元。",
      "离职前支出合计 1,556.20 元（刷卡 1,556.20 元，家庭共济 0.00 元，扣缴 0.00 元）。",
      "应有余额 = 上年结转 0.00 元 + 实际划入资金 1,200.00 元 − 离职前支出 1,556.20 元 = -356.20 元；支出比上年结转与实际划入资金之和多 356.20 元，因此减员后账户显示为 -356.20 元。",
      "参保人反映的余额 -356.20 元 与计算结果一致。",
    ]);
    expect(value.months).toHaveLength(12);
    expect(value.months[0]).toEqual({
      month: "2025-07",
      creditedFen: 20_000,
      takenBackFen: 0,
      note: "预划保留，累计 200.00 元",
    });
    expect(value.months[5]).toEqual({
      month: "2025-12",
      creditedFen: 20_000,
      takenBackFen: 0,
      note: "离职当月；减员生效月份，仍计入；预划保留，累计 1,200.00 元",
    });
    expect(value.months[6]).toMatchObject({
      month: "2026-01",
      creditedFen: 0,
      takenBackFen: 20_000,
      note: "预划扣回，累计扣回 200.00 元",
    });
    expect(value.months[11]?.note).toBe("预划扣回，累计扣回 1,200.00 元");
  });

  it("runs an April year from 1 April to 31 March", () => {
    const value = ok(
      { leaveDate: "2026-02-10", reductionMonth: "2026-02", monthlyCreditFen: 30_000 },
      APRIL,
    );
    expect(value.insuranceYear).toEqual({
      start: "2025-04-01",
      end: "2026-03-31",
      firstMonth: "2025-04",
      lastMonth: "2026-03",
    });
    expect(value).toMatchObject({ preAllocatedFen: 360_000, removedFen: 30_000 });
    expect(value.removedMonths).toEqual(["2026-03"]);
    expect(value.lines[0]).toContain("2025年4月1日至2026年3月31日");
    expect(value.lines[3]).toContain("减员后至医保年度末（2026年3月31日）");

    // A leave in April belongs to the year that has just begun: eleven months go back.
    const april = ok(
      { leaveDate: "2026-04-03", reductionMonth: "2026-04", monthlyCreditFen: 30_000 },
      APRIL,
    );
    expect(april.insuranceYear.start).toBe("2026-04-01");
    expect(april).toMatchObject({ realCreditFen: 30_000, removedFen: 330_000 });
  });

  it("uses the calendar year where the year starts in January", () => {
    const value = ok(
      { leaveDate: "2026-03-10", reductionMonth: "2026-03", monthlyCreditFen: 10_000 },
      JANUARY,
    );
    expect(value.insuranceYear).toMatchObject({ start: "2026-01-01", end: "2026-12-31" });
    expect(value.creditedMonths).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(value.removedMonths).toHaveLength(9);
    expect(value.removedFen).toBe(90_000);
  });

  it("adds the carried-over balance and every kind of spending before the leave", () => {
    const value = ok({
      openingBalanceFen: 50_000,
      cardSpendingFen: 100_000,
      familyAidFen: 60_000,
      deductionsFen: 7_800,
      reportedBalanceFen: 2_200,
    });
    expect(value).toMatchObject({
      openingBalanceFen: 50_000,
      spentBeforeLeaveFen: 167_800,
      expectedBalanceFen: 50_000 + 120_000 - 167_800,
      shortfallFen: 0,
      unexplainedFen: 0,
    });
    expect(value.lines[4]).toBe(
      "离职前支出合计 1,678.00 元（刷卡 1,000.00 元，家庭共济 600.00 元，扣缴 78.00 元）。",
    );
    expect(value.lines[5]).toBe(
      "应有余额 = 上年结转 500.00 元 + 实际划入资金 1,200.00 元 − 离职前支出 1,678.00 元 = 22.00 元，减员后账户应余 22.00 元。",
    );
  });

  it("counts from the 减员 month, not the leave month, when they differ", () => {
    // The employer stopped paying in October; the member left in December.
    const earlier = ok({ reductionMonth: "2025-10" });
    expect(earlier.creditedMonths).toEqual(["2025-07", "2025-08", "2025-09", "2025-10"]);
    expect(earlier).toMatchObject({ realCreditFen: 80_000, removedFen: 160_000, warnings: [] });
    expect(earlier.months[3]?.note).toBe("减员生效月份，仍计入；预划保留，累计 800.00 元");
    expect(earlier.months[5]?.note).toBe("离职当月；预划扣回，累计扣回 400.00 元");

    // Filed two months late: the months up to February stay, and the delay is pointed out.
    const later = ok({ reductionMonth: "2026-02" });
    expect(later).toMatchObject({ realCreditFen: 160_000, removedFen: 80_000 });
    expect(later.warnings).toEqual(["减员生效月份比离职月份晚2个月，请核对单位办理减员的时间。"]);
  });

  it("takes nothing back when the 减员 month is the year's last", () => {
    const lastDay = insuranceYearOf("2026-06-01", 7).end;
    for (const leaveDate of ["2026-06-01", lastDay]) {
      const value = ok({ leaveDate, reductionMonth: "2026-06", cardSpendingFen: 50_000 });
      expect(value).toMatchObject({ removedFen: 0, realCreditFen: 240_000 });
      expect(value.removedMonths).toEqual([]);
      expect(value.expectedBalanceFen).toBe(190_000);
      expect(value.lines[2]).toContain("是本医保年度最后一个月，减员后至医保年度末没有需要扣回");
      expect(value.months.every((month) => month.takenBackFen === 0)).toBe(true);
    }
    const march = ok({ leaveDate: "2026-03-31", reductionMonth: "2026-03" }, APRIL);
    expect(march.removedFen).toBe(0);
  });

  it("leaves the year whole when the 减员 takes effect after its end", () => {
    const value = ok({ leaveDate: "2026-06-20", reductionMonth: "2026-07" });
    expect(value).toMatchObject({ removedFen: 0, realCreditFen: 240_000 });
    expect(value.lines[2]).toContain("已在医保年度末（2026年6月30日）之后，本年度预划资金不扣回");
  });

  it("takes the whole year back when the 减员 took effect the month before it began", () => {
    const value = ok({ leaveDate: "2025-07-05", reductionMonth: "2025-06" });
    expect(value).toMatchObject({ realCreditFen: 0, removedFen: 240_000 });
    expect(value.creditedMonths).toEqual([]);
    expect(value.lines[2]).toContain("本年度预划资金 2,400.00 元 全部扣回");
  });

  it("starts a mid-year enrolment's pre-allocation in its enrolment month", () => {
    const value = ok({
      creditStartMonth: "2025-10",
      leaveDate: "2025-10-20",
      reductionMonth: "2025-10",
      monthlyCreditFen: 15_000,
    });
    expect(value).toMatchObject({ preAllocatedFen: 135_000, realCreditFen: 15_000 });
    expect(value.removedMonths).toHaveLength(8);
    expect(value.months[0]?.month).toBe("2025-10");
  });

  it("spreads a yearly total with the odd 分 on the earliest months", () => {
    // 1,000.00 元 over 12 months: 83.33 元 a month with 4 分 left, on July to October.
    const early = ok({
      monthlyCreditFen: null,
      yearlyTotalFen: 100_000,
      leaveDate: "2025-08-31",
      reductionMonth: "2025-08",
    });
    expect(early.realCreditFen).toBe(2 * 8_333 + 2);
    expect(early.removedFen).toBe(100_000 - 16_668);
    expect(early.lines[1]).toContain("每月 83.33 元，不能整除的 4 分计入最早的月份");
    const late = ok({
      monthlyCreditFen: null,
      yearlyTotalFen: 100_000,
      leaveDate: "2026-05-02",
      reductionMonth: "2026-05",
    });
    expect(late.realCreditFen).toBe(11 * 8_333 + 4);
    expect(late.removedFen).toBe(8_333);
  });

  it("checks a yearly total given with the monthly credit", () => {
    expect(ok({ yearlyTotalFen: 240_000 }).preAllocatedFen).toBe(240_000);
    expect(refusal({ yearlyTotalFen: 250_000 })).toEqual({
      ok: false,
      field: "yearlyTotalFen",
      message:
        "全年预划总额 2,500.00 元 与每月划入金额 200.00 元 × 12个月 = 2,400.00 元 不一致，请核对，或只填其中一项",
    });
  });

  it("warns, without refusing, when the credit lies outside the contribution base's range", () => {
    expect(ok({ monthlyCreditFen: 5_000 }).warnings).toEqual([
      "每月划入金额 50.00 元 低于本地区缴费基数对应的划入范围 80.00 元～400.00 元（缴费基数 4,000.00 元～20,000.00 元 × 个人账户划入 2%），请核对缴费基数或划入金额。",
    ]);
    expect(ok({ monthlyCreditFen: 50_000 }).warnings[0]).toMatch(/^每月划入金额 500.00 元 高于/);
    expect(ok({ monthlyCreditFen: 8_000 }).warnings).toEqual([]);
    expect(ok({ monthlyCreditFen: 40_000 }).warnings).toEqual([]);
    expect(ok({ monthlyCreditFen: null, yearlyTotalFen: 12_000 }).warnings[0]).toMatch(
      /^全年预划总额折合每月 10.00 元 低于/,
    );
    // 7,310.00 元 at 2.3% is 168.13 元: a credit computed from the floor never warns.
    const shanghaiLike = policy({
      contributionBase: { floorFen: 731_000, ceilingFen: 3_655_900, accountPercent: 2.3 },
    });
    expect(ok({ monthlyCreditFen: 16_813 }, shanghaiLike).warnings).toEqual([]);
    expect(ok({ monthlyCreditFen: 16_812 }, shanghaiLike).warnings).toHaveLength(1);
  });

  it("offers the region's monthly deductions over the months credited", () => {
    const rules = policy({ monthlyDeductions: [{ name: "大额医疗补助", monthlyFen: 1_300 }] });
    expect(ok({}, rules).deductionSuggestion).toEqual({
      fen: 7_800,
      text: "大额医疗补助 13.00 元/月 × 6个月 = 78.00 元",
    });
    expect(ok({}).deductionSuggestion).toBeNull();
  });
});

describe("calculateLeave where the region credits monthly", () => {
  it("takes nothing back, says why, and still gives the expected balance", () => {
    const value = ok(
      {
        leaveDate: "2026-05-20",
        reductionMonth: "2026-05",
        monthlyCreditFen: 25_000,
        openingBalanceFen: 100_000,
        cardSpendingFen: 30_000,
        familyAidFen: 20_000,
        deductionsFen: 6_500,
      },
      MONTHLY,
    );
    expect(value).toMatchObject({
      creditingMode: "monthly",
      preAllocatedFen: null,
      removedFen: 0,
      removedMonths: [],
      realCreditFen: 125_000,
      expectedBalanceFen: 100_000 + 125_000 - 56_500,
    });
    expect(value.lines.slice(0, 3)).toEqual([
      "本医保年度为2026年1月1日至2026年12月31日（本地区医保年度自每年1月1日起），个人账户按月划入。",
      "本地区按月划入个人账户，没有提前预划的资金，减员后不扣回已划入的资金。减员生效月份为2026年5月，自2026年6月起停止划入。",
      "本医保年度2026年1月至2026年5月共5个月按月划入，每月 250.00 元，合计 1,250.00 元。",
    ]);
    expect(value.months[4]?.note).toBe(
      "离职当月；减员生效月份，仍计入；按月划入，累计 1,250.00 元",
    );
    expect(value.months[5]).toEqual({
      month: "2026-06",
      creditedFen: 0,
      takenBackFen: 0,
      note: "减员后停止划入",
    });
    expect(value.lines.join("")).not.toContain("应扣回");
  });

  it("does not blame the reduction for a negative figure", () => {
    const value = ok(
      { leaveDate: "2026-02-10", reductionMonth: "2026-02", cardSpendingFen: 50_000 },
      MONTHLY,
    );
    expect(value.expectedBalanceFen).toBe(-10_000);
    expect(value.lines[4]).toContain("这 100.00 元 的差额不是减员造成的");
  });

  it("has no yearly total to take", () => {
    expect(refusal({ monthlyCreditFen: null, yearlyTotalFen: 240_000 }, MONTHLY)).toEqual({
      ok: false,
      field: "yearlyTotalFen",
      message: "该地区按月划入个人账户，没有全年预划总额，请填写每月划入金额",
    });
    expect(refusal({ monthlyCreditFen: null }, MONTHLY)).toEqual({
      ok: false,
      field: "monthlyCreditFen",
      message: "请填写每月划入金额",
    });
  });
});

describe("calculateLeave refuses inconsistent input with a field and a Chinese message", () => {
  it.each([
    [{ leaveDate: "2026-02-30" }, "leaveDate", "请填写有效的离职日期"],
    [{ reductionMonth: "2025-13" }, "reductionMonth", "请选择减员生效月份"],
    [
      { reductionMonth: "2025-05" },
      "reductionMonth",
      "减员生效月份不能早于2025年6月（本医保年度起划月份的上一个月）",
    ],
    [
      { creditStartMonth: "2025-06" },
      "creditStartMonth",
      "起划月份应在本医保年度（2025年7月至2026年6月）内",
    ],
    [{ creditStartMonth: "2026-01" }, "creditStartMonth", "起划月份晚于离职月份，请核对"],
    [{ monthlyCreditFen: null }, "monthlyCreditFen", "请填写每月划入金额或全年预划总额"],
    [{ monthlyCreditFen: 0 }, "monthlyCreditFen", "每月划入金额应大于0"],
    [{ monthlyCreditFen: null, yearlyTotalFen: -1 }, "yearlyTotalFen", "全年预划总额应大于0"],
    [{ monthlyCreditFen: 100.5 }, "monthlyCreditFen", "每月划入金额应精确到分"],
    [{ cardSpendingFen: -1 }, "cardSpendingFen", "刷卡支出不能为负数"],
    [{ familyAidFen: -1 }, "familyAidFen", "家庭共济支出不能为负数"],
    [{ deductionsFen: -1 }, "deductionsFen", "扣缴金额不能为负数"],
  ] as const)("%o → %s", (input, field, message) => {
    expect(refusal(input)).toEqual({ ok: false, field, message });
  });
});

describe("the calculator's sources", () => {
  // A hard-coded July–June year was the defect this rule replaced: the end of the year is
  // always computed from the region's setting. Spelled in pieces so this file passes too.
  const forbidden = [["06", "30"].join("-"), `6月${"底"}`, ["2022", "07", "01"].join("-")];
  const sources = [
    "server/rules/leave-calculator.ts",
    "server/rules/leave-calculator.test.ts",
    "server/rules/leave-explanation.ts",
    "server/domain/insights/leave-step.ts",
    "app/(dashboard)/enquiries/[id]/leave-calculator.tsx",
    "app/(dashboard)/enquiries/[id]/leave-calculation-result.tsx",
  ];

  it.each(sources)("%s names no fixed insurance-year date", (path) => {
    const source = readFileSync(path, "utf8");
    for (const literal of forbidden) expect(source).not.toContain(literal);
  });
});
