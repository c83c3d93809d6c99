import { z } from "zod";
import { POLICY_SETTING_CODES, type PolicySetting } from "@/db/constants";
import { addDays, chineseMonth, isCalendarDay, monthsBetween, shiftMonth } from "./calendar-day";
import { explainLeave } from "./leave-explanation";
import { formatFen } from "./money";
import type { Policy, PolicyValue } from "./policy-settings";

// 离职减员: where the personal account is credited a whole insurance year in advance (预划), a
// member who leaves mid-year keeps only what the months up to the reduction should have brought:
//   实际划入资金 = 预划资金 − 减员后至医保年度末的预划资金
// Spending before the leave (card, 家庭共济 use by relatives, deductions) above the carried-over
// balance plus that figure is what turns the account negative.
//
// Conventions, chosen to match how the agency explains it and written down so figures agree:
// - The insurance year is the region's (`insurance_year_start`): the one the leave date falls
//   in. A year starting in April runs from 1 April to 31 March, one starting in January is the
//   calendar year, one starting in July runs from July to the end of the next June.
// - Credits start in the year's first month, or in the enrolment month for a member who joined
//   mid-year (`creditStartMonth`).
// - The 减员生效月份 is the last month paid and credited; the form proposes the leave month. The
//   months after it up to the end of the insurance year are taken back. A reduction in the
//   year's last month takes nothing back; one after the year's end leaves this year whole (the
//   next year's pre-allocation is another calculation); one in the month before the credits
//   start takes the whole year back.
// - A region that credits monthly (`crediting_mode`) paid nothing in advance, so nothing is taken
//   back: credits simply stop from the month after the reduction. The expected balance is still
//   worked out the same way.
// - The monthly credit is the usual input. A yearly total alone is spread with the odd 分 on the
//   earliest months, so the amount taken back is rounded down, in the member's favour, by less
//   than one 分 per month; both given must agree.
// - A monthly credit outside what the region's contribution base allows (floor × percent …
//   ceiling × percent, widened to whole 分) is a warning, not an error: the base or the figure
//   may be out of date, and the caseworker decides.
// - Expected balance = 上年结转 + credits kept − (card spending + 家庭共济 + deductions).
// All money is integer 分; dates are "YYYY-MM-DD" and months "YYYY-MM" (Beijing calendar).

// The settings the calculation reads; a saved step names their versions.
export const LEAVE_POLICY_SETTINGS = [
  "insurance_year_start",
  "crediting_mode",
  "contribution_base",
  "monthly_deductions",
] as const satisfies readonly PolicySetting[];

export type CreditingMode = PolicyValue<"crediting_mode">["mode"];

export type LeavePolicy = {
  insuranceYearStartMonth: PolicyValue<"insurance_year_start">["month"];
  creditingMode: CreditingMode;
  contributionBase: PolicyValue<"contribution_base">;
  monthlyDeductions: PolicyValue<"monthly_deductions">["items"];
};

export function leavePolicyOf(policy: Policy): LeavePolicy {
  return {
    insuranceYearStartMonth: policy.insurance_year_start.value.month,
    creditingMode: policy.crediting_mode.value.mode,
    contributionBase: policy.contribution_base.value,
    monthlyDeductions: policy.monthly_deductions.value.items,
  };
}

export type InsuranceYear = { start: string; end: string; firstMonth: string; lastMonth: string };

// The insurance year a calendar day falls in, for a region whose year starts on the first day
// of `startMonth`.
export function insuranceYearOf(day: string, startMonth: number): InsuranceYear {
  const [year, month] = day.split("-").map(Number) as [number, number];
  const firstMonth = `${month >= startMonth ? year : year - 1}-${String(startMonth).padStart(2, "0")}`;
  return {
    start: `${firstMonth}-01`,
    end: addDays(`${shiftMonth(firstMonth, 12)}-01`, -1),
    firstMonth,
    lastMonth: shiftMonth(firstMonth, 11),
  };
}

