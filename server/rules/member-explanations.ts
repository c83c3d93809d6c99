import { type Cause, OTHER_SUB_REASON_LABELS, type OtherSubReason } from "@/db/constants";

// The plain-language paragraphs of the member explanation sheet (告知书): why the balance looks
// the way it does and what the member can do. Written for the member, in the second person.

type Explanation = { title: string; why: string; next: string };

const CAUSE_EXPLANATIONS: Record<Exclude<Cause, "other">, Explanation> = {
  resignation: {
    title: "离职减员",
    why: "您所在地区按参保年度提前把一年的资金划入个人账户（预划资金，划到次年6月底）。您离职后，单位办理减员，系统按“实际划入资金 = 预划资金 − 离职后至6月底的预划资金”重新核算。离职前刷卡用掉的钱如果多于实际划入资金，账户就会显示为负数。",
    next: "负数部分可以通过补缴抵扣，或在您到新单位参保后由新划入的资金自动抵扣。个人账户余额不能提取现金，仍可用于您本人的医疗费用。如单位尚未办理减员，请联系原单位及时办理。",
  },
  system_delay: {
    title: "系统延迟",
    why: "单位已经缴费，但资金或数据还没有同步到您的个人账户（例如系统升级、新参保首次划入或新激活社保卡）。这种情况通常会自动恢复。",
    next: "请在1至2个工作日后再次查询。如仍未到账，我们会将您的账户明细提交后台核查，并把结果告诉您。",
  },
  policy_reform: {
    title: "政策调整",
    why: "您的余额按现行规定计算是正确的。常见的情况有：2022年7月起单位缴纳的部分不再划入个人账户，只划入您本人缴纳的部分；退休人员每月划入标准由所在城市调整；缴费基数下调后划入金额相应减少；每月扣缴大额医疗补助等费用。具体适用哪一项见下方处理情况。",
    next: "门诊看病可以按规定使用门诊统筹待遇报销，不再只依靠个人账户。如对缴费基数有疑问，可携带身份证到经办窗口查询缴费记录。",
  },
  family_aid: {
    title: "家庭共济",
    why: "您的个人账户绑定了家庭共济的亲属（配偶、父母或子女）。他们看病买药或缴纳居民医保费时，可以从您的账户支付，所以余额会在您不知情时减少。",
    next: "可以在经办窗口或医保App查询绑定的亲属和每一笔支出。如不再需要共济，可以申请解除绑定。",
  },
};

const OTHER_EXPLANATIONS: Record<OtherSubReason, Omit<Explanation, "title">> = {
  medical_spending: {
    why: "余额减少是您本人就医购药的正常支出。",
    next: "可以打印个人账户增减明细逐笔核对；符合规定的费用可以申请报销。",
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
    why: "您的参保类型（如城乡居民医保、部分灵活就业或较低档次的职工医保）不设个人账户，余额为零是正常的。",
    next: "看病就医可以按规定享受统筹基金报销，不受个人账户余额影响。",
  },
  identity_mismatch: {
    why: "您更改过姓名或证件号码后，参保信息与卡片信息不一致，账户暂时无法正常显示或使用。",
    next: "请携带身份证和变更证明到经办窗口办理信息变更。",
  },
  overdraft_rule: {
    why: "您所在地区允许个人账户在一定额度内透支，透支部分显示为负数。",
    next: "透支部分会由以后划入的资金抵扣，也可以通过补缴提前还清。",
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

export function memberExplanation(cause: Cause, subReason: OtherSubReason | null): Explanation {
  if (cause !== "other") return CAUSE_EXPLANATIONS[cause];
  if (!subReason) {
    return {
      title: "其他原因",
      why: "经核查，余额变化另有原因，详见下方处理情况。",
      next: "如有疑问，请联系经办机构。",
    };
  }
  return { title: OTHER_SUB_REASON_LABELS[subReason], ...OTHER_EXPLANATIONS[subReason] };
}
