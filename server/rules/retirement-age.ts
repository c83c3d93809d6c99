// The statutory retirement age (法定退休年龄) as phased in from 1 January 2025 by the NPC
// Standing Committee's decision on gradually raising it: men from 60 to 63 and women whose age
// was 55 (干部) from 55 to 58, one month later for every four months of birth; women whose age
// was 50 (工人) from 50 to 55, one month later for every two months of birth. Who was born
// before the first affected month keeps the old age. The demo draws its retirees with it, so a
// retiree is never younger than the law allowed on the day they call.

export const RETIREMENT_GROUPS = ["male", "female_cadre", "female_worker"] as const;
export type RetirementGroup = (typeof RETIREMENT_GROUPS)[number];

type Schedule = {
  // The old age, in years.
  baseYears: number;
  // The first birth month (YYYY-MM) the delay applies to.
  firstBirthMonth: string;
  // Birth months per month of delay, and the delay's cap in months.
  monthsPerStep: number;
  capMonths: number;
};

const SCHEDULES: Record<RetirementGroup, Schedule> = {
  male: { baseYears: 60, firstBirthMonth: "1965-01", monthsPerStep: 4, capMonths: 36 },
  female_cadre: { baseYears: 55, firstBirthMonth: "1970-01", monthsPerStep: 4, capMonths: 36 },
  female_worker: { baseYears: 50, firstBirthMonth: "1975-01", monthsPerStep: 2, capMonths: 60 },
};

const monthIndex = (yearMonth: string) => {
  const [year, month] = yearMonth.split("-").map(Number) as [number, number];
  return year * 12 + month - 1;
};

// The retirement age of someone born on `birthDate` (YYYY-MM-DD), in whole months.
export function retirementAgeMonths(birthDate: string, group: RetirementGroup): number {
  const schedule = SCHEDULES[group];
  const since = monthIndex(birthDate.slice(0, 7)) - monthIndex(schedule.firstBirthMonth);
  const delay =
    since < 0 ? 0 : Math.min(schedule.capMonths, Math.floor(since / schedule.monthsPerStep) + 1);
  return schedule.baseYears * 12 + delay;
}

// The day they reach it: the birth date moved on by the age, kept inside a shorter month.
export function retirementDate(birthDate: string, group: RetirementGroup): string {
  const [year, month, day] = birthDate.split("-").map(Number) as [number, number, number];
  const target = year * 12 + (month - 1) + retirementAgeMonths(birthDate, group);
  const targetYear = Math.floor(target / 12);
  const targetMonth = (target % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${targetYear}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`;
}
