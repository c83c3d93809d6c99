// 政策改革: the balance is right, the rules changed — the 2022 outpatient mutual-aid reform (the
// employer part no longer reaches the account), retiree allocation cuts, a lower contribution
// base, monthly deductions. The explanation names the actual mechanism.

import {
  type PolicyReformSubReason,
  type SubReason,
  subReasonFits,
  type UNCLASSIFIED_SUB_REASON,
} from "@/db/constants";
import type { SeedMonth } from "../cli/seed/calendar";
import { DEMO_FIRST_REFORM_MONTH } from "../cli/seed/policy-values";
import { EMPLOYEE, RETIRED, type Scenario } from "../cli/seed/scenarios";
import { APP_OR_CARD, maybeQuery } from "../cli/seed/triage-facts";
import type { Explanation, ExplanationContext } from "../rules/member-explanations";
import { deductionsInWords, reformSince, retireeAllocationInWords } from "../rules/policy-phrases";
import { type CauseModule, ownStepKinds } from "./cause-module";
import { POLICY_REFORM_RULES } from "./policy-reform/triage-rules";

// The outpatient mutual-aid reform (门诊共济改革): from this month the employer part no longer
// reaches the personal account. Family mutual aid (家庭共济) came with it.
// The demo's months after the reform, for the seasonality of causes that came with it (the
// provinces' own dates are in the demo settings; the charts' shape needs only the first).
export const afterReform = (month: SeedMonth) => month.key >= DEMO_FIRST_REFORM_MONTH;

// The registry passes any cause's sub-reason; 政策改革 reads only its own.
const own = (subReason: SubReason | null): PolicyReformSubReason | null =>
  subReason && subReasonFits("policy_reform", subReason)
    ? (subReason as PolicyReformSubReason)
    : null;

type Chosen = Exclude<PolicyReformSubReason, typeof UNCLASSIFIED_SUB_REASON>;

const SCENARIOS: Record<Chosen, Scenario> = {
  outpatient_reform: {
    weight: 45,
    symptom: "mismatch",
    memberTypes: EMPLOYEE,
    descriptions: [
      "参保人称现在每月划进个账的钱比以前少了一半，单位缴费没变，问是不是算错了",
      "参保人反映交了三年医保，个账只有 {balance} 元，觉得太少",
    ],
    summaries: [
      "门诊共济改革后单位缴费部分不再划入个人账户，只划入本人缴费部分，余额计算无误。已告知门诊统筹报销待遇。",
    ],
    policyNote: "说明门诊共济改革后单位缴费不再划入个人账户",
  },
  retiree_allocation: {
    weight: 20,
    symptom: "sudden_drop",
    memberTypes: [[RETIRED, 1]],
    descriptions: [
      "退休参保人称今年起每月划入个账的钱变少了，以前一百多元，现在只有几十元",
      "退休参保人询问个账划入标准为什么调整，余额比去年同期少了 {amount} 元",
    ],
    summaries: [
      "{city}调整退休人员个人账户划入标准，改为按定额每月划入，划入金额减少属政策调整。已说明门诊统筹待遇。",
    ],
    policyNote: "说明退休人员个人账户划入标准调整",
  },
  base_adjustment: {
    weight: 20,
    symptom: "mismatch",
    memberTypes: EMPLOYEE,
    descriptions: ["参保人称个账每月划入金额比去年少了，单位也没说过原因"],
    summaries: [
      "参保人上年度月平均工资下降，本年度缴费基数随之下调，划入金额相应减少，计算无误。已告知查询缴费基数的方式。",
    ],
    policyNote: "说明缴费基数调整对划入金额的影响",
  },
  deduction: {
    weight: 15,
    symptom: "negative",
    memberTypes: EMPLOYEE,
    descriptions: [
      "参保人称个账每月被扣 {deductionAmount} 元，余额变成 {balance} 元，不知道扣的是什么",
      "参保人反映没有看病个账却出现负数 {balance} 元",
    ],
    summaries: [
      "每月从个人账户代扣{deduction} {deductionAmount} 元，单位缴费到账前账户余额为负，属正常扣费，划入后冲抵。已说明扣费项目。",
    ],
    policyNote: "说明{deduction}每月从个人账户代扣 {deductionAmount} 元",
    monthlyDeduction: true,
  },
};

