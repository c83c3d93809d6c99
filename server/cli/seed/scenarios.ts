// What members say and what caseworkers conclude. Each cause module (server/causes/) holds its
// own scenarios; this file has their shape, the member mixes they share and the texts common to
// every cause. Descriptions are in the member's own plain words as a caseworker would note them;
// summaries name the actual mechanism. Placeholders in braces are filled per enquiry
// (see fillTemplate).
import type { MemberInsurance, Satisfaction, Symptom } from "@/db/constants";
import type { Weighted } from "./random";

export type Scenario = {
  weight: number;
  symptom: Symptom;
  memberTypes: Weighted<MemberInsurance>;
  descriptions: readonly string[];
  summaries: readonly string[];
  // What the explain_policy step tells the member (政策改革 only).
  policyNote?: string;
  // The balance went below zero by the city's monthly deductions, not by spending: told only
  // where the city has one ({deduction} and {deductionAmount} in the texts).
  monthlyDeduction?: boolean;
  // A case only a region crediting this way has (a claw-back needs credits paid in advance).
  crediting?: "monthly" | "pre_allocation";
  // A case of the insurance year's carry-over (年度结转): told only in the first month of the
  // city's insurance year (April in 上海, July where the year runs from July).
  atYearChange?: boolean;
};

// The members of the demo by 险种 and 人员类别.
export const ACTIVE: MemberInsurance = { scheme: "employee", category: "active" };
export const RETIRED: MemberInsurance = { scheme: "employee", category: "retired" };
export const FLEXIBLE: MemberInsurance = { scheme: "employee", category: "flexible" };
export const RESIDENT: MemberInsurance = { scheme: "resident", category: null };

export const sameInsurance = (a: MemberInsurance, b: MemberInsurance) =>
  a.scheme === b.scheme && a.category === b.category;

export const EMPLOYEE: Weighted<MemberInsurance> = [[ACTIVE, 1]];
export const WORKING: Weighted<MemberInsurance> = [
  [ACTIVE, 80],
  [FLEXIBLE, 12],
  [RETIRED, 8],
];
export const HOLDER: Weighted<MemberInsurance> = [
  [ACTIVE, 80],
  [RETIRED, 20],
];
export const ANY_WITH_ACCOUNT: Weighted<MemberInsurance> = [
  [ACTIVE, 65],
  [RETIRED, 20],
  [FLEXIBLE, 15],
];

export const FOLLOW_UP_RESULTS: Record<Satisfaction, readonly string[]> = {
  satisfied: [
    "参保人表示已清楚原因，对处理结果满意",
    "余额已恢复正常，参保人表示满意",
    "参保人已按指引办理完毕，表示感谢",
  ],
  mostly_satisfied: ["参保人理解政策，希望以后能提前告知", "问题已解决，参保人认为等待时间偏长"],
  dissatisfied: [
    "参保人对划入标准调整有意见，已做好解释并记录",
    "参保人认为处理时间过长，已致歉并记录",
  ],
};

export const RELATIVES = ["配偶", "父亲", "母亲", "儿子", "女儿"] as const;

export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