export type LeaveCalculationInput = {
  leaveDate: string;
  // 减员生效月份: the last month paid and credited.
  reductionMonth: string;
  // The enrolment month when the member joined during the year; blank: the year's first month.
  creditStartMonth?: string | null;
  monthlyCreditFen?: number | null;
  // 全年预划总额, for regions that pre-allocate: instead of the monthly credit, or as a check.
  yearlyTotalFen?: number | null;
  // 上年结转余额.
  openingBalanceFen?: number | null;
  cardSpendingFen?: number | null;
  familyAidFen?: number | null;
  deductionsFen?: number | null;
  // The balance the member reports, to say whether the calculation explains it.
  reportedBalanceFen?: number | null;
};

export type LeaveMonth = {
  month: string;
  creditedFen: number;
  takenBackFen: number;
  note: string;
};

export type LeaveCalculation = {
  creditingMode: CreditingMode;
  insuranceYear: InsuranceYear;
  leaveDate: string;
  reductionMonth: string;
  creditStartMonth: string;
  // The typed monthly credit, or the even share of a yearly total (without its odd 分).
  monthlyCreditFen: number;
  // The year's pre-allocation; null where the region credits monthly.
  preAllocatedFen: number | null;
  creditedMonths: string[];
  removedMonths: string[];
  removedFen: number;
  realCreditFen: number;
  openingBalanceFen: number;
  cardSpendingFen: number;
  familyAidFen: number;
  deductionsFen: number;
  spentBeforeLeaveFen: number;
  expectedBalanceFen: number;
  // How far below zero the figures put the account (0 when it stays positive).
  shortfallFen: number;
  reportedBalanceFen: number | null;
  // Reported minus expected: what the calculation does not explain (null without a report).
  unexplainedFen: number | null;
  // The region's monthly deductions over the months credited, for the deductions field.
  deductionSuggestion: { fen: number; text: string } | null;
  months: LeaveMonth[];
  lines: string[];
  warnings: string[];
};

export type LeaveCalculationResult =
  | { ok: true; value: LeaveCalculation }
  | { ok: false; message: string; field: keyof LeaveCalculationInput };

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

const AMOUNT_LABELS = {
  monthlyCreditFen: "每月划入金额",
  yearlyTotalFen: "全年预划总额",
  openingBalanceFen: "上年结转余额",
  cardSpendingFen: "刷卡支出",
  familyAidFen: "家庭共济支出",
  deductionsFen: "扣缴金额",
  reportedBalanceFen: "反映余额",
} as const;
type AmountField = keyof typeof AMOUNT_LABELS;

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

// What the explanation needs beyond the figures: each month's share, and how it was typed.
export type LeaveCredit = {
  perMonth: number[];
  evenShareFen: number;
  oddFen: number;
  typedMonthlyFen: number | null;
};
export type LeaveFigures = Omit<
  LeaveCalculation,
  "deductionSuggestion" | "months" | "lines" | "warnings"
>;

export function calculateLeave(
  policy: LeavePolicy,
  input: LeaveCalculationInput,
): LeaveCalculationResult {
  const period = checkPeriod(policy, input);
  if (!period.ok) return period;
  const credit = checkCredit(policy, input, period.months);
  if (!credit.ok) return credit;
  const { year, creditStart, months } = period;
  const { perMonth } = credit;
  const preAllocating = policy.creditingMode === "pre_allocation";

  const creditedMonths = months.filter((month) => month <= input.reductionMonth);
  const realCreditFen = sum(perMonth.slice(0, creditedMonths.length));
  const openingBalanceFen = input.openingBalanceFen ?? 0;
  const cardSpendingFen = input.cardSpendingFen ?? 0;
  const familyAidFen = input.familyAidFen ?? 0;
  const deductionsFen = input.deductionsFen ?? 0;
  const spentBeforeLeaveFen = cardSpendingFen + familyAidFen + deductionsFen;
  const expectedBalanceFen = openingBalanceFen + realCreditFen - spentBeforeLeaveFen;
  const reportedBalanceFen = input.reportedBalanceFen ?? null;
  const figures: LeaveFigures = {
    creditingMode: policy.creditingMode,
    insuranceYear: year,
    leaveDate: input.leaveDate,
    reductionMonth: input.reductionMonth,
    creditStartMonth: creditStart,
    monthlyCreditFen: credit.evenShareFen,
    preAllocatedFen: preAllocating ? sum(perMonth) : null,
    creditedMonths,
    removedMonths: preAllocating ? months.slice(creditedMonths.length) : [],
    removedFen: preAllocating ? sum(perMonth.slice(creditedMonths.length)) : 0,
    realCreditFen,
    openingBalanceFen,
    cardSpendingFen,
    familyAidFen,
    deductionsFen,
    spentBeforeLeaveFen,
    expectedBalanceFen,
    shortfallFen: Math.max(0, -expectedBalanceFen),
    reportedBalanceFen,
    unexplainedFen: reportedBalanceFen === null ? null : reportedBalanceFen - expectedBalanceFen,
  };
  return { ok: true, value: { ...figures, ...explainLeave(policy, figures, credit) } };
}

