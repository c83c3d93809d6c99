import { chineseDay, isCalendarDay } from "./calendar-day";
import { formatFen } from "./money";

// 离职减员: where the personal account is credited a whole insurance year in advance (预划), a
// member who leaves mid-year keeps only what the months up to the leave should have brought:
//   实际划入资金 = 预划资金 − 离职后至6月底的预划资金
// Card spending before the leave above that figure is what turns the account negative.
//
// Conventions, chosen to match how the agency explains it and written down so figures agree:
// - The pre-allocation runs from its first month (the enrolment month, or July) to 30 June.
// - The leave month still counts as credited; the months after it up to June are taken back.
//   A leave in June, and on 30 June in particular, takes nothing back.
// - A leave after 30 June falls in the next insurance year: this year's credit stays whole.
// - A yearly total that does not divide evenly by the months is spread with the odd 分 on the
//   earliest months, so the amount taken back is rounded down, in the member's favour, by less
//   than one 分 per month.

export type LeaveCalculationInput = {
  // "YYYY-MM": the first month the pre-allocation covers.
  periodStart: string;
  leaveDate: string;
  // Either the year's pre-allocated total or the monthly credit.
  preAllocatedFen?: number | null;
  monthlyCreditFen?: number | null;
  spentBeforeLeaveFen: number;
  // The balance the member reports, to say whether the calculation explains it.
  reportedBalanceFen?: number | null;
};

export type LeaveCalculation = {
  periodStart: string;
  yearEnd: string;
  totalMonths: number;
  keptMonths: number;
  removedMonths: number;
  afterYearEnd: boolean;
  preAllocatedFen: number;
  removedFen: number;
  realCreditFen: number;
  spentBeforeLeaveFen: number;
  expectedBalanceFen: number;
  // How far below zero the leave explains the account to be (0 when it stays positive).
  shortfallFen: number;
  // Reported minus expected: what the leave does not explain (null without a report).
  unexplainedFen: number | null;
  lines: string[];
};

export type LeaveCalculationResult =
  | { ok: true; value: LeaveCalculation }
  | { ok: false; message: string; field: keyof LeaveCalculationInput };

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

const monthSerial = (year: number, month: number) => year * 12 + (month - 1);
const monthLabel = (serial: number) => `${Math.floor(serial / 12)}年${(serial % 12) + 1}月`;

