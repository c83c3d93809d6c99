// The facts a caseworker's description can state, one list for the chips under the description,
// the extractor and its tests. A cue whose negatedLabel is null cannot be denied (a balance
// figure, a date); `takes` says what else a cue picks up from its own clause: the date it
// happened, a sum of money ("每月扣13元"), or a length in months ("断缴3个月").
export const CUE_GROUPS = [
  { code: "employment", label: "劳动关系与参保身份" },
  { code: "system", label: "系统与经办" },
  { code: "card", label: "社保卡" },
  { code: "identity", label: "身份信息" },
  { code: "policy", label: "政策与扣费" },
  { code: "family", label: "家庭共济" },
  { code: "channel", label: "查询渠道" },
  { code: "other", label: "其他情况" },
  { code: "balance", label: "余额与时间" },
] as const;
export type CueGroup = (typeof CUE_GROUPS)[number]["code"];

type Takes = readonly ("date" | "amount" | "months")[];
type CueDefinition = {
  readonly code: string;
  readonly group: CueGroup;
  readonly label: string;
  readonly negatedLabel: string | null;
  readonly takes: Takes;
};

const EVENT: Takes = ["date"];
const PAYMENT: Takes = ["date", "amount"];
const STOPPAGE: Takes = ["date", "months"];
const STATE: Takes = [];

export const DESCRIPTION_CUES = [
  {
    code: "left_employer",
    group: "employment",
    label: "已离职",
    negatedLabel: "未离职",
    takes: EVENT,
  },
  {
    code: "reduction_filed",
    group: "employment",
    label: "单位已减员",
    negatedLabel: "单位未减员",
    takes: EVENT,
  },
  {
    code: "employer_paid",
    group: "employment",
    label: "单位已缴费",
    negatedLabel: "单位未缴费",
    takes: EVENT,
  },
  {
    code: "employer_arrears",
    group: "employment",
    label: "单位欠缴",
    negatedLabel: "单位未欠缴",
    takes: STOPPAGE,
  },
  {
    code: "new_employer",
    group: "employment",
    label: "已入职新单位",
    negatedLabel: "未入职新单位",
    takes: EVENT,
  },
  {
    code: "recently_enrolled",
    group: "employment",
    label: "新参保",
    negatedLabel: "非新参保",
    takes: EVENT,
  },
  { code: "retired", group: "employment", label: "退休人员", negatedLabel: "未退休", takes: EVENT },
  {
    code: "flexible_employment",
    group: "employment",
    label: "灵活就业",
    negatedLabel: "非灵活就业",
    takes: STATE,
  },
  {
    code: "resident_insurance",
    group: "employment",
    label: "城乡居民医保",
    negatedLabel: "非居民医保",
    takes: STATE,
  },
  { code: "tier", group: "employment", label: "参保档次", negatedLabel: null, takes: STATE },
  {
    code: "system_upgrade",
    group: "system",
    label: "系统升级",
    negatedLabel: "非系统升级",
    takes: EVENT,
  },
  {
    code: "year_carry_over",
    group: "system",
    label: "年度结转",
    negatedLabel: "非年度结转",
    takes: EVENT,
  },
  {
    code: "sync_mismatch",
    group: "system",
    label: "两处显示不一致",
    negatedLabel: "两处显示一致",
    takes: EVENT,
  },
  {
    code: "operator_error",
    group: "system",
    label: "经办操作失误",
    negatedLabel: "非操作失误",
    takes: EVENT,
  },
  {
    code: "card_not_activated",
    group: "card",
    label: "社保卡未激活",
    negatedLabel: "社保卡已激活",
    takes: STATE,
  },
  {
    code: "card_activated",
    group: "card",
    label: "刚激活社保卡",
    negatedLabel: null,
    takes: EVENT,
  },
  {
    code: "card_replaced",
    group: "card",
    label: "补换社保卡",
    negatedLabel: "未补换社保卡",
    takes: EVENT,
  },
  {
    code: "card_expired",
    group: "card",
    label: "社保卡过期",
    negatedLabel: "社保卡未过期",
    takes: EVENT,
  },
  {
    code: "out_of_area",
    group: "card",
    label: "异地使用",
    negatedLabel: "未在异地使用",
    takes: EVENT,
  },
  {
    code: "identity_change",
    group: "identity",
    label: "身份信息变更",
    negatedLabel: "身份信息未变更",
    takes: EVENT,
  },
  {
    code: "contribution_base",
    group: "policy",
    label: "缴费基数调整",
    negatedLabel: "缴费基数未变",
    takes: EVENT,
  },
  { code: "deduction", group: "policy", label: "扣费", negatedLabel: "未扣费", takes: PAYMENT },
  {
    code: "outpatient_reform",
    group: "policy",
    label: "门诊共济改革",
    negatedLabel: "非门诊共济改革",
    takes: EVENT,
  },
  {
    code: "retiree_allocation",
    group: "policy",
    label: "退休划入调整",
    negatedLabel: "退休划入未变",
    takes: PAYMENT,
  },
  {
    code: "family_binding",
    group: "family",
    label: "已绑定家庭共济",
    negatedLabel: "未绑定家庭共济",
    takes: EVENT,
  },
  {
    code: "relative_use",
    group: "family",
    label: "家人使用个账",
    negatedLabel: "家人未使用个账",
    takes: PAYMENT,
  },
  {
    code: "bank_query",
    group: "channel",
    label: "在银行查询",
    negatedLabel: "未在银行查询",
    takes: STATE,
  },
  {
    code: "hotline_12333_query",
    group: "channel",
    label: "12333查询",
    negatedLabel: "未通过12333查询",
    takes: STATE,
  },
  {
    code: "app_query",
    group: "channel",
    label: "医保App查询",
    negatedLabel: "未通过医保App查询",
    takes: STATE,
  },
  {
    code: "relocation",
    group: "other",
    label: "参保地转移",
    negatedLabel: "未转移参保地",
    takes: EVENT,
  },
  {
    code: "contribution_gap",
    group: "other",
    label: "个人断缴",
    negatedLabel: "未断缴",
    takes: STOPPAGE,
  },
  {
    code: "bank_account_frozen",
    group: "other",
    label: "银行账户冻结",
    negatedLabel: "银行账户未冻结",
    takes: EVENT,
  },
  {
    code: "commercial_insurance",
    group: "other",
    label: "个账购买商业保险",
    negatedLabel: "未购买商业保险",
    takes: PAYMENT,
  },
  { code: "overdraft", group: "other", label: "个账透支", negatedLabel: "未透支", takes: EVENT },
  {
    code: "medical_spending",
    group: "other",
    label: "就医购药",
    negatedLabel: "未就医购药",
    takes: PAYMENT,
  },
  { code: "balance_amount", group: "balance", label: "余额", negatedLabel: null, takes: STATE },
  { code: "drop_amount", group: "balance", label: "余额减少", negatedLabel: null, takes: STATE },
  { code: "noticed_on", group: "balance", label: "发现于", negatedLabel: null, takes: STATE },
] as const satisfies readonly CueDefinition[];

