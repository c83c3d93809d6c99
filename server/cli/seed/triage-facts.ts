// The pieces the cause profiles build their demo triage answers from: the fields the triage panel
// sends, the dates members give and how they looked up their balance. Built on the calendar-day
// rules rather than the seed calendar, so the cause modules stay light enough for the browser,
// where the triage panel runs the same rules.
import type { BalanceQueryMethod } from "@/db/constants";
import { addDays, shanghaiDay, shanghaiMonth, shiftMonth } from "../../rules/calendar-day";
import { insuranceYearEnd } from "../../rules/insurance-year";
import type { Random, Weighted } from "./random";

// The same fields as the triage panel sends (TriageFacts in server/rules/triage.ts).
export type DemoTriageFacts = {
  leftEmployer?: boolean;
  leaveDate?: string;
  reductionFiled?: boolean;
  expectedBalanceFen?: number;
  boundRelatives?: number;
  employerPaid?: boolean;
  employerPaidOn?: string;
  recentlyEnrolled?: boolean;
  queryMethod?: BalanceQueryMethod;
};

export const APP_OR_CARD: Weighted<BalanceQueryMethod> = [
  ["insurance_app", 60],
  ["pharmacy", 25],
  ["counter", 15],
];
export const AT_THE_PHARMACY: Weighted<BalanceQueryMethod> = [
  ["pharmacy", 70],
  ["insurance_app", 30],
];
export const RELATIVE_COUNTS: Weighted<number> = [
  [1, 60],
  [2, 30],
  [3, 10],
];

// The Beijing calendar day `back` days before the filing day.
export function dayBefore(openedAt: Date, back: number): string {
  return addDays(shanghaiDay(openedAt), -back);
}

// A day in the month `back` months before filing; never after the 28th, since a leave on the
// last day of an insurance year removes nothing and the 离职减员 scenarios are about what the reduction took back.
export function dayInMonthBefore(random: Random, openedAt: Date, back: number): string {
  const month = shiftMonth(shanghaiMonth(openedAt), -back);
  return `${month}-${String(random.int(1, 28)).padStart(2, "0")}`;
}

// The final day of the insurance year before the one the enquiry was filed in. Insurance years
// end in December, March or June, on a day every year has.
export function lastInsuranceYearEnd(openedAt: Date, startMonth: number): string {
  const end = insuranceYearEnd(shanghaiDay(openedAt), startMonth);
  return `${Number(end.slice(0, 4)) - 1}${end.slice(4)}`;
}

export const maybeQuery = (random: Random, methods: Weighted<BalanceQueryMethod>) =>
  random.chance(0.5) ? { queryMethod: random.weighted(methods) } : {};
