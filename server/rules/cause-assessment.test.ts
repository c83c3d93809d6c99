import { describe, expect, it } from "vitest";
import { causeTagLabel } from "@/db/constants";
import { testPolicy } from "../testing/policy";
import { assessCauses, type CauseAssessmentInput } from "./cause-assessment";

// Two regions: one whose reform came early and that deducts 13 元 a month, one whose reform came
// later and deducts 8 元.
const EARLY = testPolicy({
  reform_start: { date: "2022-01-01" },
  monthly_deductions: { items: [{ name: "大额医疗补助", monthlyFen: 1_300 }] },
});
const LATE = testPolicy({
  reform_start: { date: "2023-01-01" },
  monthly_deductions: { items: [{ name: "大病保险", monthlyFen: 800 }] },
});

const assess = (overrides: Partial<CauseAssessmentInput>) =>
  assessCauses({
    description: "",
    symptom: "mismatch",
    insurance: { scheme: "employee", category: "active" },
    balanceFen: null,
    facts: {},
    today: "2023-06-05",
    policy: EARLY,
    ...overrides,
  });

const top = (overrides: Partial<CauseAssessmentInput>) => {
  const [first] = assess(overrides).suggestions;
  return first ? causeTagLabel(first) : "无建议";
};

describe("assessCauses", () => {
  it("reads the facts from the description and ranks by them", () => {
    const result = assess({
      description: "参保人称2026年1月12日离职，原单位2月办理了减员，个账显示-102.4元",
      symptom: "negative",
      today: "2026-03-18",
      policy: testPolicy({
        insurance_year_start: { month: 7 },
        crediting_mode: { mode: "pre_allocation" },
      }),
    });
    expect(result.facts).toMatchObject({
      leftEmployer: true,
      leaveDate: "2026-01-12",
      reductionFiled: true,
      reductionMonth: "2026-02",
    });
    expect(result.balanceFen).toBe(-10_240);
    expect(result.suggestions[0]?.cause).toBe("resignation");
  });

  it("lets the caseworker's structured answers win over the text", () => {
    const result = assess({
      description: "单位说已经缴费了，个账还是没到",
      facts: { employerPaid: false },
    });
    expect(result.facts.employerPaid).toBe(false);
    expect(causeTagLabel(result.suggestions[0] ?? { cause: "other", subReason: null })).toBe(
      "其他·单位欠缴",
    );
  });

  it("drops the cues the caseworker struck out", () => {
    const words = "在银行ATM上查的，余额对不上";
    expect(top({ description: words })).toBe("其他·查询方式错误");
    const without = assess({ description: words, removedCues: ["bank_query"] });
    expect(without.cues.map((cue) => cue.key)).not.toContain("bank_query");
    expect(without.facts.queryMethod).toBeUndefined();
  });

  it("takes a balance from the description only when none was entered", () => {
    expect(assess({ description: "个账显示-26块" }).balanceFen).toBe(-2_600);
    expect(assess({ description: "个账显示-26块", balanceFen: -1_300 }).balanceFen).toBe(-1_300);
  });

  it("gives two regions different suggestions and reasons for the same enquiry", () => {
    const negative = { description: "个账显示-16元，我一直在职", symptom: "negative" as const };
    const early = assess({ ...negative, policy: EARLY }).suggestions;
    const late = assess({ ...negative, policy: LATE }).suggestions;
    expect(late[0] && causeTagLabel(late[0])).toBe("政策改革·扣费");
    expect(late[0]?.reasons.join("")).toContain("大病保险 8.00 元");
    expect(early[0] && causeTagLabel(early[0])).not.toBe("政策改革·扣费");

    const lower = { description: "每月划进个账的钱比以前少了一半", today: "2023-06-05" };
    expect(top({ ...lower, policy: LATE })).toBe("政策改革·门诊共济改革");
    expect(assess({ ...lower, policy: LATE }).suggestions[0]?.reasons.join("")).toContain(
      "2023年1月起",
    );
    expect(top({ ...lower, policy: EARLY })).not.toBe("政策改革·门诊共济改革");
  });

  it("treats the member's guess as a question, not as a fact", () => {
    const result = assess({
      description: "是不是系统升级了？个账少了500",
      symptom: "sudden_drop",
    });
    expect(result.signals.asked.has("system_upgrade")).toBe(true);
    expect(causeTagLabel(result.suggestions[0] ?? { cause: "other", subReason: null })).toBe(
      "其他·医疗费用支出",
    );
  });
});
