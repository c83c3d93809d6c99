import { formatFen } from "./money";
import type { Policy } from "./policy-settings";

// A region's rules as phrases for member-facing text (letters, explanations). Each reads the
// settings in force for the member's region; none holds a date or an amount of its own.

// "2022年7月起" when the region's reform date is known, otherwise the phrase that leaves it to
// the local date.
export function reformSince(policy: Policy): string {
  return reformSinceDate(policy.reform_start.value.date);
}

export function reformSinceDate(date: string | null): string {
  if (!date) return "门诊共济改革在本地实施后（实施时间以当地为准）";
  const [year, month] = date.split("-").map(Number);
  return `${year}年${month}月起`;
}

// "每年4月1日至次年3月31日" or "每年1月1日至12月31日".
export function insuranceYearSpan(policy: Policy): string {
  const start = policy.insurance_year_start.value.month;
  if (start === 1) return "每年1月1日至12月31日";
  const endMonth = start - 1;
  const endDay = new Date(Date.UTC(2001, endMonth, 0)).getUTCDate();
  return `每年${start}月1日至次年${endMonth}月${endDay}日`;
}

// "大额医疗补助每月13.00 元、大病保险每月8.00 元", or null where the region deducts nothing.
export function deductionsInWords(policy: Policy): string | null {
  const { items } = policy.monthly_deductions.value;
  if (items.length === 0) return null;
  return items.map((item) => `${item.name}每月 ${formatFen(item.monthlyFen)}`).join("、");
}

// How the region credits retirees since the reform.
export function retireeAllocationInWords(policy: Policy): string {
  const allocation = policy.retiree_allocation.value;
  if (allocation.kind === "fixed") {
    return `由统筹基金按本地标准定额划入，每月 ${formatFen(allocation.monthlyFen)}`;
  }
  if (allocation.kind === "pension_share") {
    return `按您上年度基本养老金的 ${allocation.percent}% 划入`;
  }
  return "由统筹基金按本地规定的标准定额划入";
}
