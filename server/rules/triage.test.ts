import { describe, expect, it } from "vitest";
import {
  CAUSE_CODES,
  causeTagLabel,
  choosableSubReasons,
  MEMBER_INSURANCES,
  STEP_KINDS,
} from "@/db/constants";
import { JULY_PRE_ALLOCATING, testRegion } from "../testing/policy";
import { suggest, type triageInput } from "../testing/triage";
import {
  MAX_SUGGESTIONS,
  MIN_SCORE,
  type Suggestion,
  stepsFor,
  type TriageInput,
  triage,
} from "./triage";

const TODAY = "2026-11-23";

function run(overrides: Partial<TriageInput> & { facts?: TriageInput["facts"] }) {
  return triage({
    symptom: "negative",
    insurance: { scheme: "employee", category: "active" },
    balanceFen: null,
    today: TODAY,
    region: JULY_PRE_ALLOCATING,
    ...overrides,
    facts: overrides.facts ?? {},
  });
}

// The top suggestion (or any, through map) as the caseworker reads it.
const label = (s: Suggestion | undefined) => (s ? causeTagLabel(s) : "无建议");

describe("triage: the documented cases", () => {
  it("a negative balance shortly after leaving an employer ranks 离职减员 first", () => {
    const result = run({
      symptom: "negative",
      balanceFen: -35_620,
      facts: { leftEmployer: true, leaveDate: "2026-10-15", reductionFiled: true },
    });
    expect(label(result[0])).toBe("离职减员");
    expect(result[0]?.score).toBeGreaterThanOrEqual(70);
    expect(result[0]?.reasons.join("")).toContain("离职");
    expect(result[0]?.steps).toEqual([
      "print_ledger",
      "check_leave_dates",
      "compute_real_credit",
      "explain_offset",
    ]);
  });

  it("a zero balance under 城乡居民医保 points to an insurance type without a personal account", () => {
    const result = run({
      symptom: "zero",
      insurance: { scheme: "resident", category: null },
      balanceFen: 0,
    });
    expect(label(result[0])).toBe("其他·无个人账户参保类型");
    expect(result[0]?.reasons[0]).toContain("城乡居民医保不设个人账户");
  });

  it("a zero balance of a 灵活就业 member has no personal account where the region says so", () => {
    const flexible = { scheme: "employee", category: "flexible" } as const;
    const accountless = testRegion({ accountless_categories: { categories: ["flexible"] } });
    const result = run({
      symptom: "zero",
      insurance: flexible,
      balanceFen: 0,
      region: accountless,
    });
    expect(label(result[0])).toBe("其他·无个人账户参保类型");
    expect(result[0]?.reasons[0]).toContain("本市灵活就业人员");
    expect(run({ symptom: "zero", insurance: flexible, balanceFen: 0 }).map(label)).not.toContain(
      "其他·无个人账户参保类型",
    );
  });

  it("an employee's balance below what they expected soon after the reform is the reform", () => {
    const result = run({
      symptom: "mismatch",
      balanceFen: 80_000,
      today: "2023-03-01",
      facts: { expectedBalanceFen: 300_000 },
    });
    expect(label(result[0])).toBe("政策改革·门诊共济改革");
    expect(result[0]?.reasons.join("")).toContain("2022年7月起");
  });

  it("years after the region's reform a lower balance is not put down to it", () => {
    const result = run({
      symptom: "mismatch",
      balanceFen: 80_000,
      facts: { expectedBalanceFen: 300_000 },
    });
    expect(result.map(label)).not.toContain("政策改革·门诊共济改革");
  });

  it("the reform does not explain a shortfall before it took effect", () => {
    const result = run({
      symptom: "mismatch",
      balanceFen: 80_000,
      today: "2022-03-01",
      facts: { expectedBalanceFen: 300_000 },
    });
    expect(result.map(label)).not.toContain("政策改革·门诊共济改革");
  });

  it("an unexplained drop with bound relatives is 家庭共济", () => {
    const result = run({ symptom: "sudden_drop", facts: { boundRelatives: 2 } });
    expect(label(result[0])).toBe("家庭共济");
    expect(result[0]?.reasons[0]).toContain("2位家庭共济亲属");
  });

  it("a missing credit a few days after the employer paid is a sync delay", () => {
    const result = run({
      symptom: "zero",
      balanceFen: 0,
      facts: { employerPaid: true, employerPaidOn: "2026-11-20" },
    });
    expect(label(result[0])).toBe("系统延迟");
    expect(result[0]?.reasons[0]).toContain("1个工作日前");
    expect(result[0]?.steps).toContain("schedule_recheck");
  });

  it("a bank ATM query is the wrong channel", () => {
    const result = run({ symptom: "mismatch", facts: { queryMethod: "bank" } });
    expect(label(result[0])).toBe("其他·查询方式错误");
    expect(result[0]?.reasons[0]).toContain("银行ATM");
  });
});

