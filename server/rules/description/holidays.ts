// The holidays members date things by. 五一, 国庆 and 元旦 fall on fixed Gregorian days; 春节
// follows the lunar calendar, so its day comes from a table (checked against the chinese-days
// lunar conversion in the test). A year outside the table gives no date rather than a guess.

const SPRING_FESTIVAL: Record<number, string> = {
  2020: "2020-01-25",
  2021: "2021-02-12",
  2022: "2022-02-01",
  2023: "2023-01-22",
  2024: "2024-02-10",
  2025: "2025-01-29",
  2026: "2026-02-17",
  2027: "2027-02-06",
  2028: "2028-01-26",
  2029: "2029-02-13",
  2030: "2030-02-03",
};

export const SPRING_FESTIVAL_YEARS = Object.keys(SPRING_FESTIVAL).map(Number);

export type Holiday = "labour_day" | "national_day" | "new_year" | "spring_festival";

const FIXED_DAYS: Record<Exclude<Holiday, "spring_festival">, string> = {
  labour_day: "05-01",
  national_day: "10-01",
  new_year: "01-01",
};

// The names members use, longest first so that 国庆节 is not read as 国庆 plus a stray 节.
export const HOLIDAY_NAMES: readonly (readonly [string, Holiday])[] = [
  ["大年初一", "spring_festival"],
  ["劳动节", "labour_day"],
  ["国庆节", "national_day"],
  ["春节", "spring_festival"],
  ["过年", "spring_festival"],
  ["国庆", "national_day"],
  ["五一", "labour_day"],
  ["元旦", "new_year"],
  ["十一", "national_day"],
];

// The Gregorian day of a holiday in a year, or null when it is not known.
export function holidayDay(holiday: Holiday, year: number): string | null {
  if (holiday === "spring_festival") return SPRING_FESTIVAL[year] ?? null;
  return `${year}-${FIXED_DAYS[holiday]}`;
}
