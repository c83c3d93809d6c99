// What members say and what caseworkers conclude, per cause. Descriptions are in the member's
// own plain words as a caseworker would note them; summaries name the actual mechanism.
// Placeholders in braces are filled per enquiry (see fillTemplate).
import type { InsuranceType, OtherSubReason, Satisfaction, Symptom } from "@/db/constants";
import type { Weighted } from "./random";

export type Scenario = {
  weight: number;
  symptom: Symptom;
  memberTypes: Weighted<InsuranceType>;
  descriptions: readonly string[];
  summaries: readonly string[];
  // What the explain_policy step tells the member (政策改革 only).
  policyNote?: string;
  // The balance went below zero by small monthly deductions, not by spending.
  monthlyDeduction?: boolean;
};

const EMPLOYEE: Weighted<InsuranceType> = [["employee", 1]];
const WORKING: Weighted<InsuranceType> = [
  ["employee", 80],
  ["flexible", 12],
  ["retired", 8],
];
const HOLDER: Weighted<InsuranceType> = [
  ["employee", 80],
  ["retired", 20],
];
const ANY_WITH_ACCOUNT: Weighted<InsuranceType> = [
  ["employee", 65],
  ["retired", 20],
  ["flexible", 15],
];

export const RESIGNATION_SCENARIOS: readonly Scenario[] = [
  {
    weight: 72,
    symptom: "negative",
    memberTypes: EMPLOYEE,
    descriptions: [
      "参保人称{leaveMonth}离职后个账显示负数 {balance} 元，询问原因",
      "参保人反映原单位办理减员后个人账户变成 {balance} 元，担心看病不能报销",
      "参保人称离职前在药店刷卡买过药，现在个账欠 {amount} 元，问要不要补交",
      "参保人来电称换工作后医保卡余额是 {balance} 元，新单位已参保，问什么时候能恢复",
    ],
    summaries: [
      "参保人于{leaveMonth}离职，单位已办理减员，系统按实际在职月份重新计算预划资金；离职前已刷卡使用超出部分，形成负数 {amount} 元。已告知可由新单位划入资金抵扣，或到窗口补缴。",
      "原单位减员后扣回离职后至 6 月底的预划资金，因此前已消费，余额为 {balance} 元。已说明计算方式及抵扣办法，参保人选择由后续划入资金抵扣。",
    ],
  },
  {
    weight: 20,
    symptom: "sudden_drop",
    memberTypes: EMPLOYEE,
    descriptions: [
      "参保人称离职后个账余额突然少了 {amount} 元，自己没有消费",
      "参保人反映{leaveMonth}办完离职手续，个人账户被扣回 {amount} 元，询问依据",
    ],
    summaries: [
      "单位办理减员后，系统扣回离职次月至当年 6 月底的预划资金 {amount} 元，属正常调整。已打印明细并解释。",
    ],
  },
  {
    weight: 8,
    symptom: "mismatch",
    memberTypes: EMPLOYEE,
    descriptions: ["参保人称离职后个账余额比在职时少了很多，认为和自己交的钱对不上"],
    summaries: ["离职减员后按实际在职月份重算划入资金，余额与缴费记录一致。已逐月说明。"],
  },
];