// Each sub-reason's paragraph, in the region's terms; 未细分 (and a missing one) names every
// mechanism that applies to the member, each by what it is rather than all called a reform.
function explainPolicy(
  subReason: PolicyReformSubReason | null,
  { policy, retired }: ExplanationContext,
): Explanation {
  const pooled = "门诊看病可以按规定使用门诊统筹待遇报销，不再只依靠个人账户。";
  const reform = `${reformSince(policy)}，单位缴纳的医保费不再划入个人账户，个人账户只计入您本人缴纳的部分，所以余额比以前增长得慢。`;
  const deductions = deductionsInWords(policy);
  const deductionText = deductions
    ? `本地每月从个人账户扣缴${deductions}，账户余额不足时会暂时显示为负数，单位缴费划入后冲抵。`
    : null;
  const base =
    "您的缴费基数下调（申报的工资降低，或灵活就业选择了较低的缴费档次）后，每月按比例划入个人账户的金额也相应减少。";
  const retiree = {
    title: "退休人员个人账户划入调整",
    why: `${reformSince(policy)}，退休人员的个人账户${retireeAllocationInWords(policy)}，不再按原来的办法计入，所以每月划入的金额可能比以前少。`,
    next: pooled,
    uses: ["reform_start", "retiree_allocation"] as const,
  };
  switch (subReason) {
    case "outpatient_reform":
      return { title: "门诊共济改革", why: reform, next: pooled, uses: ["reform_start"] };
    case "retiree_allocation":
      return retiree;
    case "base_adjustment":
      return {
        title: "缴费基数调整",
        why: base,
        next: "如对缴费基数有疑问，可携带身份证到经办窗口查询缴费记录，或向单位了解申报情况。",
      };
    case "deduction":
      return {
        title: "按月扣费",
        why:
          deductionText ??
          "个人账户按规定扣缴的费用使余额减少，账户余额不足时会暂时显示为负数，单位缴费划入后冲抵。",
        next: "可以打印个人账户增减明细，查看每一笔扣费的项目和金额。",
        uses: ["monthly_deductions"],
      };
    default:
      if (retired) return retiree;
      return {
        title: "政策调整",
        why: [
          reform,
          "缴费基数下调时，每月划入的金额也会相应减少。",
          deductionText && `此外，${deductionText}`,
        ]
          .filter(Boolean)
          .join(""),
        next: `${pooled}如对缴费基数有疑问，可携带身份证到经办窗口查询缴费记录。`,
        uses: ["reform_start", "monthly_deductions"],
      };
  }
}

export const policyReform: CauseModule = {
  explain: (subReason, context) => explainPolicy(own(subReason), context),
  triageRules: POLICY_REFORM_RULES,
  suggestedSteps: () => ownStepKinds("policy_reform"),
  stepSentences: {
    explain_policy: () => "向您说明了适用的政策规定。",
    explain_pooled_benefits: () => "向您介绍了门诊统筹待遇和报销方式。",
  },
  demo: {
    share: 0.22,
    // The insurance year turns over in July: new allocation rules, new contribution bases.
    seasonality: (month) => {
      const peak = month.month === 7 ? 2.6 : month.month === 8 ? 1.4 : 1;
      return peak * (afterReform(month) ? 1 : 0.45);
    },
    // A deduction is told only where the city has one.
    subReason: (random, place) =>
      random.weighted(
        (Object.keys(SCENARIOS) as Chosen[])
          .filter((code) => place.hasDeduction || code !== "deduction")
          .map((code) => [code, SCENARIOS[code].weight]),
      ),
    scenarios: (subReason) => [SCENARIOS[(own(subReason) as Chosen | null) ?? "outpatient_reform"]],
    secondary: [
      [["family_aid", null], 3],
      [["other", "medical_spending"], 3],
      [["resignation", null], 1],
    ],
    steps: (random, _subReason, step, { policyNote }) => [
      ...(random.chance(0.5)
        ? [step("check_contributions", "缴费基数、费率和缴费月数核对无误")]
        : []),
      step("explain_policy", policyNote ?? "说明适用的政策调整"),
      step("explain_pooled_benefits", "告知门诊统筹报销比例和年度限额"),
    ],
    triageFacts: (random, draft, insurance) => {
      if (draft.symptom === "negative") return { leftEmployer: false, boundRelatives: 0 };
      if (insurance.category === "retired") {
        return { boundRelatives: 0, ...maybeQuery(random, APP_OR_CARD) };
      }
      return {
        leftEmployer: false,
        // What the member counted on from the credits of earlier years.
        ...(draft.reportedBalanceFen !== null && draft.disputedAmountFen !== null
          ? { expectedBalanceFen: draft.reportedBalanceFen + draft.disputedAmountFen }
          : {}),
        queryMethod: "insurance_app",
      };
    },
  },
};
