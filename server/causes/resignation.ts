// 离职减员: the account is credited a whole insurance year in advance (预划资金); when a member
// leaves mid-year and the employer files the reduction, the credit after the leave is taken
// back, and what was already spent can leave the account negative.
import { EMPLOYEE, type Scenario } from "../cli/seed/scenarios";
import { APP_OR_CARD, dayInMonthBefore, maybeQuery } from "../cli/seed/triage-facts";
import { daysBetween } from "../rules/calendar-day";
import type { TriageHit, TriageRule } from "../rules/triage";
import { type CauseModule, hit, ownStepKinds } from "./cause-module";

const triageRule: TriageRule = ({ symptom, facts, today }) => {
  const hits: TriageHit[] = [];
  if (facts.leftEmployer === true) {
    hits.push(
      hit(
        "resignation",
        35,
        "您近期离开了原单位。很多地区按参保年度提前划入个人账户资金，离职后单位办理减员，系统会扣回离职后至6月底的预划资金。",
      ),
    );
    if (symptom === "negative") {
      hits.push(
        hit(
          "resignation",
          35,
          "离职后余额变成负数，通常是离职前已刷卡用掉的钱多于重新核算后实际应划入的金额。",
        ),
      );
    } else if (symptom === "sudden_drop") {
      hits.push(hit("resignation", 15, "离职后余额突然减少，符合减员后扣回预划资金的情况。"));
    }
    if (facts.reductionFiled === false) {
      hits.push(hit("resignation", 10, "单位尚未办理减员，账户需要单位办理减员并结算后才能核准。"));
    }
  } else if (symptom === "negative" && facts.leftEmployer == null) {
    hits.push(hit("resignation", 25, "余额为负数，最常见的原因是离职后单位办理减员扣回预划资金。"));
  }
  const leave = facts.leaveDate;
  if (leave && daysBetween(leave, today) >= 0) {
    const days = daysBetween(leave, today);
    if (leave.endsWith("-06-30")) {
      hits.push(
        hit("resignation", -60, "您在6月30日离职，正好是参保年度的最后一天，不会扣回预划资金。"),
      );
      if (symptom === "sudden_drop" || symptom === "negative") {
        hits.push(
          hit(
            "other:medical_spending",
            40,
            "6月30日离职不扣回预划资金，余额减少多半是平时就医购药的正常支出。",
          ),
        );
      }
    } else if (days <= 180) {
      hits.push(hit("resignation", 10, `您离职至今约${days}天，仍在减员结算通常影响的时间内。`));
    }
  }
  return hits;
};

const SCENARIOS: readonly Scenario[] = [
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

export const resignation: CauseModule = {
  explain: () => ({
    title: "离职减员",
    why: "您所在地区按参保年度提前把一年的资金划入个人账户（预划资金，划到次年6月底）。您离职后，单位办理减员，系统按“实际划入资金 = 预划资金 − 离职后至6月底的预划资金”重新核算。离职前刷卡用掉的钱如果多于实际划入资金，账户就会显示为负数。",
    next: "负数部分可以通过补缴抵扣，或在您到新单位参保后由新划入的资金自动抵扣。个人账户余额不能提取现金，仍可用于您本人的医疗费用。如单位尚未办理减员，请联系原单位及时办理。",
  }),
  triageRules: [triageRule],
  suggestedSteps: () => ownStepKinds("resignation"),
  demo: {
    share: 0.24,
    // Leavers cluster at the year end and at the end of the insurance year (June).
    seasonality: ({ month }) => {
      if (month === 12 || month === 1) return 1.75;
      if (month === 6) return 1.6;
      return month === 7 ? 1.2 : 1;
    },
    scenarios: () => SCENARIOS,
    secondary: [
      [["other", "employer_arrears"], 3],
      [["policy_reform", null], 2],
      [["other", "medical_spending"], 2],
    ],
    memberTypes: ["employee"],
    steps: (random, _subReason, step) => [
      step("print_ledger", "已打印近 12 个月个人账户增减明细"),
      step("check_leave_dates", "{leaveMonth}离职，原单位已办理减员"),
      step("compute_real_credit", "按实际在职月份重算，扣回离职后至 6 月底的预划资金"),
      step("explain_offset", "已告知负数部分可由新单位划入资金抵扣，也可到窗口补缴"),
      ...(random.chance(0.2) ? [step("top_up", "参保人选择补缴，已指导通过市民中心缴纳")] : []),
    ],
    triageFacts: (random, draft) => ({
      leftEmployer: true,
      leaveDate: dayInMonthBefore(random, draft.openedAt, draft.leftMonthsBefore),
      reductionFiled: !random.chance(0.12),
      ...maybeQuery(random, APP_OR_CARD),
    }),
    misleadingFact: (random, draft, insuranceType, facts) =>
      insuranceType === "employee" && facts.leftEmployer === undefined
        ? {
            leftEmployer: true,
            leaveDate: dayInMonthBefore(random, draft.openedAt, random.int(1, 4)),
          }
        : null,
  },
};