export function calculateLeave(input: LeaveCalculationInput): LeaveCalculationResult {
  const start = MONTH_PATTERN.exec(input.periodStart);
  if (!start) return fail("请选择预划起始月份", "periodStart");
  if (!isCalendarDay(input.leaveDate)) return fail("请填写有效的离职日期", "leaveDate");
  const startYear = Number(start[1]);
  const startMonth = Number(start[2]);
  const startSerial = monthSerial(startYear, startMonth);
  // The insurance year ends on the first 30 June not before the start month.
  const endYear = startMonth >= 7 ? startYear + 1 : startYear;
  const endSerial = monthSerial(endYear, 6);
  const yearEnd = `${endYear}-06-30`;
  const totalMonths = endSerial - startSerial + 1;

  const [leaveYear, leaveMonth] = input.leaveDate.split("-").map(Number) as [number, number];
  const leaveSerial = monthSerial(leaveYear, leaveMonth);
  if (leaveSerial < startSerial) {
    return fail("离职日期早于预划起始月份，请核对", "leaveDate");
  }

  const { preAllocatedFen, monthlyCreditFen } = input;
  const hasTotal = preAllocatedFen != null;
  const hasMonthly = monthlyCreditFen != null;
  if (hasTotal === hasMonthly) {
    return fail("请填写本年度预划资金或每月划入金额（二选一）", "preAllocatedFen");
  }
  if ((preAllocatedFen ?? monthlyCreditFen ?? 0) <= 0) {
    return fail("预划金额应大于0", hasTotal ? "preAllocatedFen" : "monthlyCreditFen");
  }
  if (input.spentBeforeLeaveFen < 0) {
    return fail("离职前支出不能为负数", "spentBeforeLeaveFen");
  }

  const afterYearEnd = leaveSerial > endSerial;
  const keptMonths = afterYearEnd ? totalMonths : leaveSerial - startSerial + 1;
  const removedMonths = totalMonths - keptMonths;

  let total: number;
  let realCreditFen: number;
  if (hasMonthly) {
    const monthly = monthlyCreditFen as number;
    total = monthly * totalMonths;
    realCreditFen = monthly * keptMonths;
  } else {
    total = preAllocatedFen as number;
    const base = Math.floor(total / totalMonths);
    const odd = total % totalMonths;
    realCreditFen = base * keptMonths + Math.min(keptMonths, odd);
  }
  const removedFen = total - realCreditFen;
  const expectedBalanceFen = realCreditFen - input.spentBeforeLeaveFen;
  const shortfallFen = Math.max(0, -expectedBalanceFen);
  const reported = input.reportedBalanceFen ?? null;
  const unexplainedFen = reported === null ? null : reported - expectedBalanceFen;

  const lines = [
    `本参保年度预划期间为${monthLabel(startSerial)}至${monthLabel(endSerial)}，共${totalMonths}个月，预划资金 ${formatFen(total)}${hasMonthly ? `（每月 ${formatFen(monthlyCreditFen as number)}）` : ""}。`,
  ];
  if (afterYearEnd) {
    lines.push(
      `离职日期${chineseDay(input.leaveDate)}已在本参保年度结束（${chineseDay(yearEnd)}）之后，本年度预划资金不扣回；下一参保年度已预划的资金按新年度另行核算。`,
    );
  } else if (removedMonths === 0) {
    lines.push(
      `离职日期${chineseDay(input.leaveDate)}在参保年度最后一个月，离职后至6月底没有需要扣回的预划资金。`,
    );
  } else {
    lines.push(
      `离职日期${chineseDay(input.leaveDate)}，离职当月仍计入；${monthLabel(leaveSerial + 1)}至${monthLabel(endSerial)}共${removedMonths}个月的预划资金 ${formatFen(removedFen)} 应扣回。`,
    );
  }
  lines.push(
    `实际划入资金 = 预划资金 ${formatFen(total)} − 离职后至6月底预划资金 ${formatFen(removedFen)} = ${formatFen(realCreditFen)}。`,
  );
  lines.push(
    shortfallFen > 0
      ? `离职前刷卡支出 ${formatFen(input.spentBeforeLeaveFen)}，比实际划入资金多 ${formatFen(shortfallFen)}，因此减员后账户显示为 ${formatFen(expectedBalanceFen)}。`
      : `离职前刷卡支出 ${formatFen(input.spentBeforeLeaveFen)}，未超过实际划入资金，减员后账户应余 ${formatFen(expectedBalanceFen)}。`,
  );
  if (unexplainedFen !== null && reported !== null) {
    lines.push(
      unexplainedFen === 0
        ? `参保人反映的余额 ${formatFen(reported)} 与计算结果一致。`
        : `参保人反映的余额 ${formatFen(reported)} 与计算结果相差 ${formatFen(Math.abs(unexplainedFen))}，需打印个人账户增减明细进一步核对。`,
    );
  }

  return {
    ok: true,
    value: {
      periodStart: input.periodStart,
      yearEnd,
      totalMonths,
      keptMonths,
      removedMonths,
      afterYearEnd,
      preAllocatedFen: total,
      removedFen,
      realCreditFen,
      spentBeforeLeaveFen: input.spentBeforeLeaveFen,
      expectedBalanceFen,
      shortfallFen,
      unexplainedFen,
      lines,
    },
  };
}

function fail(message: string, field: keyof LeaveCalculationInput): LeaveCalculationResult {
  return { ok: false, message, field };
}