export const SYSTEM_DELAY_SCENARIOS: readonly Scenario[] = [
  {
    weight: 30,
    symptom: "mismatch",
    memberTypes: WORKING,
    descriptions: [
      "参保人称单位本月已缴费，个账却还没到账，比应有余额少 {amount} 元",
      "参保人反映{month}的划入款一直没到账，单位说早就交了",
    ],
    summaries: [
      "单位已足额缴费，划账数据未及时同步。复查时划入款 {amount} 元已到账，余额正常。",
      "确认为系统数据同步延迟，后台补划 {amount} 元后余额与缴费记录一致。",
    ],
  },
  {
    weight: 35,
    symptom: "unusable",
    memberTypes: WORKING,
    descriptions: [
      "参保人称药店刷卡时提示个人账户余额不足，APP 里也查不到余额",
      "参保人称系统升级后医保卡在定点药店刷不了，查询显示异常",
      "参保人反映电子医保凭证显示的余额和社保卡不一致，买药结算不了",
    ],
    summaries: [
      "系统升级期间卡端与银行端数据不一致，1–2 个工作日后复查已恢复，可正常使用。",
      "卡片数据同步异常，上报后台处理后已恢复，参保人可正常刷卡。",
    ],
  },
  {
    weight: 25,
    symptom: "zero",
    memberTypes: WORKING,
    descriptions: [
      "参保人称新参保已两个月，个账余额还是 0",
      "参保人称刚激活社保卡，个账余额是 0，单位说钱已经划过了",
    ],
    summaries: [
      "新参保首次划入尚未到账，复查时已划入 {amount} 元。已告知以后按月划入。",
      "新激活卡片数据未同步，复查后余额显示正常。",
    ],
  },
  {
    weight: 10,
    symptom: "sudden_drop",
    memberTypes: WORKING,
    descriptions: ["参保人称个账余额无故少了 {amount} 元，查不到对应的消费记录"],
    summaries: ["经办系统结转错误导致余额显示减少 {amount} 元，后台更正后已恢复。"],
  },
];

