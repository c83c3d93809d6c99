// 其他: the causes outside the four documented ones, each named by a sub-reason (子原因) — the
// member's own spending, employer arrears, an inactive card, the wrong account looked up, an
// insurance type without a personal account, and the rarer ones. Everything here is per
// sub-reason; an 其他 tag without one is refused by the schemas.
import {
  type MemberInsurance,
  OTHER_SUB_REASON_LABELS,
  type OtherSubReason,
  type StepKind,
  type SubReason,
  type Symptom,
  subReasonFits,
} from "@/db/constants";
import type { Weighted } from "../cli/seed/random";
import {
  ACTIVE,
  ANY_WITH_ACCOUNT,
  EMPLOYEE,
  FLEXIBLE,
  HOLDER,
  RESIDENT,
  type Scenario,
  WORKING,
} from "../cli/seed/scenarios";
import {
  APP_OR_CARD,
  AT_THE_PHARMACY,
  lastInsuranceYearEnd,
  maybeQuery,
} from "../cli/seed/triage-facts";
import type { Explanation } from "../rules/member-explanations";
import { formatFen } from "../rules/money";
import type { Policy } from "../rules/policy-settings";
import type { CauseModule } from "./cause-module";
import { OTHER_RULES } from "./other/triage-rules";

// Each sub-reason's paragraphs; 透支 is written from the region's rule (overdraftExplanation).
const EXPLANATIONS: Record<
  Exclude<OtherSubReason, "overdraft_rule">,
  Omit<Explanation, "title">
> = {
  medical_spending: {
    why: "余额减少是您本人就医购药从个人账户支付的费用。",
    next: "可以打印个人账户增减明细，逐笔核对每一笔支出。",
  },
  employer_arrears: {
    why: "单位没有按时缴费，欠缴期间个人账户暂停划入。",
    next: "请联系单位尽快补缴，补缴到账后会恢复划入。",
  },
  card_not_activated: {
    why: "社保卡尚未申领或尚未激活医保功能，个人账户暂时不能使用。",
    next: "请携带身份证到社保卡服务网点或合作银行激活。",
  },
  wrong_query_channel: {
    why: "您查询的不是医保个人账户：银行ATM和网银显示的是社保卡银行账户的余额，12333电话只能查到当前余额。",
    next: "请通过医保App、国家医保服务平台或经办窗口查询个人账户余额和明细。",
  },
  no_personal_account: {
    why: "您参加的险种或人员类别（如城乡居民医保、部分地区的灵活就业人员或较低档次的职工医保）不设个人账户，余额为零是正常的。",
    next: "看病就医可以按规定享受统筹基金报销，不受个人账户余额影响。",
  },
  identity_mismatch: {
    why: "您更改过姓名或证件号码后，参保信息与卡片信息不一致，账户暂时无法正常显示或使用。",
    next: "请携带身份证和变更证明到经办窗口办理信息变更。",
  },
  contribution_gap: {
    why: "您本人中断缴费时间较长，个人账户已暂停划入。",
    next: "恢复缴费后会恢复划入；如需补缴，请到经办窗口咨询。",
  },
  relocation: {
    why: "您变更了参保地，个人账户余额正在办理转移，转移期间暂时查不到或不能使用。",
    next: "转移完成后余额会转入新参保地的个人账户，请留意新参保地的到账信息。",
  },
  bank_account_frozen: {
    why: "社保卡对应的银行账户被冻结，影响了卡片的正常使用。",
    next: "请联系发卡银行了解冻结原因并办理解冻。",
  },
  out_of_area_or_expired: {
    why: "您在允许范围以外使用个人账户，或社保卡已过有效期。",
    next: "异地就医请先办理备案；卡片过期请到服务网点换领新卡。",
  },
  commercial_insurance: {
    why: "您曾使用个人账户余额购买商业健康保险（部分地区允许余额超过规定额度时购买）。",
    next: "可以查询个人账户明细核对购买记录；如有疑问请联系承保的保险公司。",
  },
};

// 其他 has no step kinds of its own: each sub-reason leads to some of the common ones.
const STEPS: Record<OtherSubReason, StepKind[]> = {
  medical_spending: ["apply_reimbursement", "follow_up"],
  employer_arrears: ["check_contributions", "top_up", "follow_up"],
  card_not_activated: ["free_text", "follow_up"],
  wrong_query_channel: ["free_text", "follow_up"],
  no_personal_account: ["check_contributions", "follow_up"],
  identity_mismatch: ["check_contributions", "follow_up"],
  overdraft_rule: ["check_contributions", "follow_up"],
  contribution_gap: ["check_contributions", "top_up", "follow_up"],
  relocation: ["check_contributions", "follow_up"],
  bank_account_frozen: ["free_text", "follow_up"],
  out_of_area_or_expired: ["free_text", "follow_up"],
  commercial_insurance: ["free_text", "follow_up"],
};

