import { describe, expect, it } from "vitest";
import { readCue } from "../../testing/triage";
import type { DescriptionCue } from "./cues";
import { readDescription } from "./index";
import type { PhraseCueKey } from "./phrases";

// A Wednesday.
const TODAY = "2026-04-15";

const cue = readCue;

type Case = [string, DescriptionCue[]];

// One sentence stating each cue and, where a denial makes sense, one denying it. The expected
// list is the whole reading of the sentence, so a stray cue fails the case too.
const CASES: Record<PhraseCueKey, Case[]> = {
  left_employer: [
    ["我3月份离职了", [cue("left_employer", false, "离职", "已离职", { month: "2026-03" })]],
    ["被公司裁了", [cue("left_employer", false, "被公司裁", "已离职")]],
    ["解除劳动合同后", [cue("left_employer", false, "解除劳动合同", "已离职")]],
    ["换了工作", [cue("left_employer", false, "换了工作", "已离职")]],
    ["本人一直在职", [cue("left_employer", true, "一直在职", "未离职")]],
    ["并没有辞职", [cue("left_employer", true, "并没有辞职", "未离职")]],
  ],
  reduction_filed: [
    ["单位已经办了减员", [cue("reduction_filed", false, "办了减员", "单位已减员")]],
    ["单位没减员", [cue("reduction_filed", true, "没减员", "单位未减员")]],
    ["单位还没给我办理减员", [cue("reduction_filed", true, "还没给我办理减员", "单位未减员")]],
  ],
  employer_paid: [
    ["单位说已经缴费了", [cue("employer_paid", false, "已经缴费", "单位已缴费")]],
    ["单位说早就交了", [cue("employer_paid", false, "早就交了", "单位已缴费")]],
    ["单位并没有按时缴费", [cue("employer_paid", true, "并没有按时缴费", "单位未缴费")]],
  ],
  employer_arrears: [
    [
      "单位欠缴三个月",
      [cue("employer_arrears", false, "单位欠缴", "单位欠缴 3 个月", { months: 3 })],
    ],
    ["单位一直没交", [cue("employer_arrears", false, "单位一直没交", "单位欠缴")]],
    ["单位没有欠费", [cue("employer_arrears", true, "单位没有欠费", "单位未欠缴")]],
  ],
  new_employer: [
    ["入职新公司后", [cue("new_employer", false, "入职新公司", "已入职新单位")]],
    ["还没找到新单位", [cue("new_employer", true, "还没找到新单位", "未入职新单位")]],
  ],
  recently_enrolled: [
    ["去年刚参保", [cue("recently_enrolled", false, "刚参保", "新参保", { year: "2025" })]],
    ["刚入职", [cue("recently_enrolled", false, "刚入职", "新参保")]],
    ["不是第一次参保", [cue("recently_enrolled", true, "不是第一次参保", "非新参保")]],
  ],
  retired: [
    ["我是退休人员", [cue("retired", false, "退休人员", "退休人员")]],
    ["还没退休", [cue("retired", true, "还没退休", "未退休")]],
  ],
  flexible_employment: [
    ["以灵活就业身份参保", [cue("flexible_employment", false, "灵活就业", "灵活就业")]],
    ["个体户自己交的", [cue("flexible_employment", false, "个体户", "灵活就业")]],
    ["不是灵活就业", [cue("flexible_employment", true, "不是灵活就业", "非灵活就业")]],
  ],
  resident_insurance: [
    ["参加的是城乡居民医保", [cue("resident_insurance", false, "城乡居民医保", "城乡居民医保")]],
    ["不是居民医保", [cue("resident_insurance", true, "不是居民医保", "非居民医保")]],
  ],
  tier: [
    ["职工医保二档", [cue("tier", false, "二档", "职工医保二档")]],
    [
      "灵活就业一档",
      [
        cue("flexible_employment", false, "灵活就业", "灵活就业"),
        cue("tier", false, "一档", "灵活就业一档"),
      ],
    ],
    [
      "居民医保三档",
      [
        cue("resident_insurance", false, "居民医保", "城乡居民医保"),
        cue("tier", false, "三档", "居民医保三档"),
      ],
    ],
    ["选的2档", [cue("tier", false, "2档", "二档")]],
  ],
  system_upgrade: [
    ["系统升级后余额不对", [cue("system_upgrade", false, "系统升级", "系统升级")]],
    ["系统切换", [cue("system_upgrade", false, "系统切换", "系统升级")]],
    ["不是系统升级的问题", [cue("system_upgrade", true, "不是系统升级", "非系统升级")]],
  ],
  year_carry_over: [
    ["年度结转后少了", [cue("year_carry_over", false, "年度结转", "年度结转")]],
    ["跨年后余额变了", [cue("year_carry_over", false, "跨年", "年度结转")]],
    ["不是年度结转", [cue("year_carry_over", true, "不是年度结转", "非年度结转")]],
  ],
  sync_mismatch: [
    [
      "卡上和银行显示不一样",
      [
        cue("bank_query", false, "银行显示", "在银行查询"),
        cue("sync_mismatch", false, "不一样", "两处显示不一致"),
      ],
    ],
    ["两边数据没同步", [cue("sync_mismatch", false, "数据没同步", "两处显示不一致")]],
  ],
  operator_error: [
    ["窗口录错了", [cue("operator_error", false, "录错", "经办操作失误")]],
    ["不是操作失误", [cue("operator_error", true, "不是操作失误", "非操作失误")]],
  ],
  card_not_activated: [
    ["卡还没激活", [cue("card_not_activated", false, "还没激活", "社保卡未激活")]],
    ["没领卡", [cue("card_not_activated", false, "没领卡", "社保卡未激活")]],
    ["不是没激活", [cue("card_not_activated", true, "不是没激活", "社保卡已激活")]],
  ],
  card_activated: [
    [
      "刚激活的卡余额是0",
      [
        cue("card_activated", false, "刚激活", "刚激活社保卡"),
        cue("balance_amount", false, "余额是0", "余额 0.00 元", { amountFen: 0 }),
      ],
    ],
    ["激活后", [cue("card_activated", false, "激活后", "刚激活社保卡")]],
  ],
  card_replaced: [
    [
      "上周三补卡后余额没了",
      [cue("card_replaced", false, "补卡", "补换社保卡", { date: "2026-04-08" })],
    ],
    ["换了新卡", [cue("card_replaced", false, "换了新卡", "补换社保卡")]],
    ["没换过卡", [cue("card_replaced", true, "没换过卡", "未补换社保卡")]],
  ],
  card_expired: [
    ["卡片过期了", [cue("card_expired", false, "卡片过期了", "社保卡过期")]],
    ["卡未过期", [cue("card_expired", true, "未过期", "社保卡未过期")]],
  ],
  out_of_area: [
    ["在外地用不了", [cue("out_of_area", false, "外地", "异地使用")]],
    ["没去过外地", [cue("out_of_area", true, "没去过外地", "未在异地使用")]],
  ],
  identity_change: [
    ["改过名字", [cue("identity_change", false, "改过名字", "身份信息变更")]],
    ["身份证号变更", [cue("identity_change", false, "身份证号变更", "身份信息变更")]],
    ["改了身份证信息后", [cue("identity_change", false, "改了身份证信息", "身份信息变更")]],
    ["没改过名", [cue("identity_change", true, "没改过名", "身份信息未变更")]],
  ],
  contribution_base: [
    ["缴费基数调低了", [cue("contribution_base", false, "缴费基数调低了", "缴费基数调整")]],
    ["工资降了", [cue("contribution_base", false, "工资降了", "缴费基数调整")]],
    ["选了低档", [cue("contribution_base", false, "选了低档", "缴费基数调整")]],
    ["缴费基数没变", [cue("contribution_base", true, "缴费基数没变", "缴费基数未变")]],
  ],
  deduction: [
    [
      "大额医疗补助每月扣13元",
      [
        cue("deduction", false, "大额医疗补助", "大额医疗补助扣费 13.00 元", {
          amountFen: 1300,
        }),
      ],
    ],
    ["大病保险扣费", [cue("deduction", false, "大病保险", "大病保险扣费")]],
    ["大额补充医疗保险", [cue("deduction", false, "大额补充医疗保险", "大额补充医疗扣费")]],
    [
      "每个月扣十三块",
      [cue("deduction", false, "每个月扣", "每月扣费 13.00 元", { amountFen: 1300 })],
    ],
    [
      "个账每月被扣 13 元",
      [cue("deduction", false, "每月被扣", "每月扣费 13.00 元", { amountFen: 1300 })],
    ],
    ["没有扣大病保险", [cue("deduction", true, "没有扣大病保险", "未扣费")]],
  ],
  outpatient_reform: [
    ["门诊共济改革以后", [cue("outpatient_reform", false, "门诊共济改革", "门诊共济改革")]],
    ["单位那部分不划了", [cue("outpatient_reform", false, "单位那部分不划了", "门诊共济改革")]],
    ["不是因为改革", [cue("outpatient_reform", true, "不是因为改革", "非门诊共济改革")]],
  ],
  retiree_allocation: [
    ["退休后划得少了", [cue("retiree_allocation", false, "退休后划得少了", "退休划入调整")]],
    [
      "退休后每月划入30元",
      [
        cue("retiree_allocation", false, "退休后每月划入", "退休划入调整 30.00 元", {
          amountFen: 3000,
        }),
      ],
    ],
  ],
  family_binding: [
    ["绑定了父母", [cue("family_binding", false, "绑定了父母", "已绑定家庭共济")]],
    ["开通了家庭共济", [cue("family_binding", false, "家庭共济", "已绑定家庭共济")]],
    ["没有绑定家人", [cue("family_binding", true, "没有绑定家人", "未绑定家庭共济")]],
    ["父母没绑定", [cue("family_binding", true, "父母没绑定", "未绑定家庭共济")]],
  ],
  relative_use: [
    ["爱人用我的卡买药", [cue("relative_use", false, "爱人用我的卡买药", "家人使用个账")]],
    ["给孩子交居民医保", [cue("relative_use", false, "给孩子交居民医保", "家人使用个账")]],
    [
      "不知道家人有没有用过我的卡",
      [cue("relative_use", false, "家人有没有用过我的卡", "家人使用个账")],
    ],
    ["家人没有用过我的卡", [cue("relative_use", true, "家人没有用过我的卡", "家人未使用个账")]],
  ],
  bank_query: [
    ["在银行ATM查的", [cue("bank_query", false, "ATM", "在银行查询")]],
    ["手机银行查", [cue("bank_query", false, "手机银行", "在银行查询")]],
    ["不是在银行查的", [cue("bank_query", true, "不是在银行查", "未在银行查询")]],
  ],
  hotline_12333_query: [
    ["打12333查询", [cue("hotline_12333_query", false, "12333", "12333查询")]],
    ["没打过12333", [cue("hotline_12333_query", true, "没打过12333", "未通过12333查询")]],
  ],
  app_query: [
    ["医保App上查的", [cue("app_query", false, "医保App", "医保App查询")]],
    ["国家医保服务平台", [cue("app_query", false, "国家医保服务平台", "医保App查询")]],
    ["不是在小程序上查的", [cue("app_query", true, "不是在小程序", "未通过医保App查询")]],
  ],
  relocation: [
    ["从外地转回来", [cue("relocation", false, "从外地转回来", "参保地转移")]],
    ["转移接续还没办完", [cue("relocation", false, "转移接续", "参保地转移")]],
    ["没有换参保地", [cue("relocation", true, "没有换参保地", "未转移参保地")]],
  ],
  contribution_gap: [
    ["断缴了三个月", [cue("contribution_gap", false, "断缴", "个人断缴 3 个月", { months: 3 })]],
    ["中间停缴半年", [cue("contribution_gap", false, "停缴", "个人断缴 6 个月", { months: 6 })]],
    ["几个月没交", [cue("contribution_gap", false, "几个月没交", "个人断缴")]],
    ["从没断缴过", [cue("contribution_gap", true, "从没断缴", "未断缴")]],
  ],
  bank_account_frozen: [
    ["银行卡被冻结了", [cue("bank_account_frozen", false, "被冻结", "银行账户冻结")]],
    ["卡没有被冻结", [cue("bank_account_frozen", true, "没有被冻结", "银行账户未冻结")]],
  ],
  commercial_insurance: [
    [
      "用个账买了惠民保",
      [cue("commercial_insurance", false, "用个账买了惠民保", "个账购买商业保险")],
    ],
    ["可能买了保险", [cue("commercial_insurance", false, "买了保险", "个账购买商业保险")]],
    ["没买过商业保险", [cue("commercial_insurance", true, "没买过商业保险", "未购买商业保险")]],
  ],
  overdraft: [
    [
      "透支了两百",
      [
        cue("overdraft", false, "透支", "个账透支"),
        cue("balance_amount", false, "透支了两百", "余额 -200.00 元", { amountFen: -20000 }),
      ],
    ],
    ["没有透支", [cue("overdraft", true, "没有透支", "未透支")]],
  ],
  medical_spending: [
    ["上个月住院了", [cue("medical_spending", false, "住院", "就医购药", { month: "2026-03" })]],
    [
      "住院花了三千",
      [cue("medical_spending", false, "住院", "就医购药 3,000.00 元", { amountFen: 300000 })],
    ],
    ["刷卡买药", [cue("medical_spending", false, "刷卡", "就医购药")]],
    ["没去过医院", [cue("medical_spending", true, "没去过医院", "未就医购药")]],
    ["从没用过", [cue("medical_spending", true, "从没用过", "未就医购药")]],
    ["没买过药", [cue("medical_spending", true, "没买过药", "未就医购药")]],
  ],
};

describe("each cue key, stated and denied", () => {
  for (const [key, cases] of Object.entries(CASES)) {
    it.each(cases)(`${key}: %s`, (sentence, expected) => {
      expect(readDescription(sentence, TODAY)).toEqual(expected);
    });
  }
});
