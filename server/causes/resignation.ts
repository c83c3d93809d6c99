// 离职减员: the account is credited a whole insurance year in advance (预划资金); when a member
// leaves mid-year and the employer files the reduction, the credit after the leave is taken
// back, and what was already spent can leave the account negative.
import { ACTIVE, EMPLOYEE, type Scenario } from "../cli/seed/scenarios";
import { APP_OR_CARD, dayInMonthBefore, maybeQuery } from "../cli/seed/triage-facts";
import { formatFen } from "../rules/money";
import { insuranceYearSpan } from "../rules/policy-phrases";
import { type CauseModule, ownStepKinds } from "./cause-module";
import { RESIGNATION_RULES } from "./resignation/triage-rules";

const SCENARIOS: readonly Scenario[] = [
  {
    weight: 72,
    symptom: "negative",
    memberTypes: EMPLOYEE,
    crediting: "pre_allocation",
    descriptions: [
      "参保人称{leaveMonth}离职后个账显示负数 {balance} 元，询问原因",
      "参保人反映原单位办理减员后个人账户变成 {balance} 元，担心看病不能报销",
      "参保人称离职前在药店刷卡买过药，现在个账欠 {amount} 元，问要不要补交",
      "参保人来电称换工作后医保卡余额是 {balance} 元，新单位已参保，问什么时候能恢复",
    ],
    summaries: [
      "参保人于{leaveMonth}离职，单位已办理减员，系统按实际在职月份重新计算预划资金；离职前已刷卡使用超出部分，形成负数 {amount} 元。已告知可到窗口结清个人账户欠款，或在本统筹区重新参保后由划入资金抵扣。",
      "原单位减员后扣回减员后至医保年度末的预划资金，因此前已消费，余额为 {balance} 元。已说明计算方式及结清办法，参保人选择到窗口结清。",
    ],
  },
  {
    weight: 20,
    symptom: "sudden_drop",
    memberTypes: EMPLOYEE,
    crediting: "pre_allocation",
    descriptions: [
      "参保人称离职后个账余额突然少了 {amount} 元，自己没有消费",
      "参保人反映{leaveMonth}办完离职手续，个人账户被扣回 {amount} 元，询问依据",
    ],
    summaries: [
      "单位办理减员后，系统扣回减员次月至医保年度末的预划资金 {amount} 元，属正常调整。已打印明细并解释。",
    ],
  },
  {
    weight: 8,
    symptom: "mismatch",
    memberTypes: EMPLOYEE,
    crediting: "pre_allocation",
    descriptions: ["参保人称离职后个账余额比在职时少了很多，认为和自己交的钱对不上"],
    summaries: ["离职减员后按实际在职月份重算划入资金，余额与缴费记录一致。已逐月说明。"],
  },
  // Where the account is credited month by month, a reduction takes nothing back: the credits
  // simply stop, which is what these members ask about.
  {
    weight: 100,
    symptom: "mismatch",
    memberTypes: EMPLOYEE,
    crediting: "monthly",
    descriptions: [
      "参保人称{leaveMonth}离职后个账一直没有新的划入，余额停在 {balance} 元",
      "参保人反映离职后个人账户不再增加，问是不是原单位还欠着钱",
    ],
    summaries: [
      "本地按月划入个人账户，{leaveMonth}原单位办理减员后次月起停止划入，已划入的资金不扣回，余额无误。已告知重新参保后恢复按月划入。",
    ],
  },
];