// What the demo caseworker notes for each sub-reason.
const NOTES: Record<OtherSubReason, string> = {
  medical_spending: "调取增减明细，逐笔核对刷卡记录",
  employer_arrears: "单位欠缴 3 个月，已电话催缴",
  card_not_activated: "指导到银行网点激活社保卡医保功能",
  wrong_query_channel: "告知通过医保 APP 或经办窗口查询个人账户",
  no_personal_account: "核实险种与人员类别，不设个人账户",
  identity_mismatch: "核对证件并更正身份信息",
  overdraft_rule: "说明当地个人账户透支规定",
  contribution_gap: "个人断缴 4 个月，账户暂停使用",
  relocation: "查询转移接续进度，转出地已受理",
  bank_account_frozen: "告知到发卡银行办理解冻",
  out_of_area_or_expired: "指导换卡并办理异地就医备案",
  commercial_insurance: "调取商业健康保险扣款授权记录",
};

const scenario = (
  symptom: Symptom,
  memberTypes: Weighted<MemberInsurance>,
  descriptions: readonly string[],
  summary: string,
): Scenario[] => [{ weight: 1, symptom, memberTypes, descriptions, summaries: [summary] }];

const SCENARIOS: Record<OtherSubReason, readonly Scenario[]> = {
  medical_spending: scenario(
    "sudden_drop",
    ANY_WITH_ACCOUNT,
    ["参保人称个账余额少了 {amount} 元，记不清自己有没有用过"],
    "调取增减明细，减少金额为参保人本人在定点药店及门诊的刷卡支出，已逐笔说明。",
  ),
  employer_arrears: scenario(
    "mismatch",
    EMPLOYEE,
    ["参保人称个账已经三个月没有钱划入，怀疑单位没交医保"],
    "单位欠缴 3 个月，个人账户暂停划入。已联系单位催缴，补缴到账后一并划入。",
  ),
  card_not_activated: scenario(
    "unusable",
    ANY_WITH_ACCOUNT,
    ["参保人称新领的社保卡查不到个账余额，药店也刷不了"],
    "社保卡医保功能未激活，已指导参保人到银行网点激活，激活后余额显示正常。",
  ),
  wrong_query_channel: scenario(
    "mismatch",
    ANY_WITH_ACCOUNT,
    ["参保人称在银行 ATM 上查到的余额和医保 APP 上的不一样"],
    "参保人在 ATM 查询的是社保卡金融账户，不是医保个人账户。已告知通过医保 APP 或经办窗口查询个人账户。",
  ),
  no_personal_account: scenario(
    "zero",
    [
      [RESIDENT, 75],
      [FLEXIBLE, 25],
    ],
    ["参保人称参保后个账一直是 0，从来没有钱划入", "参保人问为什么交了医保却没有个人账户余额"],
    "参保人的险种或人员类别不设个人账户，余额为 0 属正常。已说明门诊统筹待遇。",
  ),
  identity_mismatch: scenario(
    "unusable",
    ANY_WITH_ACCOUNT,
    ["参保人称改了身份证信息后个账查不到，药店刷不了卡"],
    "身份信息变更后医保系统未同步，已核对证件并更正信息，余额显示正常。",
  ),
  overdraft_rule: scenario(
    "negative",
    HOLDER,
    ["参保人称住院后个账显示 {balance} 元，问为什么会是负数"],
    "当地允许个人账户按规定透支，透支部分从以后划入资金中抵扣。已说明。",
  ),
  contribution_gap: scenario(
    "unusable",
    [
      [FLEXIBLE, 60],
      [ACTIVE, 40],
    ],
    ["参保人称中间断交了几个月，现在个账用不了"],
    "参保人断缴超过规定期限，个人账户暂停使用。已告知补缴后恢复。",
  ),
  relocation: scenario(
    "zero",
    WORKING,
    ["参保人称从外地转回本地参保，原来个账里的钱还没转过来"],
    "个人账户余额正在办理转移接续，已告知预计到账时间。",
  ),
  bank_account_frozen: scenario(
    "unusable",
    ANY_WITH_ACCOUNT,
    ["参保人称社保卡关联的银行账户被冻结后，个账也刷不了"],
    "社保卡金融账户被冻结影响刷卡，个人账户余额正常。已告知到发卡银行处理。",
  ),
  out_of_area_or_expired: scenario(
    "unusable",
    ANY_WITH_ACCOUNT,
    ["参保人称在外地药店刷不了医保卡，提示卡片过期"],
    "卡片已过有效期且未办理异地就医备案，已指导换卡并办理备案。",
  ),
  commercial_insurance: scenario(
    "sudden_drop",
    EMPLOYEE,
    ["参保人称个账一次少了 {amount} 元，后来想起可能买了保险"],
    "个人账户余额用于购买普惠型商业健康保险，扣款 {amount} 元，经本人授权。已说明。",
  ),
};

