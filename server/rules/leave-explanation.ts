import { chineseDay, chineseMonth, monthsBetween, shiftMonth } from "./calendar-day";
import type {
  LeaveCalculation,
  LeaveCredit,
  LeaveFigures,
  LeaveMonth,
  LeavePolicy,
} from "./leave-calculator";
import { formatFen } from "./money";

// The 离职减员 calculation in words, for the caseworker and the step's internal note: the months
// one by one, the summary lines and the warnings. Pure, like the figures it explains
// (server/rules/leave-calculator.ts).

export function explainLeave(
  policy: LeavePolicy,
  figures: LeaveFigures,
  credit: LeaveCredit,
): Pick<LeaveCalculation, "deductionSuggestion" | "months" | "lines" | "warnings"> {
  const preAllocating = figures.creditingMode === "pre_allocation";
  const { insuranceYear: year } = figures;
  const lines = [
    `本医保年度为${chineseDay(year.start)}至${chineseDay(year.end)}（本地区医保年度自每年${policy.insuranceYearStartMonth}月1日起），个人账户${preAllocating ? "按医保年度预划" : "按月划入"}。`,
    ...(preAllocating ? preAllocationLines(figures, credit) : monthlyLines(figures)),
    `离职前支出合计 ${formatFen(figures.spentBeforeLeaveFen)}（刷卡 ${formatFen(figures.cardSpendingFen)}，家庭共济 ${formatFen(figures.familyAidFen)}，扣缴 ${formatFen(figures.deductionsFen)}）。`,
    balanceLine(figures),
  ];
  const { reportedBalanceFen: reported, unexplainedFen: unexplained } = figures;
  if (reported !== null && unexplained !== null) {
    lines.push(
      unexplained === 0
        ? `参保人反映的余额 ${formatFen(reported)} 与计算结果一致。`
        : `参保人反映的余额 ${formatFen(reported)} 与计算结果相差 ${formatFen(Math.abs(unexplained))}，需打印个人账户增减明细进一步核对。`,
    );
  }
  const lag = monthsBetween(figures.leaveDate.slice(0, 7), figures.reductionMonth);
  const warnings = [
    baseRangeWarning(policy.contributionBase, credit),
    lag > 1 ? `减员生效月份比离职月份晚${lag}个月，请核对单位办理减员的时间。` : null,
  ].filter((warning): warning is string => warning !== null);
  return {
    deductionSuggestion: deductionSuggestion(policy, figures.creditedMonths.length),
    months: monthRows(figures, credit),
    lines,
    warnings,
  };
}

// Every month from the first credited to the year's last, with a running total in its note.
function monthRows(figures: LeaveFigures, credit: LeaveCredit): LeaveMonth[] {
  const preAllocating = figures.creditingMode === "pre_allocation";
  const leaveMonth = figures.leaveDate.slice(0, 7);
  let kept = 0;
  let takenBack = 0;
  return credit.perMonth.map((amount, index) => {
    const month = shiftMonth(figures.creditStartMonth, index);
    const marks = [
      month === leaveMonth ? "离职当月" : null,
      month === figures.reductionMonth ? "减员生效月份，仍计入" : null,
    ].filter((mark): mark is string => mark !== null);
    if (month <= figures.reductionMonth) {
      kept += amount;
      const status = `${preAllocating ? "预划保留" : "按月划入"}，累计 ${formatFen(kept)}`;
      return { month, creditedFen: amount, takenBackFen: 0, note: [...marks, status].join("；") };
    }
    if (!preAllocating) {
      return {
        month,
        creditedFen: 0,
        takenBackFen: 0,
        note: [...marks, "减员后停止划入"].join("；"),
      };
    }
    takenBack += amount;
    const status = `预划扣回，累计扣回 ${formatFen(takenBack)}`;
    return { month, creditedFen: 0, takenBackFen: amount, note: [...marks, status].join("；") };
  });
}

const span = (months: readonly string[]) =>
  `${chineseMonth(months[0] as string)}至${chineseMonth(months.at(-1) as string)}共${months.length}个月`;

