// 系统延迟: the employer has paid but the credit or the card data has not caught up yet. A sync
// delay usually heals within 1–2 working days, so the work is a re-check; a carry-over or
// operator error belongs here too, but the agency has to correct it.
import { EMPLOYEE, type Scenario, WORKING } from "../cli/seed/scenarios";
import { AT_THE_PHARMACY, dayBefore, maybeQuery } from "../cli/seed/triage-facts";
import { chineseDay } from "../rules/calendar-day";
import { type CauseModule, ownStepKinds } from "./cause-module";
import { SYSTEM_DELAY_RULES } from "./system-delay/triage-rules";

const SCENARIOS: readonly Scenario[] = [
  {
    weight: 30,
    symptom: "mismatch",
    // "单位已缴费": members with an employer.
    memberTypes: EMPLOYEE,
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
    memberTypes: EMPLOYEE,
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
  {
    // 年度结转: the new insurance year opens the member's 当年 account and moves last year's
    // balance to 历年; an error there needs the agency's correction.
    weight: 45,
    symptom: "sudden_drop",
    memberTypes: WORKING,
    atYearChange: true,
    descriptions: [
      "参保人称医保年度刚切换，个账余额一下子少了 {amount} 元，上年度的钱没看到",
      "参保人反映新医保年度开始后历年账户余额不见了，只剩当年划入的钱",
    ],
    summaries: [
      "医保年度结转时上年度余额 {amount} 元未转入历年账户，属结转错误，已提交后台更正，更正后余额恢复。",
    ],
  },
];

export const systemDelay: CauseModule = {
  explain: () => ({
    title: "系统延迟",
    why: "单位已经缴费，但资金或数据还没有同步到您的个人账户（例如系统升级、新参保首次划入或新激活社保卡），所以余额暂时显示不对。属于数据同步延迟的，一般会自动更新；如属结转或操作差错，由经办机构负责更正，您不需要另行办理。",
    next: "请在1至2个工作日后再次查询。如仍未更新，我们会将您的账户明细提交后台核查更正，并把结果告诉您。",
  }),
  triageRules: SYSTEM_DELAY_RULES,
  suggestedSteps: () => ownStepKinds("system_delay"),
  stepSentences: {
    record_expected_credit: () => "记录了您应到账的金额，以便后续核对。",
    schedule_recheck: (step) =>
      step.dueOn
        ? `安排在${chineseDay(step.dueOn)}前复查您账户的到账情况。`
        : "安排了对您账户到账情况的复查。",
    recheck: () => "复查了您账户的到账情况。",
    escalate_back_office: () => "将您的账户情况提交后台核查处理。",
  },
  demo: {
    share: 0.15,
    // Carry-over errors come with the first month of the city's insurance year.
    seasonality: (month, _monthCount, city) =>
      month.month === city.insuranceYearStartMonth ? 1.3 : 1,
    scenarios: () => SCENARIOS,
    secondary: [
      [["other", "card_not_activated"], 3],
      [["other", "identity_mismatch"], 2],
      [["policy_reform", "outpatient_reform"], 1],
    ],
    awaitsRecheck: true,
    steps: (random, _subReason, step) => {
      const escalate = random.chance(0.2);
      return [
        step("record_expected_credit", "记录应到账金额，单位缴费已确认"),
        step("schedule_recheck", "约定 2 个工作日后复查"),
        step("recheck", escalate ? "复查仍未恢复" : "复查已到账，余额正常"),
        ...(escalate ? [step("escalate_back_office", "已附增减明细上报后台核查数据同步")] : []),
      ];
    },
    triageFacts: (random, { symptom, openedAt }, insurance) => {
      // Only an employee has an employer whose payment the caseworker can ask about.
      const employer = insurance.category === "active";
      if (symptom === "zero") {
        return { recentlyEnrolled: true, ...(employer ? { employerPaid: true } : {}) };
      }
      if (!employer) return maybeQuery(random, AT_THE_PHARMACY);
      if (symptom === "sudden_drop") {
        return { employerPaid: true, employerPaidOn: dayBefore(openedAt, random.int(8, 25)) };
      }
      return {
        employerPaid: true,
        // Most call within the usual one or two working days; some wait longer.
        employerPaidOn: dayBefore(
          openedAt,
          random.chance(0.8) ? random.int(1, 4) : random.int(7, 12),
        ),
        ...(symptom === "unusable" ? maybeQuery(random, AT_THE_PHARMACY) : {}),
      };
    },
    misleadingFact: (random, draft, insurance, facts) =>
      insurance.category === "active" && facts.employerPaid === undefined
        ? { employerPaid: true, employerPaidOn: dayBefore(draft.openedAt, random.int(1, 3)) }
        : null,
  },
};