export type CueKey = (typeof DESCRIPTION_CUES)[number]["code"];

export const CUE_KEYS = DESCRIPTION_CUES.map((cue) => cue.code) as readonly CueKey[];

const DEFINITIONS = new Map<CueKey, CueDefinition>(DESCRIPTION_CUES.map((cue) => [cue.code, cue]));

export function cueDefinition(key: CueKey): CueDefinition {
  const definition = DEFINITIONS.get(key);
  if (!definition) throw new RangeError(`unknown cue ${key}`);
  return definition;
}

export const canBeDenied = (key: CueKey) => cueDefinition(key).negatedLabel !== null;
export const cueTakes = (key: CueKey, what: Takes[number]) =>
  cueDefinition(key).takes.includes(what);

export type DescriptionCue = {
  key: CueKey;
  negated: boolean;
  // Stated only as the member's question or guess ("是不是系统升级了", "以为是扣的大病保险"):
  // what they suspect, not what they know. Absent when the cue is stated.
  asked?: true;
  // The chip shown under the description: "已离职", "未离职", "余额 -1,024.00 元".
  label: string;
  // The words in the description that state it (a substring of the description).
  text: string;
  // When it happened (or, for noticed_on, when the member saw it), at the precision given.
  date?: string;
  month?: string;
  year?: string;
  // Signed 分: a negative balance is negative.
  amountFen?: number;
  // The sum was given roughly: 两百多, 大约300元.
  approx?: boolean;
  // For a stoppage: how many months ("断缴了三个月").
  months?: number;
};
