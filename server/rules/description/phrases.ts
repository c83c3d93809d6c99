// The words that state each cue. `affirm` phrases state the fact, `deny` phrases state its
// opposite ("一直在职" for leaving). Phrases are matched inside one clause; where two overlap,
// the longer one is the reading (so "给孩子交居民医保" is a relative's use, not the member's own
// resident insurance). Denial by a word in front ("并未离职") is the negation rule's job, not a
// phrase's; a phrase that starts with its subject ("家人没有用过我的卡") marks the negating word
// after the subject with a group named `negator`.
import type { CueKey } from "./cues";

export type PhraseCueKey = Exclude<CueKey, "balance_amount" | "drop_amount" | "noticed_on">;

export type Phrases = {
  affirm: readonly RegExp[];
  deny?: readonly RegExp[];
  // A more precise chip for what was matched; `before` is the clause text in front of it.
  label?: (text: string, before: string) => string;
};

const RELATIVE =
  "家人|家属|亲属|亲人|父母|爸妈|爸爸|妈妈|老爸|老妈|我爸|我妈|父亲|母亲|配偶|爱人|老婆|老公|妻子|丈夫|媳妇|孩子|小孩|儿子|女儿|子女|老人|岳父|岳母|公婆";
const ACCOUNT = "社保卡|医保卡|卡|个人账户|个账|账户|医保|钱";
// Adverbs that may sit between a relative and the verb without changing who did what.
const RELATIVE_ADVERB = "也|都|偷偷|经常|一直|之前|以前|可能|有没有|是不是|会不会|拿";
const SUBJECT_NEGATOR =
  "(?<negator>从来没有|从来没|从没有|从没|从未|并没有|并没|并未|没有|没|未|不曾)";
const MEDICAL_PURPOSE = "买药|看病|拿药|开药|住院|就医|买了药|看了病";
const COUNT = "[\\d一二两三四五六七八九十半几]+";

const regex = (source: string) => new RegExp(source);

const TIER_NAMES: Record<string, string> = { "1": "一", "2": "二", "3": "三" };

function tierLabel(text: string, before: string): string {
  const tier = `${TIER_NAMES[text[0] ?? ""] ?? text[0]}档`;
  if (/居民$|居民医保$/.test(before)) return `居民医保${tier}`;
  if (/灵活就业(?:人员)?$/.test(before)) return `灵活就业${tier}`;
  if (/职工$|职工医保$/.test(before)) return `职工医保${tier}`;
  return tier;
}

function deductionLabel(text: string): string {
  if (text.includes("大额医疗") && text.includes("补助")) return "大额医疗补助扣费";
  if (text.includes("大额")) return "大额补充医疗扣费";
  if (text.includes("大病")) return "大病保险扣费";
  if (text.includes("月")) return "每月扣费";
  return "扣费";
}