export const resignation: CauseModule = {
  explain: (_subReason, { policy }) =>
    policy.crediting_mode.value.mode === "pre_allocation"
      ? {
          title: "离职减员",
          why: `您所在地区按医保年度（${insuranceYearSpan(policy)}）提前把全年的资金划入个人账户（预划资金）。您离职后，单位办理减员，系统扣回减员后至医保年度末的预划资金，按“实际划入资金 = 预划资金 − 减员后至医保年度末的预划资金”重新核算。离职前已经支出的钱如果多于实际划入资金，账户就会显示为负数。`,
          next: "负数部分是个人账户欠款，可以到经办窗口结清；如您在本统筹区内重新参保，也可以按规定由以后划入的资金抵扣。个人账户余额不能提取现金，仍可用于您本人的医疗费用。如原单位尚未办理减员，请联系原单位及时办理。",
          uses: ["crediting_mode", "insurance_year_start"],
        }
      : {
          title: "离职减员",
          why: "您所在地区按月把资金划入个人账户，没有提前划入全年的资金。您离职后，单位办理减员，从减员的次月起停止划入，已经划入的资金不会扣回，所以余额不再增加。",
          next: "账户余额仍归您本人，可以继续用于您本人的医疗费用，但不能提取现金。重新就业参保后，会按新的参保关系按月划入。如原单位尚未办理减员，请联系原单位及时办理。",
          uses: ["crediting_mode"],
        },
  triageRules: RESIGNATION_RULES,
  suggestedSteps: () => ownStepKinds("resignation"),
  stepSentences: {
    print_ledger: () => "为您调取并打印了个人账户增减明细。",
    check_leave_dates: () => "核对了您的离职日期和原单位办理减员的时间。",
    compute_real_credit: (_step, facts) => {
      if (facts?.kind !== "leave_calculation") {
        return "按您实际参保的月份核算了个人账户应划入的资金。";
      }
      if (facts.creditingMode === "monthly") {
        return `核算了您个人账户的划入情况：本地按月划入，减员后停止划入，已划入的资金不扣回，按核算账户应余 ${formatFen(facts.expectedBalanceFen)}。`;
      }
      return `按您实际参保的月份核算：扣回减员后的预划资金 ${formatFen(facts.removedFen)}，实际划入资金 ${formatFen(facts.realCreditFen)}，按核算账户应余 ${formatFen(facts.expectedBalanceFen)}。`;
    },
    explain_offset: () => "向您说明了个人账户欠款的结清和抵扣方式。",
  },
  demo: {
    share: 0.24,
    // People change jobs all year, most after 春节; the reduction and its questions follow a
    // month or two later, so the enquiries peak in March and April.
    seasonality: ({ month }) => {
      if (month === 3) return 1.8;
      if (month === 4) return 1.5;
      return month === 2 || month === 5 ? 1.2 : 1;
    },
    scenarios: () => SCENARIOS,
    secondary: [
      [["other", "employer_arrears"], 3],
      [["policy_reform", "outpatient_reform"], 2],
      [["other", "medical_spending"], 2],
    ],
    memberTypes: [ACTIVE],
    steps: (random, _subReason, step, { crediting }) =>
      crediting === "monthly"
        ? [
            step("print_ledger", "已打印近 12 个月个人账户增减明细"),
            step("check_leave_dates", "{leaveMonth}离职，原单位已办理减员，次月起停止划入"),
            step("compute_real_credit", "本地按月划入，减员后停止划入，已划入资金不扣回，余额无误"),
          ]
        : [
            step("print_ledger", "已打印近 12 个月个人账户增减明细"),
            step("check_leave_dates", "{leaveMonth}离职，原单位已办理减员"),
            step("compute_real_credit", "按实际在职月份重算，扣回减员后至医保年度末的预划资金"),
            step(
              "explain_offset",
              "已告知欠款可到窗口结清，本统筹区内重新参保后也可由划入资金抵扣",
            ),
            ...(random.chance(0.2)
              ? [step("free_text", "参保人选择到窗口结清个人账户欠款，已办理")]
              : []),
          ],
    triageFacts: (random, draft) => ({
      leftEmployer: true,
      leaveDate: dayInMonthBefore(random, draft.openedAt, draft.leftMonthsBefore),
      reductionFiled: !random.chance(0.12),
      ...maybeQuery(random, APP_OR_CARD),
    }),
    misleadingFact: (random, draft, insurance, facts) =>
      insurance.category === "active" && facts.leftEmployer === undefined
        ? {
            leftEmployer: true,
            leaveDate: dayInMonthBefore(random, draft.openedAt, random.int(1, 4)),
          }
        : null,
  },
};