type Failure = Extract<LeaveCalculationResult, { ok: false }>;

// The insurance year of the leave, the month credits start and the months they cover.
function checkPeriod(
  policy: LeavePolicy,
  input: LeaveCalculationInput,
): Failure | { ok: true; year: InsuranceYear; creditStart: string; months: string[] } {
  const { leaveDate, reductionMonth } = input;
  if (!isCalendarDay(leaveDate)) return fail("请填写有效的离职日期", "leaveDate");
  if (!MONTH_PATTERN.test(reductionMonth)) return fail("请选择减员生效月份", "reductionMonth");
  const year = insuranceYearOf(leaveDate, policy.insuranceYearStartMonth);
  const creditStart = input.creditStartMonth ?? year.firstMonth;
  if (!MONTH_PATTERN.test(creditStart)) return fail("请选择起划月份", "creditStartMonth");
  if (creditStart < year.firstMonth || creditStart > year.lastMonth) {
    return fail(
      `起划月份应在本医保年度（${chineseMonth(year.firstMonth)}至${chineseMonth(year.lastMonth)}）内`,
      "creditStartMonth",
    );
  }
  if (creditStart > leaveDate.slice(0, 7)) {
    return fail("起划月份晚于离职月份，请核对", "creditStartMonth");
  }
  const earliestReduction = shiftMonth(creditStart, -1);
  if (reductionMonth < earliestReduction) {
    return fail(
      `减员生效月份不能早于${chineseMonth(earliestReduction)}（本医保年度起划月份的上一个月）`,
      "reductionMonth",
    );
  }
  const months = Array.from(
    { length: monthsBetween(creditStart, year.lastMonth) + 1 },
    (_, index) => shiftMonth(creditStart, index),
  );
  return { ok: true, year, creditStart, months };
}

// Each month's credit, from the monthly credit or a yearly total, and the spending figures.
function checkCredit(
  policy: LeavePolicy,
  input: LeaveCalculationInput,
  months: readonly string[],
): Failure | ({ ok: true } & LeaveCredit) {
  for (const field of Object.keys(AMOUNT_LABELS) as AmountField[]) {
    const value = input[field];
    if (value != null && !Number.isSafeInteger(value)) {
      return fail(`${AMOUNT_LABELS[field]}应精确到分`, field);
    }
  }
  for (const field of ["cardSpendingFen", "familyAidFen", "deductionsFen"] as const) {
    if ((input[field] ?? 0) < 0) return fail(`${AMOUNT_LABELS[field]}不能为负数`, field);
  }
  const monthly = input.monthlyCreditFen ?? null;
  const yearly = input.yearlyTotalFen ?? null;
  const preAllocating = policy.creditingMode === "pre_allocation";
  if (!preAllocating && yearly !== null) {
    return fail("该地区按月划入个人账户，没有全年预划总额，请填写每月划入金额", "yearlyTotalFen");
  }
  if (monthly === null && yearly === null) {
    return fail(
      preAllocating ? "请填写每月划入金额或全年预划总额" : "请填写每月划入金额",
      "monthlyCreditFen",
    );
  }
  if (monthly !== null && monthly <= 0) return fail("每月划入金额应大于0", "monthlyCreditFen");
  if (yearly !== null && yearly <= 0) return fail("全年预划总额应大于0", "yearlyTotalFen");
  const count = months.length;
  if (monthly !== null && yearly !== null && monthly * count !== yearly) {
    return fail(
      `全年预划总额 ${formatFen(yearly)} 与每月划入金额 ${formatFen(monthly)} × ${count}个月 = ${formatFen(monthly * count)} 不一致，请核对，或只填其中一项`,
      "yearlyTotalFen",
    );
  }
  const evenShare = monthly ?? Math.floor((yearly as number) / count);
  const oddFen = monthly === null ? (yearly as number) % count : 0;
  return {
    ok: true,
    perMonth: months.map((_, index) => evenShare + (index < oddFen ? 1 : 0)),
    evenShareFen: evenShare,
    oddFen,
    typedMonthlyFen: monthly,
  };
}