describe("triage: further rules", () => {
  it("leaving on 30 June removes nothing, so the drop is ordinary spending", () => {
    const result = run({
      symptom: "sudden_drop",
      facts: { leftEmployer: true, leaveDate: "2026-06-30" },
    });
    expect(result.map(label)).not.toContain("离职减员");
    expect(label(result[0])).toBe("其他·医疗费用支出");
  });

  it("no bound relatives rules 家庭共济 out", () => {
    const result = run({ symptom: "sudden_drop", facts: { boundRelatives: 0 } });
    expect(result.map(label)).not.toContain("家庭共济");
  });

  it("a payment long ago that never arrived still points to the back office", () => {
    const result = run({
      symptom: "zero",
      facts: { employerPaid: true, employerPaidOn: "2026-10-01" },
    });
    const delay = result.find((s) => s.cause === "system_delay");
    expect(delay?.reasons[0]).toContain("34个工作日仍未到账");
    expect(delay?.steps).toContain("escalate_back_office");
  });

  it("an employer that has not paid suggests arrears", () => {
    const result = run({ symptom: "zero", facts: { employerPaid: false } });
    expect(label(result[0])).toBe("其他·单位欠缴");
    expect(result[0]?.steps).toEqual(["check_contributions", "top_up", "follow_up"]);
  });

  it("a retiree's lower balance is the retiree allocation change", () => {
    const result = run({
      symptom: "mismatch",
      insurance: { scheme: "employee", category: "retired" },
    });
    expect(label(result[0])).toBe("政策改革·退休划入调整");
    expect(result[0]?.reasons[0]).toContain("退休人员");
  });

  it("12333 by phone only explains a drop when there is no stronger lead", () => {
    const result = run({ symptom: "sudden_drop", facts: { queryMethod: "hotline_12333" } });
    expect(result.map(label)).toContain("其他·查询方式错误");
    const withRelatives = run({
      symptom: "sudden_drop",
      facts: { queryMethod: "hotline_12333", boundRelatives: 1 },
    });
    expect(label(withRelatives[0])).toBe("家庭共济");
  });

  it("a negative of a few months of the region's deduction is 扣费", () => {
    const region = testRegion({
      monthly_deductions: { items: [{ name: "大额医疗补助", monthlyFen: 1_300 }] },
    });
    const result = run({ symptom: "negative", balanceFen: -2_600, region });
    expect(label(result[0])).toBe("政策改革·扣费");
    expect(result[0]?.reasons[0]).toContain("2个月");
    expect(result[0]?.reasons[0]).toContain("大额医疗补助");
    // Without a deduction in the region's settings a small negative is no deduction.
    expect(run({ symptom: "negative", balanceFen: -2_600 }).map(label)).not.toContain(
      "政策改革·扣费",
    );
  });

  it("an unusable account suggests activation and sync", () => {
    const result = run({ symptom: "unusable" });
    expect(result.map(label).sort()).toEqual(["其他·社保卡未激活", "系统延迟"]);
  });
});

