import { describe, expect, it } from "vitest";
import { calculateLeave, type LeaveCalculationInput } from "./leave-calculator";

function ok(input: Partial<LeaveCalculationInput>) {
  const result = calculateLeave({
    periodStart: "2025-07",
    leaveDate: "2025-12-15",
    preAllocatedFen: 240_000,
    spentBeforeLeaveFen: 0,
    ...input,
  });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe("calculateLeave", () => {
  it("takes back the months after the leave month up to June", () => {
    const value = ok({ spentBeforeLeaveFen: 155_620, reportedBalanceFen: -35_620 });
    expect(value).toMatchObject({
      yearEnd: "2026-06-30",
      totalMonths: 12,
      keptMonths: 6,
      removedMonths: 6,
      preAllocatedFen: 240_000,
      removedFen: 120_000,
      realCreditFen: 120_000,
      expectedBalanceFen: -35_620,
      shortfallFen: 35_620,
      unexplainedFen: 0,
    });
    expect(value.lines).toEqual([
      "本参保年度预划期间为2025年7月至2026年6月，共12个月，预划资金 2,400.00 元。",
      "离职日期2025年12月15日，离职当月仍计入；2026年1月至2026年6月共6个月的预划资金 1,200.00 元 应扣回。",
      "实际划入资金 = 预划资金 2,400.00 元 − 离职后至6月底预划资金 1,200.00 元 = 1,200.00 元。",
      "离职前刷卡支出 1,556.20 元，比实际划入资金多 356.20 元，因此减员后账户显示为 -356.20 元。",
      "参保人反映的余额 -356.20 元 与计算结果一致。",
    ]);
  });

  it("takes nothing back for a leave in June", () => {
    for (const leaveDate of ["2026-06-01", "2026-06-30"]) {
      const value = ok({ leaveDate, spentBeforeLeaveFen: 50_000 });
      expect(value.removedFen).toBe(0);
      expect(value.realCreditFen).toBe(240_000);
      expect(value.expectedBalanceFen).toBe(190_000);
      expect(value.lines[1]).toContain("没有需要扣回");
    }
  });

  it("keeps one month for a leave in the enrolment month", () => {
    const value = ok({
      periodStart: "2025-10",
      leaveDate: "2025-10-20",
      monthlyCreditFen: 15_000,
      preAllocatedFen: null,
    });
    expect(value).toMatchObject({
      totalMonths: 9,
      keptMonths: 1,
      removedMonths: 8,
      preAllocatedFen: 135_000,
      realCreditFen: 15_000,
      removedFen: 120_000,
    });
  });

  it("leaves this year whole for a leave after 30 June (next insurance year)", () => {
    const value = ok({ leaveDate: "2026-07-03", spentBeforeLeaveFen: 10_000 });
    expect(value.afterYearEnd).toBe(true);
    expect(value.removedFen).toBe(0);
    expect(value.expectedBalanceFen).toBe(230_000);
    expect(value.lines[1]).toContain("下一参保年度");
  });

  it("handles zero spending", () => {
    const value = ok({ spentBeforeLeaveFen: 0 });
    expect(value.expectedBalanceFen).toBe(120_000);
    expect(value.shortfallFen).toBe(0);
    expect(value.lines[3]).toContain("未超过实际划入资金");
  });

  it("puts the odd 分 of an uneven total on the earliest months", () => {
    // 1,000.00 元 over 12 months: 83.33 元 a month with 4 分 left, on July to October.
    const value = ok({ preAllocatedFen: 100_000, leaveDate: "2025-08-31" });
    expect(value.realCreditFen).toBe(2 * 8_333 + 2);
    expect(value.removedFen).toBe(100_000 - 16_668);
    const late = ok({ preAllocatedFen: 100_000, leaveDate: "2026-05-02" });
    expect(late.realCreditFen).toBe(11 * 8_333 + 4);
    expect(late.removedFen).toBe(8_333);
  });

  it("starts a January enrolment's year in the same June", () => {
    const value = ok({
      periodStart: "2026-01",
      leaveDate: "2026-03-10",
      monthlyCreditFen: 10_000,
      preAllocatedFen: null,
    });
    expect(value).toMatchObject({ yearEnd: "2026-06-30", totalMonths: 6, removedMonths: 3 });
  });

  it("reports a difference the leave does not explain", () => {
    const value = ok({ spentBeforeLeaveFen: 130_000, reportedBalanceFen: -20_000 });
    expect(value.unexplainedFen).toBe(-10_000);
    expect(value.lines.at(-1)).toContain("相差 100.00 元");
  });

  it("refuses inconsistent input with a field and a Chinese message", () => {
    const base = { periodStart: "2025-07", leaveDate: "2025-12-15", spentBeforeLeaveFen: 0 };
    expect(calculateLeave({ ...base, leaveDate: "2025-05-01", preAllocatedFen: 1 })).toMatchObject({
      ok: false,
      field: "leaveDate",
    });
    expect(calculateLeave({ ...base, leaveDate: "2025-02-30", preAllocatedFen: 1 })).toMatchObject({
      ok: false,
      field: "leaveDate",
    });
    expect(calculateLeave(base)).toMatchObject({ ok: false, field: "preAllocatedFen" });
    expect(calculateLeave({ ...base, preAllocatedFen: 1, monthlyCreditFen: 1 })).toMatchObject({
      ok: false,
      message: "请填写本年度预划资金或每月划入金额（二选一）",
    });
    expect(calculateLeave({ ...base, monthlyCreditFen: 0 })).toMatchObject({
      ok: false,
      field: "monthlyCreditFen",
    });
    expect(calculateLeave({ ...base, preAllocatedFen: 1, spentBeforeLeaveFen: -1 })).toMatchObject({
      ok: false,
      field: "spentBeforeLeaveFen",
    });
    expect(calculateLeave({ ...base, periodStart: "2025-13", preAllocatedFen: 1 })).toMatchObject({
      ok: false,
      field: "periodStart",
    });
  });
});