const SUB_REASON_WEIGHTS: Weighted<OtherSubReason> = [
  ["medical_spending", 18],
  ["employer_arrears", 12],
  ["card_not_activated", 10],
  ["wrong_query_channel", 10],
  ["no_personal_account", 16],
  ["identity_mismatch", 6],
  ["overdraft_rule", 5],
  ["contribution_gap", 6],
  ["relocation", 6],
  ["bank_account_frozen", 3],
  ["out_of_area_or_expired", 5],
  ["commercial_insurance", 3],
];

// 历年余额不能透支 as a rule: only a region whose settings allow an overdraft hears that it may.
function overdraftExplanation(policy: Policy): Omit<Explanation, "title"> {
  const overdraft = policy.overdraft.value;
  if (!overdraft.allowed) {
    return {
      why: "按规定，个人账户历年结转的余额不能透支。账户显示为负数需要进一步核对明细，我们会把核对结果告诉您。",
      next: "请保留近期的就医和购药票据，以便核对。",
      uses: ["overdraft"],
    };
  }
  return {
    why: `按本地规定，个人账户可以在${overdraft.limitFen === null ? "规定额度" : ` ${formatFen(overdraft.limitFen)} `}以内透支，透支部分显示为负数。`,
    next: "透支部分由以后划入的资金抵扣，也可以到经办窗口结清。",
    uses: ["overdraft"],
  };
}

// The registry passes any cause's sub-reason; 其他 reads only its own.
const own = (subReason: SubReason | null): OtherSubReason | null =>
  subReason && subReasonFits("other", subReason) ? (subReason as OtherSubReason) : null;

export const other: CauseModule = {
  explain: (given, { policy }) => {
    const subReason = own(given);
    if (!subReason) {
      return {
        title: "其他原因",
        why: "余额变化另有原因，详见下方处理情况。",
        next: "如有疑问，请联系经办机构。",
      };
    }
    const text =
      subReason === "overdraft_rule" ? overdraftExplanation(policy) : EXPLANATIONS[subReason];
    return { title: OTHER_SUB_REASON_LABELS[subReason], ...text };
  },
  triageRules: OTHER_RULES,
  suggestedSteps: (given) => {
    const subReason = own(given);
    return subReason ? STEPS[subReason] : ["free_text", "follow_up"];
  },
  // 其他 has no step kinds of its own.
  stepSentences: {},
  demo: {
    share: 0.25,
    subReason: (random) => random.weighted(SUB_REASON_WEIGHTS),
    scenarios: (subReason) => SCENARIOS[own(subReason) ?? "medical_spending"],
    secondary: [
      [["policy_reform", "base_adjustment"], 2],
      [["system_delay", null], 2],
      [["family_aid", null], 1],
    ],
    steps: (random, subReason, step) => {
      const sub = own(subReason) ?? "medical_spending";
      if (sub === "employer_arrears" || sub === "contribution_gap") {
        return [
          step("check_contributions", NOTES[sub]),
          step("top_up", sub === "employer_arrears" ? "已通知单位补缴欠费" : "已指导补缴断缴月份"),
        ];
      }
      return [
        step("free_text", NOTES[sub]),
        ...(sub === "medical_spending" && random.chance(0.2)
          ? [step("apply_reimbursement", "已受理门诊费用报销申请")]
          : []),
      ];
    },
    triageFacts: (random, draft, insurance, subReason, region) => {
      switch (own(subReason)) {
        case "medical_spending":
          // Those who left on the insurance year's last day suspect the reduction; the others
          // have nothing to add.
          return insurance.category === "active" && random.chance(0.4)
            ? {
                leftEmployer: true,
                leaveDate: lastInsuranceYearEnd(draft.openedAt, region.insuranceYearStartMonth),
                reductionFiled: true,
              }
            : { boundRelatives: 0, ...maybeQuery(random, APP_OR_CARD) };
        case "employer_arrears":
        case "contribution_gap":
          return insurance.category === "active" ? { employerPaid: false } : {};
        case "wrong_query_channel":
          return { queryMethod: "bank" };
        case "no_personal_account":
          return { recentlyEnrolled: false };
        case "relocation":
          return { recentlyEnrolled: true };
        case "commercial_insurance":
          return { boundRelatives: 0, queryMethod: "insurance_app" };
        case "overdraft_rule":
          return { leftEmployer: false };
        default:
          return maybeQuery(random, AT_THE_PHARMACY);
      }
    },
    misleadingFact: (random, _draft, _insurance, facts) =>
      facts.queryMethod === undefined
        ? { queryMethod: random.pick(["bank", "hotline_12333"] as const) }
        : null,
  },
};