describe("triage: every sub-reason", () => {
  const retired = { scheme: "employee", category: "retired" } as const;
  const flexible = { scheme: "employee", category: "flexible" } as const;
  const unusable = "unusable" as const;
  // One enquiry for each sub-reason a caseworker may choose, which must rank it first.
  const ENQUIRIES: Record<string, Parameters<typeof triageInput>[0]> = {
    政策改革·门诊共济改革: { today: "2023-03-01", region: JULY_PRE_ALLOCATING },
    政策改革·退休划入调整: { insurance: retired },
    政策改革·缴费基数调整: { said: ["contribution_base"] },
    政策改革·扣费: {
      symptom: "negative",
      balanceFen: -1_000,
      region: testRegion({
        monthly_deductions: { items: [{ name: "大病保险", monthlyFen: 1_000 }] },
      }),
    },
    其他·医疗费用支出: { symptom: "sudden_drop" },
    其他·单位欠缴: { facts: { employerPaid: false } },
    其他·社保卡未激活: { symptom: unusable, facts: { card: "not_activated" } },
    其他·查询方式错误: { facts: { queryMethod: "bank" } },
    其他·无个人账户参保类型: { symptom: "zero", insurance: { scheme: "resident", category: null } },
    其他·信息不一致: { symptom: unusable, facts: { identityChanged: true } },
    其他·个人账户透支: {
      symptom: "negative",
      balanceFen: -20_000,
      region: testRegion({ overdraft: { allowed: true, limitFen: 50_000 } }),
    },
    其他·断缴: { symptom: unusable, insurance: flexible, facts: { contributionGapMonths: 4 } },
    其他·参保地变更: { symptom: "zero", facts: { relocated: true } },
    其他·银行账户冻结: { symptom: unusable, facts: { bankAccountFrozen: true } },
    其他·异地使用或卡片过期: { symptom: unusable, facts: { outOfAreaOrExpired: true } },
    其他·购买商业健康保险: { symptom: "sudden_drop", facts: { commercialInsurance: true } },
  };

  it("is reached first by some enquiry", () => {
    const choosable = CAUSE_CODES.flatMap((cause) =>
      choosableSubReasons(cause).map(({ code }) => causeTagLabel({ cause, subReason: code })),
    );
    expect(Object.keys(ENQUIRIES).sort()).toEqual(choosable.sort());
    for (const [expected, input] of Object.entries(ENQUIRIES)) {
      expect(label(suggest(input)[0]), expected).toBe(expected);
    }
  });

  it("is never 未细分", () => {
    for (const input of Object.values(ENQUIRIES)) {
      for (const suggestion of suggest(input))
        expect(suggestion.subReason).not.toBe("unclassified");
    }
  });
});

describe("triage: shape of every answer", () => {
  const samples: TriageInput[] = [];
  for (const symptom of ["negative", "sudden_drop", "zero", "mismatch", "unusable"] as const) {
    for (const insurance of [...MEMBER_INSURANCES, null]) {
      samples.push({
        symptom,
        insurance,
        balanceFen: symptom === "negative" ? -2_000 : 0,
        today: TODAY,
        region: JULY_PRE_ALLOCATING,
        facts: { leftEmployer: true, boundRelatives: 1, employerPaid: true, queryMethod: "bank" },
      });
    }
  }

  it("ranks by score, keeps at most four, each with a reason and steps", () => {
    for (const input of samples) {
      const result = triage(input);
      expect(result.length).toBeLessThanOrEqual(MAX_SUGGESTIONS);
      for (const [i, s] of result.entries()) {
        expect(s.score).toBeGreaterThanOrEqual(MIN_SCORE);
        expect(s.score).toBeLessThanOrEqual(100);
        expect(s.reasons.length).toBeGreaterThan(0);
        expect(s.steps.length).toBeGreaterThan(0);
        if (i > 0) expect(s.score).toBeLessThanOrEqual(result[i - 1]?.score ?? 0);
      }
    }
  });

  it("suggests steps from the cause's own templates or the common ones", () => {
    const common = STEP_KINDS.filter((k) => k.cause === null).map((k) => k.code as string);
    expect(stepsFor("other", "bank_account_frozen").every((s) => common.includes(s))).toBe(true);
    expect(stepsFor("family_aid", null)).toEqual(["list_bound_relatives", "unbind_relatives"]);
  });

  it("says nothing when nothing points anywhere", () => {
    // A negative balance of unknown size where credits are monthly and nothing is known.
    expect(run({ symptom: "negative", region: testRegion() })).toEqual([]);
  });
});
