import { getSolarDateFromLunar } from "chinese-days";
import { describe, expect, it } from "vitest";
import { holidayDay, SPRING_FESTIVAL_YEARS } from "./holidays";

describe("holidayDay", () => {
  it("puts 五一, 国庆 and 元旦 on their fixed days", () => {
    expect(holidayDay("labour_day", 2025)).toBe("2025-05-01");
    expect(holidayDay("national_day", 2025)).toBe("2025-10-01");
    expect(holidayDay("new_year", 2026)).toBe("2026-01-01");
  });

  it("knows 春节 from 2020 to 2030 and nothing outside", () => {
    expect(SPRING_FESTIVAL_YEARS).toEqual([
      2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030,
    ]);
    expect(holidayDay("spring_festival", 2026)).toBe("2026-02-17");
    expect(holidayDay("spring_festival", 2019)).toBeNull();
    expect(holidayDay("spring_festival", 2031)).toBeNull();
  });

  it("agrees with the lunar calendar on every 正月初一 in the table", () => {
    for (const year of SPRING_FESTIVAL_YEARS) {
      expect(holidayDay("spring_festival", year)).toBe(getSolarDateFromLunar(`${year}-01-01`).date);
    }
  });
});
