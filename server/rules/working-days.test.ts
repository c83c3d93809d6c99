import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  addWorkingDaysToDate,
  isWorkingDay,
  LAST_CALENDAR_YEAR,
  workingDaysBetween,
} from "./working-days";

// Beijing wall-clock time as an instant.
const beijing = (local: string) => new Date(`${local}+08:00`);

describe("isWorkingDay", () => {
  it("knows the 国庆 holidays and their 调休 weekend days", () => {
    // 2025: 10-01 to 10-08 off; Sunday 09-28 and Saturday 10-11 worked.
    expect(isWorkingDay("2025-10-08")).toBe(false);
    expect(isWorkingDay("2025-09-28")).toBe(true);
    expect(isWorkingDay("2025-10-11")).toBe(true);
    expect(isWorkingDay("2025-10-12")).toBe(false);
    expect(isWorkingDay("2025-10-09")).toBe(true);
    // 2024: 10-01 to 10-07 off; Sunday 09-29 and Saturday 10-12 worked.
    expect(isWorkingDay("2024-10-07")).toBe(false);
    expect(isWorkingDay("2024-09-29")).toBe(true);
    expect(isWorkingDay("2024-10-12")).toBe(true);
  });

  it("knows 春节 with its 调休 weekend days", () => {
    // 2026: 02-15 to 02-23 off; Saturdays 02-14 and 02-28 worked.
    expect(isWorkingDay("2026-02-14")).toBe(true);
    expect(isWorkingDay("2026-02-16")).toBe(false);
    expect(isWorkingDay("2026-02-23")).toBe(false);
    expect(isWorkingDay("2026-02-28")).toBe(true);
    // 2025: 01-28 to 02-04 off; Sunday 01-26 and Saturday 02-08 worked.
    expect(isWorkingDay("2025-01-26")).toBe(true);
    expect(isWorkingDay("2025-02-03")).toBe(false);
    expect(isWorkingDay("2025-02-08")).toBe(true);
  });

  it("reads an instant by its Shanghai date, not the machine's", () => {
    // 2025-10-10 16:30 UTC is 00:30 on Saturday 10-11, a 调休 working day.
    expect(isWorkingDay(new Date("2025-10-10T16:30:00Z"))).toBe(true);
    // 2025-10-11 16:30 UTC is 00:30 on Sunday 10-12.
    expect(isWorkingDay(new Date("2025-10-11T16:30:00Z"))).toBe(false);
  });

  it("falls back to Monday–Friday after the last year of the holiday data", () => {
    expect(LAST_CALENDAR_YEAR).toBe(2026);
    // 2027-01-01 is a Friday; its 元旦 holiday is not published yet.
    expect(isWorkingDay("2027-01-01")).toBe(true);
    expect(isWorkingDay("2027-01-02")).toBe(false);
    expect(addWorkingDaysToDate("2026-12-31", 2)).toBe("2027-01-04");
  });
});

describe("addWorkingDays", () => {
  it("skips the 国庆 week and counts the 调休 Saturday", () => {
    expect(addWorkingDaysToDate("2025-09-30", 1)).toBe("2025-10-09");
    expect(addWorkingDaysToDate("2025-09-30", 2)).toBe("2025-10-10");
    expect(addWorkingDaysToDate("2025-09-30", 3)).toBe("2025-10-11");
    expect(addWorkingDaysToDate("2025-09-30", 4)).toBe("2025-10-13");
    expect(addWorkingDaysToDate("2025-09-26", 1)).toBe("2025-09-28");
    expect(addWorkingDaysToDate("2024-09-30", 1)).toBe("2024-10-08");
    expect(addWorkingDaysToDate("2024-09-30", 5)).toBe("2024-10-12");
  });

  it("skips 春节 and counts its 调休 weekend days", () => {
    expect(addWorkingDaysToDate("2025-01-24", 1)).toBe("2025-01-26");
    expect(addWorkingDaysToDate("2025-01-27", 1)).toBe("2025-02-05");
    expect(addWorkingDaysToDate("2025-02-07", 1)).toBe("2025-02-08");
    expect(addWorkingDaysToDate("2026-02-13", 1)).toBe("2026-02-14");
    expect(addWorkingDaysToDate("2026-02-13", 2)).toBe("2026-02-24");
    expect(addWorkingDaysToDate("2026-02-13", 5)).toBe("2026-02-27");
    expect(addWorkingDaysToDate("2026-02-13", 6)).toBe("2026-02-28");
  });

  it("with zero days moves a rest day onto the next working day", () => {
    expect(addWorkingDaysToDate("2025-10-09", 0)).toBe("2025-10-09");
    expect(addWorkingDaysToDate("2025-10-04", 0)).toBe("2025-10-09");
    expect(() => addWorkingDaysToDate("2025-10-04", -1)).toThrow(RangeError);
    expect(() => addWorkingDaysToDate("2025-10-4", 1)).toThrow(RangeError);
  });

  it("keeps the Shanghai time of day of an instant", () => {
    expect(addWorkingDays(beijing("2025-09-30T10:00:00"), 2)).toEqual(
      beijing("2025-10-10T10:00:00"),
    );
    // Late evening, already the next day in Shanghai but not in UTC.
    expect(addWorkingDays(beijing("2025-09-30T23:30:00"), 1)).toEqual(
      beijing("2025-10-09T23:30:00"),
    );
    // Filed on a Saturday of 春节 2026: Monday 02-23 is still a holiday.
    expect(addWorkingDays(beijing("2026-02-21T09:15:00"), 2)).toEqual(
      beijing("2026-02-25T09:15:00"),
    );
  });
});

describe("workingDaysBetween", () => {
  it("counts working days after the first date up to the second", () => {
    expect(workingDaysBetween("2025-09-30", "2025-10-10")).toBe(2);
    // October 2025: 23 weekdays, 6 of them holidays, plus Saturday 10-11.
    expect(workingDaysBetween("2025-09-30", "2025-10-31")).toBe(18);
    // February 2026: 20 weekdays, 6 of them holidays, plus Saturdays 02-14 and 02-28.
    expect(workingDaysBetween("2026-01-31", "2026-02-28")).toBe(16);
    expect(workingDaysBetween("2025-10-10", "2025-09-30")).toBe(-2);
    expect(workingDaysBetween("2025-10-05", "2025-10-05")).toBe(0);
  });

  it("is the inverse of addWorkingDays", () => {
    const from = beijing("2024-09-27T14:00:00");
    for (const n of [1, 2, 5, 10, 30]) {
      expect(workingDaysBetween(from, addWorkingDays(from, n))).toBe(n);
    }
  });
});
