// 离职减员's triage rules: a leave (or a reduction filed) in the region's crediting mode, and a
// leave at the end of the region's insurance year, which takes nothing back unless the reduction
// came after the next year's pre-allocation.
import { chineseDay, chineseMonth, daysBetween, shiftMonth } from "../../rules/calendar-day";
import { insuranceYearEnd, isLastMonthOfInsuranceYear } from "../../rules/insurance-year";
import { formatFen } from "../../rules/money";
import { namedRule, type TriageFacts, type TriageHit } from "../../rules/triage";
import { hit } from "../cause-module";

// Whether the member left an employer: as answered, or as a leave date or a filed reduction
// (减员 is filed when an employment ends) imply.
function leftOf(facts: TriageFacts): boolean | null {
  if (facts.leftEmployer != null) return facts.leftEmployer;
  return facts.leaveDate || facts.reductionFiled === true || facts.reductionMonth ? true : null;
}

// A leave in the last month of the region's insurance year, which leaveAtYearEnd reads.
const leftAtYearEnd = ({ leaveDate }: TriageFacts, startMonth: number) =>
  Boolean(leaveDate && isLastMonthOfInsuranceYear(leaveDate.slice(0, 7), startMonth));

const leaving = namedRule("leaving", ({ symptom, facts, today, region, balanceFen }) => {
  const left = leftOf(facts);
  if (left === true && leftAtYearEnd(facts, region.insuranceYearStartMonth)) return [];
  const preAllocated = region.creditingMode === "pre_allocation";
  const negative = symptom === "negative" || (balanceFen !== null && balanceFen < 0);
  if (left === false) {
    // Without a leave only a transfer or a restructuring files a reduction.
    return negative && preAllocated
      ? [
          hit(
            "resignation",
            20,
            "您没有离职，但单位改制、调动等情况下原单位也会为您办理减员，同样会扣回预划资金。",
          ),
        ]
      : [];
  }
  if (left === null) {
    return negative && preAllocated
      ? [
          hit(
            "resignation",
            25,
            "您所在地区按医保年度提前划入个人账户，余额为负数最常见的原因是单位办理减员后扣回了预划资金。",
          ),
        ]
      : [];
  }
  const days = facts.leaveDate ? daysBetween(facts.leaveDate, today) : null;
  if (days !== null && days > 365) {
    return [hit("resignation", 10, "您离职已超过一年，减员结算早已完成。")];
  }
  const hits: TriageHit[] = [];
  if (preAllocated) {
    hits.push(
      hit(
        "resignation",
        35,
        "您近期离开了原单位。您所在地区按医保年度提前划入个人账户资金，离职后单位办理减员，系统会扣回减员后至医保年度末的预划资金。",
      ),
    );
    if (negative) {
      hits.push(
        hit(
          "resignation",
          35,
          "离职后余额变成负数，通常是离职前已刷卡用掉的钱多于重新核算后实际应划入的金额。",
        ),
      );
    } else if (symptom === "sudden_drop") {
      hits.push(hit("resignation", 15, "离职后余额突然减少，符合减员后扣回预划资金的情况。"));
    } else if (symptom === "mismatch") {
      hits.push(
        hit("resignation", 10, "离职后按实际在职月份重新核算，余额会比按全年预划估算的少。"),
      );
    }
    const expected = facts.expectedBalanceFen;
    if (expected != null && balanceFen !== null && balanceFen < expected) {
      hits.push(
        hit(
          "resignation",
          10,
          `您预计的 ${formatFen(expected)} 多半是按全年预划资金估算的，减员后扣回的部分不在其中。`,
        ),
      );
    }
  } else {
    hits.push(
      hit(
        "resignation",
        35,
        "您近期离开了原单位。您所在地区按月划入个人账户，单位办理减员后停止划入，余额不再增加。",
      ),
    );
    if (symptom === "mismatch" || symptom === "zero") {
      hits.push(
        hit("resignation", 20, "离职后不再划入，余额停在离职时的水平，已划入的钱仍可继续使用。"),
      );
    } else if (negative && facts.reductionFiled !== true) {
      // Nothing credited month by month is taken back, but a leave the employer has not settled
      // (减员 not filed) can leave the account below zero until it is.
      hits.push(
        hit(
          "resignation",
          20,
          "离职后原单位未及时办理减员并结算时，个人账户也可能显示为负数，需原单位办理减员后结清。",
        ),
      );
    } else if (negative || symptom === "sudden_drop") {
      // Nothing credited month by month is ever taken back.
      hits.push(hit("resignation", negative ? -20 : -15, "按月划入的地区离职不会扣回已划入的钱。"));
    }
  }
  if (facts.reductionFiled === false) {
    hits.push(hit("resignation", 10, "单位尚未办理减员，账户需要单位办理减员并结算后才能核准。"));
  }
  if (preAllocated && days !== null && days >= 0 && days <= 180) {
    hits.push(hit("resignation", 10, `您离职至今约${days}天，仍在减员结算通常影响的时间内。`));
  }
  return hits;
});

// A leave in the last month of the insurance year takes nothing back: the months after it
// belong to the next year, whose credit the leaver is not given — unless the employer filed the
// reduction only after the next year's pre-allocation, which then is taken back whole.
const leaveAtYearEnd = namedRule("leaveAtYearEnd", ({ symptom, facts, region, balanceFen }) => {
  const leave = facts.leaveDate;
  const startMonth = region.insuranceYearStartMonth;
  if (!leave || facts.leftEmployer === false || !leftAtYearEnd(facts, startMonth)) return [];
  const on =
    leave === insuranceYearEnd(leave, startMonth)
      ? `${chineseDay(leave)}离职，正好是医保年度的最后一天`
      : `${chineseDay(leave)}离职，在医保年度的最后一个月`;
  const reduction = facts.reductionMonth ?? null;
  const preAllocated = region.creditingMode === "pre_allocation";
  const negative = symptom === "negative" || (balanceFen !== null && balanceFen < 0);
  const late = reduction !== null && reduction >= shiftMonth(leave.slice(0, 7), 1);
  if (preAllocated && late && symptom !== "mismatch") {
    return [
      hit(
        "resignation",
        75,
        `您在${on}，本来不会扣回预划资金；但单位到${chineseMonth(reduction)}才办理减员，晚于新医保年度的预划，新年度预划的资金被整体扣回，${negative ? "之前已刷卡用掉的部分就成了负数" : "余额因此减少"}。`,
      ),
    ];
  }
  const nothingBack = preAllocated
    ? `您在${on}，减员不会扣回预划资金`
    : `您在${on}，本地按月划入，离职不会扣回已划入的钱`;
  if (!negative) {
    return [
      hit("other:medical_spending", 40, `${nothingBack}，余额减少多半是平时就医购药的正常支出。`),
    ];
  }
  const hits: TriageHit[] = [];
  if (preAllocated && reduction === null) {
    hits.push(
      hit(
        "resignation",
        20,
        `${nothingBack}；但如果单位在新医保年度开始后才办理减员，会扣回新年度的预划资金，需要核对减员时间。`,
      ),
    );
  }
  if (region.monthlyDeductionFen > 0) {
    hits.push(
      hit(
        "policy_reform:deduction",
        25,
        `本市每月从个人账户扣缴${region.deductionNames.join("、")}共 ${formatFen(region.monthlyDeductionFen)}，新年度资金到账前账户用空时会扣成负数。`,
      ),
    );
  }
  return hits;
});

export const RESIGNATION_RULES = [leaving, leaveAtYearEnd];