export const POLICY_REFORM_SCENARIOS: readonly Scenario[] = [
  {
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
  {
    weight: 20,
    symptom: "sudden_drop",
    memberTypes: [["retired", 1]],
    descriptions: [
      "退休参保人称今年起每月划入个账的钱变少了，以前一百多元，现在只有几十元",
      "退休参保人询问个账划入标准为什么调整，余额比去年同期少了 {amount} 元",
    ],
    summaries: [
      "{city}调整退休人员个人账户划入标准，改为按定额每月划入，划入金额减少属政策调整。已说明门诊统筹待遇。",
    ],
    policyNote: "说明退休人员个人账户划入标准调整",
  },
  {
    weight: 20,
    symptom: "mismatch",
    memberTypes: EMPLOYEE,
    descriptions: ["参保人称个账每月划入金额比去年少了，单位也没说过原因"],
    summaries: [
      "参保人上年度平均工资低于当地缴费基数下限，本年度缴费基数调整后划入金额相应减少，计算无误。已告知查询缴费基数的方式。",
    ],
    policyNote: "说明缴费基数调整对划入金额的影响",
  },
  {
    weight: 15,
    symptom: "negative",
    memberTypes: EMPLOYEE,
    descriptions: [
      "参保人称个账每月被扣 13 元，余额变成 {balance} 元，不知道扣的是什么",
      "参保人反映没有看病个账却出现负数 {balance} 元",
    ],
    summaries: [
      "每月从个人账户代扣大额医疗补助保费 13 元，单位缴费到账前账户余额为负，属正常扣费，划入后自动冲抵。已说明扣费项目。",
    ],
    policyNote: "说明大额医疗补助保费每月从个人账户代扣",
    monthlyDeduction: true,
  },
];

export const FAMILY_AID_SCENARIOS: readonly Scenario[] = [
  {
    weight: 70,
    symptom: "sudden_drop",
    memberTypes: HOLDER,
    descriptions: [
      "参保人称个账余额突然少了 {amount} 元，自己最近没看病买药",
      "参保人反映个人账户有几笔不是本人的消费，共 {amount} 元，怀疑被盗刷",
    ],
    summaries: [
      "查询家庭共济绑定记录，参保人的{relative}已绑定该账户，近期使用 {amount} 元支付医药费用。已向参保人说明，并告知可办理解绑。",
      "参保人{relative}通过家庭共济从该账户缴纳居民医保费 {amount} 元，属正常共济支出。已说明。",
    ],
  },
  {
    weight: 30,
    symptom: "zero",
    memberTypes: HOLDER,
    descriptions: ["参保人称个账余额变成 0 了，之前还有 {amount} 元，自己没用过"],
    summaries: [
      "该账户已与参保人{relative}建立家庭共济，余额 {amount} 元已用于{relative}的门诊费用。已说明共济规则。",
    ],
  },
];

const other = (
  symptom: Symptom,
  memberTypes: Weighted<InsuranceType>,
  descriptions: readonly string[],
  summary: string,
): Scenario[] => [{ weight: 1, symptom, memberTypes, descriptions, summaries: [summary] }];

export const OTHER_SCENARIOS: Record<OtherSubReason, readonly Scenario[]> = {
  medical_spending: other(
    "sudden_drop",
    ANY_WITH_ACCOUNT,
    ["参保人称个账余额少了 {amount} 元，记不清自己有没有用过"],
    "调取增减明细，减少金额为参保人本人在定点药店及门诊的刷卡支出，已逐笔说明。",
  ),
  employer_arrears: other(
    "mismatch",
    EMPLOYEE,
    ["参保人称个账已经三个月没有钱划入，怀疑单位没交医保"],
    "单位欠缴 3 个月，个人账户暂停划入。已联系单位催缴，补缴到账后一并划入。",
  ),
  card_not_activated: other(
    "unusable",
    ANY_WITH_ACCOUNT,
    ["参保人称新领的社保卡查不到个账余额，药店也刷不了"],
    "社保卡医保功能未激活，已指导参保人到银行网点激活，激活后余额显示正常。",
  ),
  wrong_query_channel: other(
    "mismatch",
    ANY_WITH_ACCOUNT,
    ["参保人称在银行 ATM 上查到的余额和医保 APP 上的不一样"],
    "参保人在 ATM 查询的是社保卡金融账户，不是医保个人账户。已告知通过医保 APP 或 12393 查询。",
  ),
  no_personal_account: other(
    "zero",
    [
      ["resident", 75],
      ["flexible", 25],
    ],
    ["参保人称参保后个账一直是 0，从来没有钱划入", "参保人问为什么交了医保却没有个人账户余额"],
    "参保人参加的参保类型不设个人账户，余额为 0 属正常。已说明门诊统筹待遇。",
  ),
  identity_mismatch: other(
    "unusable",
    ANY_WITH_ACCOUNT,
    ["参保人称改了身份证信息后个账查不到，药店刷不了卡"],
    "身份信息变更后医保系统未同步，已核对证件并更正信息，余额显示正常。",
  ),
  overdraft_rule: other(
    "negative",
    HOLDER,
    ["参保人称住院后个账显示 {balance} 元，问为什么会是负数"],
    "当地允许个人账户按规定透支，透支部分从以后划入资金中抵扣。已说明。",
  ),
  contribution_gap: other(
    "unusable",
    [
      ["flexible", 60],
      ["employee", 40],
    ],
    ["参保人称中间断交了几个月，现在个账用不了"],
    "参保人断缴超过规定期限，个人账户暂停使用。已告知补缴后恢复。",
  ),
  relocation: other(
    "zero",
    WORKING,
    ["参保人称从外地转回本地参保，原来个账里的钱还没转过来"],
    "个人账户余额正在办理转移接续，已告知预计到账时间。",
  ),
  bank_account_frozen: other(
    "unusable",
    ANY_WITH_ACCOUNT,
    ["参保人称社保卡关联的银行账户被冻结后，个账也刷不了"],
    "社保卡金融账户被冻结影响刷卡，个人账户余额正常。已告知到发卡银行处理。",
  ),
  out_of_area_or_expired: other(
    "unusable",
    ANY_WITH_ACCOUNT,
    ["参保人称在外地药店刷不了医保卡，提示卡片过期"],
    "卡片已过有效期且未办理异地就医备案，已指导换卡并办理备案。",
  ),
  commercial_insurance: other(
    "sudden_drop",
    EMPLOYEE,
    ["参保人称个账一次少了 {amount} 元，后来想起可能买了保险"],
    "个人账户余额用于购买普惠型商业健康保险，扣款 {amount} 元，经本人授权。已说明。",
  ),
};

export const OTHER_SUB_REASON_WEIGHTS: Weighted<OtherSubReason> = [
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
