// The region's insurance year (医保年度) around a day: it starts in January, April or July
// (insurance_year_start), and the turn of the year is when last year's balance is carried over
// to the 历年账户 and, where the region pre-allocates, the new year's credit arrives at once.
import { monthsBetween, shiftMonth } from "./calendar-day";

// The first month ("YYYY-MM") of the insurance year that contains `day`.
export function insuranceYearStartMonthOf(day: string, startMonth: number): string {
  const [year, month] = day.split("-").map(Number) as [number, number];
  const startYear = month >= startMonth ? year : year - 1;
  return `${startYear}-${String(startMonth).padStart(2, "0")}`;
}

// The last day of the insurance year that contains `day` (YYYY-MM-DD).
export function insuranceYearEnd(day: string, startMonth: number): string {
  const last = shiftMonth(insuranceYearStartMonthOf(day, startMonth), 11);
  const [year, month] = last.split("-").map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${last}-${String(lastDay).padStart(2, "0")}`;
}

// Whole months from the start of the insurance year to `day`: 0 in its first month.
export const monthsIntoInsuranceYear = (day: string, startMonth: number) =>
  monthsBetween(insuranceYearStartMonthOf(day, startMonth), day.slice(0, 7));

// Whether a month ("YYYY-MM") is the last of an insurance year.
export const isLastMonthOfInsuranceYear = (month: string, startMonth: number) =>
  monthsIntoInsuranceYear(`${month}-01`, startMonth) === 11;