function preAllocationLines(f: LeaveFigures, credit: LeaveCredit): string[] {
  const total = f.preAllocatedFen as number;
  const yearEnd = chineseDay(f.insuranceYear.end);
  const share =
    credit.oddFen === 0
      ? `每月 ${formatFen(f.monthlyCreditFen)}`
      : `每月 ${formatFen(f.monthlyCreditFen)}，不能整除的 ${credit.oddFen} 分计入最早的月份`;
  const opening = `离职日期${chineseDay(f.leaveDate)}，减员生效月份为${chineseMonth(f.reductionMonth)}`;
  let takeBack: string;
  if (f.removedMonths.length === 0) {
    takeBack =
      f.reductionMonth > f.insuranceYear.lastMonth
        ? `${opening}，已在医保年度末（${yearEnd}）之后，本年度预划资金不扣回；下一医保年度已预划的资金另行核算。`
        : `${opening}，是本医保年度最后一个月，减员后至医保年度末没有需要扣回的预划资金。`;
  } else if (f.creditedMonths.length === 0) {
    takeBack = `${opening}，在本年度起划之前，本年度预划资金 ${formatFen(f.removedFen)} 全部扣回。`;
  } else {
    takeBack = `${opening}（该月仍计入）；${span(f.removedMonths)}的预划资金 ${formatFen(f.removedFen)} 应扣回。`;
  }
  return [
    `本医保年度预划期间为${span([...f.creditedMonths, ...f.removedMonths])}，预划资金 ${formatFen(total)}（${share}）。`,
    takeBack,
    `实际划入资金 = 预划资金 ${formatFen(total)} − 减员后至医保年度末（${yearEnd}）的预划资金 ${formatFen(f.removedFen)} = ${formatFen(f.realCreditFen)}。`,
  ];
}

function monthlyLines(f: LeaveFigures): string[] {
  const reduction = `减员生效月份为${chineseMonth(f.reductionMonth)}`;
  const stop =
    f.reductionMonth >= f.insuranceYear.lastMonth
      ? `${reduction}，本医保年度各月均正常划入。`
      : `${reduction}，自${chineseMonth(shiftMonth(f.reductionMonth, 1))}起停止划入。`;
  return [
    `本地区按月划入个人账户，没有提前预划的资金，减员后不扣回已划入的资金。${stop}`,
    f.creditedMonths.length === 0
      ? "本医保年度减员前没有按月划入的资金。"
      : `本医保年度${span(f.creditedMonths)}按月划入，每月 ${formatFen(f.monthlyCreditFen)}，合计 ${formatFen(f.realCreditFen)}。`,
  ];
}

function balanceLine(f: LeaveFigures): string {
  const preAllocating = f.creditingMode === "pre_allocation";
  const creditLabel = preAllocating ? "实际划入资金" : "本年度已划入";
  const formula = `应有余额 = 上年结转 ${formatFen(f.openingBalanceFen)} + ${creditLabel} ${formatFen(f.realCreditFen)} − 离职前支出 ${formatFen(f.spentBeforeLeaveFen)} = ${formatFen(f.expectedBalanceFen)}`;
  if (f.shortfallFen === 0)
    return `${formula}，减员后账户应余 ${formatFen(f.expectedBalanceFen)}。`;
  return preAllocating
    ? `${formula}；支出比上年结转与实际划入资金之和多 ${formatFen(f.shortfallFen)}，因此减员后账户显示为 ${formatFen(f.expectedBalanceFen)}。`
    : `${formula}；按月划入的地区减员不扣回资金，这 ${formatFen(f.shortfallFen)} 的差额不是减员造成的，请打印个人账户增减明细核对。`;
}

// The bounds are widened to whole 分 (floor below, ceiling above), so a credit computed from a
// base at either limit never warns.
function baseRangeWarning(base: LeavePolicy["contributionBase"], credit: LeaveCredit) {
  const share = (fen: number) => Math.round(fen * base.accountPercent * 10_000) / 1_000_000;
  const lowest = Math.floor(share(base.floorFen));
  const highest = Math.ceil(share(base.ceilingFen));
  const below = Math.max(...credit.perMonth) < lowest;
  if (!below && Math.min(...credit.perMonth) <= highest) return null;
  const creditText =
    credit.typedMonthlyFen !== null
      ? `每月划入金额 ${formatFen(credit.typedMonthlyFen)}`
      : `全年预划总额折合每月 ${formatFen(Math.min(...credit.perMonth))}`;
  return `${creditText} ${below ? "低于" : "高于"}本地区缴费基数对应的划入范围 ${formatFen(lowest)}～${formatFen(highest)}（缴费基数 ${formatFen(base.floorFen)}～${formatFen(base.ceilingFen)} × 个人账户划入 ${base.accountPercent}%），请核对缴费基数或划入金额。`;
}

// The region's monthly deductions over the months credited, offered for the deductions field.
function deductionSuggestion(policy: LeavePolicy, months: number) {
  const items = policy.monthlyDeductions;
  const perMonth = items.reduce((total, item) => total + item.monthlyFen, 0);
  if (months === 0 || perMonth === 0) return null;
  const named = items.map((item) => `${item.name} ${formatFen(item.monthlyFen)}/月`).join("、");
  return {
    fen: perMonth * months,
    text: `${named} × ${months}个月 = ${formatFen(perMonth * months)}`,
  };
}
