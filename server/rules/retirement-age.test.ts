import { describe, expect, it } from "vitest";
import { retirementAgeMonths, retirementDate } from "./retirement-age";

const years = (y: number, m = 0) => y * 12 + m;

describe("retirementAgeMonths", () => {
  it("keeps the old ages for those born before the first affected month", () => {
    expect(retirementAgeMonths("1964-12-31", "male")).toBe(years(60));
    expect(retirementAgeMonths("1969-12-15", "female_cadre")).toBe(years(55));
    expect(retirementAgeMonths("1974-12-01", "female_worker")).toBe(years(50));
  });

  it("adds a month for every four birth months for men and women who retired at 55", () => {
    expect(retirementAgeMonths("1965-01-01", "male")).toBe(years(60, 1));
    expect(retirementAgeMonths("1965-04-30", "male")).toBe(years(60, 1));
    expect(retirementAgeMonths("1965-05-01", "male")).toBe(years(60, 2));
    expect(retirementAgeMonths("1970-09-10", "female_cadre")).toBe(years(55, 3));
  });

  it("adds a month for every two birth months for women who retired at 50", () => {
    expect(retirementAgeMonths("1975-02-28", "female_worker")).toBe(years(50, 1));
    expect(retirementAgeMonths("1975-03-01", "female_worker")).toBe(years(50, 2));
  });

  it("stops at 63, 58 and 55", () => {
    expect(retirementAgeMonths("1976-08-31", "male")).toBe(years(62, 11));
    expect(retirementAgeMonths("1976-09-01", "male")).toBe(years(63));
    expect(retirementAgeMonths("1990-01-01", "male")).toBe(years(63));
    expect(retirementAgeMonths("1990-01-01", "female_cadre")).toBe(years(58));
    expect(retirementAgeMonths("1984-12-01", "female_worker")).toBe(years(55));
  });
});

describe("retirementDate", () => {
  it("moves the birth date on by the age", () => {
    expect(retirementDate("1964-06-15", "male")).toBe("2024-06-15");
    expect(retirementDate("1965-01-20", "male")).toBe("2025-02-20");
    expect(retirementDate("1975-01-10", "female_worker")).toBe("2025-02-10");
  });

  it("keeps the day inside a shorter month", () => {
    expect(retirementDate("1965-01-31", "male")).toBe("2025-02-28");
  });
});