export const CUE_PHRASES: Record<PhraseCueKey, Phrases> = {
  left_employer: {
    affirm: [
      /离职|辞职|辞工|离开(?:了)?原?(?:单位|公司)|解除(?:了)?劳动(?:合同|关系)|换(?:了)?(?:个|份)?工作/,
      /被(?:公司|单位)?(?:裁员|裁|辞退|开除)|裁员|辞退|失业/,
    ],
    deny: [/(?:一直|仍然|仍|还|目前|现在|依然|依旧)(?:在职|在原?(?:单位|公司)(?:上班|工作))/],
  },
  reduction_filed: { affirm: [/(?:办理|办)(?:了)?减员|减员|停保/] },
  employer_paid: {
    affirm: [
      /(?:已经|早就|早已|已|都)(?:缴费|交费|缴纳|缴了|交了|缴过|交过)/,
      /(?:按时|正常|足额)(?:缴费|交费|缴纳|交|缴)/,
    ],
  },
  employer_arrears: {
    affirm: [
      /(?:原单位|单位|公司|老板)(?:一直|也|都|还|可能|是不是|好像|根本)?(?:没有|没|未|尚未|还没有|还没|并未|并没有)(?:给我)?(?:缴纳|缴费|交费|交钱|交|缴)/,
      regex(`(?:原单位|单位|公司)${SUBJECT_NEGATOR}?(?:欠费|欠缴|拖欠)`),
      /欠缴|拖欠(?:医保|社保)?费?|漏缴|漏交/,
    ],
  },
  new_employer: {
    affirm: [
      /新(?:的)?(?:工作单位|单位|公司)|新东家|入职(?:了)?(?:另一家|别的)(?:单位|公司)/,
      /换(?:了)?(?:新)?(?:单位|公司)|到(?:了)?新(?:单位|公司)|入职(?:了)?新(?:单位|公司)/,
    ],
  },
  recently_enrolled: {
    affirm: [
      /刚(?:刚)?(?:参保|入职|上班|开始(?:交|缴|参保))|新参保|(?:第一次|首次|才)参保/,
      /刚(?:交|缴)(?:了)?(?:医保|社保)/,
    ],
  },
  retired: { affirm: [/已退休|退休(?:人员|职工|老人|了)?/] },
  flexible_employment: {
    affirm: [/灵活就业(?:人员)?|个体(?:工商户|户|经营)?|自由职业(?:者)?|以个人身份(?:参保|缴费)/],
  },
  resident_insurance: {
    affirm: [/城乡居民(?:基本)?(?:医保|医疗保险)?|居民医保|居民医疗保险|新农合|农村合作医疗/],
  },
  tier: { affirm: [/[一二三123]档/], label: tierLabel },
  system_upgrade: {
    affirm: [
      /系统(?:升级|切换|维护|更新|故障|调整|出错|出问题|异常|上线)|(?:升级|切换|更新)(?:了)?系统|新系统/,
    ],
  },
  year_carry_over: { affirm: [/年度结转|年终结转|结转|跨年度|跨年|年度清算|年终清算/] },
  sync_mismatch: {
    affirm: [
      // Two views compared: "卡上和银行显示不一样", "两边不一致". Only the verdict is matched, so
      // the views themselves stay free to be read as channels.
      /(?<=(?:和|跟|与|两边|两处|两个地方).{0,10})(?:不一样|不一致|对不上|对不起来|有出入|不相符|不符)/,
      /(?:数据)?(?:没有|没|未|不)同步/,
    ],
  },
  operator_error: { affirm: [/操作(?:失误|错误|有误)|录入错误|录错|输错|办错|弄错|搞错|算错/] },
  card_not_activated: {
    affirm: [
      /(?:并未|并没有|并没|尚未|还没有|还没|还未|没有|没|未)(?:激活|启用|开通)/,
      /没(?:有)?(?:去)?(?:申领|领取|领|办理|办)(?:过)?(?:社保|医保)?卡|未(?:申领|领取|办理)(?:社保|医保)?卡|没(?:有)?申领/,
    ],
  },
  card_activated: { affirm: [/刚激活|才激活|新激活|已激活|激活(?:了|后|以后|之后)/] },
  card_replaced: {
    affirm: [
      /补(?:办|领)?(?:了|过)?(?:社保|医保)?卡|换(?:了|过)?(?:一?张)?新?(?:社保|医保)?卡|换领|换发|新换的卡/,
    ],
  },
  card_expired: {
    affirm: [
      /(?:社保卡|医保卡|卡片|卡)?(?:已经?)?过期(?:了)?|过了有效期|有效期(?:到了|已过|过了)|卡(?:片)?失效/,
    ],
  },
  out_of_area: { affirm: [/异地|外地|外省|省外|跨省/] },
  identity_change: {
    affirm: [
      /改(?:过|了)?名(?:字)?|更名|(?:身份证|证件)(?:号码?)?(?:变更|变了|改了|换了|更正|变动|升位)/,
      /(?:个人|身份|参保)?信息(?:变更|变了|改了|更改|有误|不对|不一致)/,
      /(?:改|变更|更改|更正)(?:了|过)?(?:身份证|证件|身份|个人)(?:号码?|信息)?/,
    ],
  },
  contribution_base: {
    affirm: [
      /缴费基数(?:调低|调整|下调|降低|降了|变了)?了?|(?:基数|工资|薪资|收入)(?:调低|调整|下调|降低|降了|少了|变少|低了|变低|变了)|降薪/,
      /(?:选了?|选择了?|换成了?|改成了?|调到了?)最?低(?:的)?档(?:次)?/,
    ],
    deny: [/(?:缴费)?基数(?:没有|没|未)(?:变|调整|调)过?|工资(?:没有|没|未)(?:降|变|调整)过?/],
  },
  deduction: {
    affirm: [
      /大额医疗(?:费用)?补助|大额补充(?:医疗)?(?:保险)?|大额医疗保险|大病(?:保险|医保)|扣费/,
      /(?:每个?月|按月)都?(?:要|会)?被?扣(?:了|掉|钱)?/,
    ],
    label: deductionLabel,
  },
  outpatient_reform: {
    affirm: [
      /门诊共济(?:改革|保障)?|共济改革|医保改革|医改|改革|门诊统筹|不再划入/,
      /单位(?:那|的)?(?:部分|那部分|缴的部分|交的部分)?(?:不再|不|没)(?:划|给|进|往)(?:了|入)?/,
    ],
  },
  retiree_allocation: {
    affirm: [
      /定额划入|退休(?:人员)?(?:后|以后)?(?:每个?月)?只?划(?:入|得|的|钱)?(?:少|变少|减少|降低|下调|调低|降)?了?/,
    ],
  },
  family_binding: {
    affirm: [
      /家庭共济|共济绑定|绑定共济|亲情账户|家庭账户/,
      regex(
        `绑(?:定)?(?:了)?(?:我)?(?:的)?(?:${RELATIVE})|(?:${RELATIVE})${SUBJECT_NEGATOR}?(?:绑定|绑)(?:了)?`,
      ),
    ],
  },
  relative_use: {
    affirm: [
      regex(
        `(?:${RELATIVE})(?:${RELATIVE_ADVERB})?${SUBJECT_NEGATOR}?(?:使用|用|刷|拿)(?:了|过)?(?:我的|我)?(?:${ACCOUNT})?(?:去)?(?:${MEDICAL_PURPOSE})?`,
      ),
      regex(
        `(?:给|帮|替)(?:${RELATIVE})(?:交|缴|买|付|支付|拿|开)(?:了|过)?(?:城乡)?(?:居民医保|居民医疗保险|医保|保险|药|医药费)?`,
      ),
      // "孩子看病用了两百多": a relative's care, paid from the member's account.
      regex(`(?:${RELATIVE})(?:${RELATIVE_ADVERB})?${SUBJECT_NEGATOR}?(?:${MEDICAL_PURPOSE})`),
      regex(`(?:我的)?(?:${ACCOUNT})(?:给|被)(?:${RELATIVE})(?:拿去用|用|刷|拿)(?:了)?`),
      /(?:家庭)?共济(?:支付|使用|用了|扣了?)/,
    ],
  },
  bank_query: {
    affirm: [
      /ATM|atm|柜员机|取款机|网银|网上银行|手机银行|银行(?:APP|App|app|客户端)/,
      /(?:去|到|在)银行(?:网点)?(?:查|看)|银行(?:查|显示)/,
    ],
  },
  hotline_12333_query: { affirm: [/12333/] },
  app_query: {
    affirm: [
      /医保(?:APP|App|app|小程序|公众号)|国家医保服务平台(?:APP|App|app)?|医保服务平台|小程序/,
      /医保电子凭证|电子医保卡|(?:支付宝|微信)(?:上|里)?(?:查|的医保)|(?:手机|网上)上?查/,
    ],
  },
  relocation: {
    affirm: [
      /转移(?:接续)?|(?:换|变更|改|转)了?参保地|转(?:了)?(?:参保)?关系|异地转入/,
      /从(?:外地|外省|老家|[\u4e00-\u9fa5]{2,3}?)转(?:回|到|过来|入|进)来?|转回(?:来|本地|老家)/,
      /(?:医保|社保)(?:关系)?转(?:过来|回来|出去|回|到|出|入)/,
    ],
  },
  contribution_gap: {
    affirm: [
      regex(
        `断缴|停缴|断交|停交|断保|中断缴费|断(?:了)?(?:${COUNT})个?多?月|(?:${COUNT})个?多?月都?没(?:有)?(?:交|缴)`,
      ),
    ],
  },
  bank_account_frozen: { affirm: [/被冻结|冻结|止付|被冻/] },
  commercial_insurance: {
    affirm: [
      /商业(?:健康)?(?:保险|险)|惠民保|[\u4e00-\u9fa5]惠保|百万医疗险?/,
      /(?:用|拿)(?:了)?(?:个账|个人账户|医保卡|医保)(?:的钱|余额)?(?:买|购买)(?:了)?(?:一份|份)?(?:保险|商业险|惠民保|[\u4e00-\u9fa5]惠保)?/,
      /(?:买|购买)(?:了)?(?:一份|份)?(?:商业)?保险/,
    ],
  },
  overdraft: { affirm: [/透支/] },
  medical_spending: {
    affirm: [
      /看(?:过)?病|看(?:过)?门诊|门诊|买(?:过)?药|拿(?:过)?药|开(?:过)?药|住(?:过)?院|就(?:过)?医/,
      /(?:去|到|在)(?:过)?医院|刷(?:过)?(?:医保|社保)?卡|刷(?:过)?医保|用过(?:医保卡|社保卡|个账|卡)?/,
    ],
  },
};