function fail(message: string, field: keyof LeaveCalculationInput): Failure {
  return { ok: false, message, field };
}

// What a saved 计算实际划入资金 step established (resolution_steps.facts), so a letter can say it
// to the member in its own words, and which versions of the region's settings it rests on
// (an unverified one must not be stated as confirmed).
const factMonth = z.string().regex(MONTH_PATTERN);
const factDay = z.string().refine(isCalendarDay);
const factFen = z.number().int();

export const leaveCalculationFacts = z.strictObject({
  kind: z.literal("leave_calculation"),
  creditingMode: z.enum(["monthly", "pre_allocation"]),
  insuranceYear: z.strictObject({ start: factDay, end: factDay }),
  leaveDate: factDay,
  reductionMonth: factMonth,
  creditStartMonth: factMonth,
  creditedMonths: z.array(factMonth).max(12),
  removedMonths: z.array(factMonth).max(12),
  monthlyCreditFen: factFen,
  preAllocatedFen: factFen.nullable(),
  removedFen: factFen,
  realCreditFen: factFen,
  openingBalanceFen: factFen,
  cardSpendingFen: factFen,
  familyAidFen: factFen,
  deductionsFen: factFen,
  expectedBalanceFen: factFen,
  shortfallFen: factFen,
  reportedBalanceFen: factFen.nullable(),
  policySettingIds: z.array(z.number().int().positive()),
  unverifiedSettings: z.array(z.enum(POLICY_SETTING_CODES)),
});
export type LeaveCalculationFacts = z.infer<typeof leaveCalculationFacts>;

export function leaveCalculationFactsOf(
  value: LeaveCalculation,
  policy: Policy,
): LeaveCalculationFacts {
  return {
    kind: "leave_calculation",
    creditingMode: value.creditingMode,
    insuranceYear: { start: value.insuranceYear.start, end: value.insuranceYear.end },
    leaveDate: value.leaveDate,
    reductionMonth: value.reductionMonth,
    creditStartMonth: value.creditStartMonth,
    creditedMonths: value.creditedMonths,
    removedMonths: value.removedMonths,
    monthlyCreditFen: value.monthlyCreditFen,
    preAllocatedFen: value.preAllocatedFen,
    removedFen: value.removedFen,
    realCreditFen: value.realCreditFen,
    openingBalanceFen: value.openingBalanceFen,
    cardSpendingFen: value.cardSpendingFen,
    familyAidFen: value.familyAidFen,
    deductionsFen: value.deductionsFen,
    expectedBalanceFen: value.expectedBalanceFen,
    shortfallFen: value.shortfallFen,
    reportedBalanceFen: value.reportedBalanceFen,
    policySettingIds: LEAVE_POLICY_SETTINGS.map((setting) => policy[setting].id),
    unverifiedSettings: LEAVE_POLICY_SETTINGS.filter((setting) => !policy[setting].verified),
  };
}
