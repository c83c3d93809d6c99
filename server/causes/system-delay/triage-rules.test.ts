import { describe, expect, it } from "vitest";
import { testRegion } from "../../testing/policy";
import { hitsOf, labels, pointsOf, suggest, topLabel } from "../../testing/triage";

describe("系统延迟: the employer's payment", () => {
  it("counts the wait in working days, so a holiday does not make it late", () => {
    // Paid the day before 国庆 2025; the week of holidays is no working day.
    const input = {
      today: "2025-10-09",
      facts: { employerPaid: true, employerPaidOn: "2025-09-30" },
    };
    expect(hitsOf("system_delay.employerPayment", input)[0]?.reason).toContain("1个工作日前");
    expect(topLabel(input)).toBe("系统延迟");
  });

  it("sends a credit late by more than 1–2 working days to the back office", () => {
    const late = hitsOf("system_delay.employerPayment", {
      today: "2025-03-28",
      facts: { employerPaid: true, employerPaidOn: "2025-03-14" },
    });
    expect(late[0]?.reason).toContain("10个工作日仍未到账");
  });

  it("explains a negative spent before the credit arrived", () => {
    const input = {
      symptom: "negative" as const,
      balanceFen: -18_600,
      today: "2025-04-17",
      facts: { employerPaid: true, employerPaidOn: "2025-04-15" },
    };
    expect(topLabel(input)).toBe("系统延迟");
    expect(hitsOf("system_delay.employerPayment", input)[1]?.reason).toContain("到账后自动冲抵");
  });

  it("points an unpaid employer to arrears", () => {
    expect(topLabel({ facts: { employerPaid: false } })).toBe("其他·单位欠缴");
  });
});

describe("系统延迟: first credits and new cards", () => {
  it("suggests the first credit for a new enrolment or a new employer", () => {
    expect(topLabel({ symptom: "zero", balanceFen: 0, facts: { recentlyEnrolled: true } })).toBe(
      "系统延迟",
    );
    expect(topLabel({ symptom: "zero", balanceFen: 0, said: ["new_employer"] })).toBe("系统延迟");
  });

  it("gives a freshly activated or replaced card a few working days", () => {
    const fresh = {
      symptom: "unusable" as const,
      today: "2026-06-23",
      facts: { card: "activated" as const, cardChangedOn: "2026-06-20" },
    };
    expect(hitsOf("system_delay.firstSync", fresh)[0]?.reason).toContain("2026年6月20日刚激活");
    const old = { ...fresh, facts: { card: "replaced" as const, cardChangedOn: "2026-03-02" } };
    expect(hitsOf("system_delay.firstSync", old)).toEqual([]);
  });
});

describe("系统延迟: a burst in one city", () => {
  it("raises 系统延迟 from three enquiries in three working days, naming them", () => {
    const input = { symptom: "unusable" as const, facts: { sameSymptomNearby: 4 } };
    expect(hitsOf("system_delay.burst", input)[0]?.reason).toContain(
      "近3个工作日本市已有4件同类咨询",
    );
    expect(hitsOf("system_delay.burst", { facts: { sameSymptomNearby: 2 } })).toEqual([]);
  });

  it("does not outweigh a bank ATM query", () => {
    const input = {
      symptom: "zero" as const,
      balanceFen: 0,
      facts: { sameSymptomNearby: 9, queryMethod: "bank" as const },
    };
    expect(topLabel(input)).toBe("其他·查询方式错误");
  });
});

describe("系统延迟: what the member says about the system", () => {
  it("raises 系统延迟 for a stated upgrade or operator error, not for a guess", () => {
    expect(
      pointsOf("system_delay.systemSignals", "system_delay", { said: ["system_upgrade"] }),
    ).toBe(25);
    expect(hitsOf("system_delay.systemSignals", { asked: ["system_upgrade"] })).toEqual([]);
    expect(hitsOf("system_delay.systemSignals", { said: ["operator_error"] })[0]?.reason).toContain(
      "不会自行恢复",
    );
  });
});

describe("系统延迟: the turn of the region's insurance year", () => {
  const carried = { symptom: "mismatch" as const, facts: { accountPart: "carried" as const } };
  const APRIL = testRegion({ insurance_year_start: { month: 4 } });

  it("suspects the carry-over in the first months of the region's insurance year only", () => {
    expect(topLabel({ ...carried, today: "2025-04-14", region: APRIL })).toBe("系统延迟");
    expect(hitsOf("system_delay.yearTurnover", { ...carried, today: "2025-04-14" })).toEqual([]);
    expect(
      hitsOf("system_delay.yearTurnover", { ...carried, today: "2025-01-10" })[0]?.reason,
    ).toContain("每年1月1日");
    expect(
      hitsOf("system_delay.yearTurnover", { ...carried, today: "2025-01-10", region: APRIL }),
    ).toEqual([]);
  });

  it("expects the pre-allocation in the first month of the year where the region pre-allocates", () => {
    const region = testRegion({
      insurance_year_start: { month: 7 },
      crediting_mode: { mode: "pre_allocation" },
    });
    const early = { symptom: "mismatch" as const, today: "2024-07-08", region };
    expect(topLabel(early)).toBe("系统延迟");
    expect(hitsOf("system_delay.yearTurnover", { ...early, today: "2024-09-08" })).toEqual([]);
  });
});

describe("系统延迟: a negative the region's rules do not allow", () => {
  it("beyond the overdraft limit is an error to correct", () => {
    const region = testRegion({ overdraft: { allowed: true, limitFen: 50_000 } });
    const over = { symptom: "negative" as const, balanceFen: -260_000, region };
    expect(topLabel(over)).toBe("系统延迟");
    expect(topLabel({ ...over, balanceFen: -32_000 })).toBe("其他·个人账户透支");
  });

  it("where credits are monthly, unless it is a few months' deduction", () => {
    const region = testRegion({
      monthly_deductions: { items: [{ name: "大额医疗补助", monthlyFen: 1_000 }] },
    });
    const negative = { symptom: "negative" as const, region };
    expect(labels(suggest({ ...negative, balanceFen: -235_000 }))).toContain("系统延迟");
    expect(hitsOf("system_delay.unexplainedNegative", { ...negative, balanceFen: -2_000 })).toEqual(
      [],
    );
  });
});
