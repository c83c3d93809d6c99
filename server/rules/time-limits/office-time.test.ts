import { describe, expect, it } from "vitest";
import {
  addOfficeMinutes,
  closeOfOffice,
  type OfficeHours,
  officeDayMinutes,
  officeMinutesBetween,
} from "./office-time";

// Beijing wall-clock time as an instant.
const beijing = (local: string) => new Date(`${local}+08:00`);

// 7.5 office hours a day.
const OFFICE: OfficeHours = {
  periods: [
    { from: "08:30", to: "12:00" },
    { from: "13:30", to: "17:30" },
  ],
};

describe("office hours", () => {
  it("make a 450-minute office day that closes at the end of the last period", () => {
    expect(officeDayMinutes(OFFICE)).toBe(450);
    expect(closeOfOffice("2025-11-17", OFFICE)).toEqual(beijing("2025-11-17T17:30"));
  });

  it("refuse periods that are malformed, unsorted, overlapping or missing", () => {
    const periods = (...spans: [string, string][]) => ({
      periods: spans.map(([from, to]) => ({ from, to })),
    });
    expect(() => officeDayMinutes(periods(["8:30", "12:00"]))).toThrow(RangeError);
    expect(() => officeDayMinutes(periods(["13:30", "17:30"], ["08:30", "12:00"]))).toThrow(
      RangeError,
    );
    expect(() => officeDayMinutes(periods(["08:30", "12:00"], ["11:00", "17:30"]))).toThrow(
      RangeError,
    );
    expect(() => officeDayMinutes(periods(["12:00", "12:00"]))).toThrow(RangeError);
    expect(() => officeDayMinutes(periods())).toThrow(RangeError);
  });
});

describe("officeMinutesBetween", () => {
  it("counts office periods only, not the lunch break or the night", () => {
    expect(
      officeMinutesBetween(beijing("2025-11-17T10:00"), beijing("2025-11-19T17:30"), OFFICE),
    ).toBe(360 + 450 + 450);
    expect(
      officeMinutesBetween(beijing("2025-11-17T11:00"), beijing("2025-11-17T14:00"), OFFICE),
    ).toBe(60 + 30);
  });

  it("skips the weekend and is negative backwards", () => {
    // Friday 16:00 to Monday 09:00: 90 minutes on Friday, 30 on Monday.
    const friday = beijing("2025-11-14T16:00");
    const monday = beijing("2025-11-17T09:00");
    expect(officeMinutesBetween(friday, monday, OFFICE)).toBe(120);
    expect(officeMinutesBetween(monday, friday, OFFICE)).toBe(-120);
  });

  it("skips the 国庆 week and counts the 调休 Sunday", () => {
    expect(
      officeMinutesBetween(beijing("2025-09-30T17:00"), beijing("2025-10-09T09:00"), OFFICE),
    ).toBe(60);
    // Saturday 09-27 off, Sunday 09-28 worked.
    expect(
      officeMinutesBetween(beijing("2025-09-27T00:00"), beijing("2025-09-29T00:00"), OFFICE),
    ).toBe(450);
  });

  it("keeps the fraction of a minute", () => {
    expect(
      officeMinutesBetween(beijing("2025-11-17T10:00:30"), beijing("2025-11-17T10:01"), OFFICE),
    ).toBe(0.5);
  });
});

describe("addOfficeMinutes", () => {
  it("starts a count made before office hours at the opening", () => {
    expect(addOfficeMinutes(beijing("2025-11-17T07:00"), 240, OFFICE)).toEqual(
      beijing("2025-11-17T14:00"),
    );
  });

  it("counts from a lunch-break start after lunch and ends at the close, not next morning", () => {
    expect(addOfficeMinutes(beijing("2025-11-17T12:30"), 240, OFFICE)).toEqual(
      beijing("2025-11-17T17:30"),
    );
    expect(addOfficeMinutes(beijing("2025-11-17T08:30"), 210, OFFICE)).toEqual(
      beijing("2025-11-17T12:00"),
    );
  });

  it("carries a count made after the close to the next working day", () => {
    expect(addOfficeMinutes(beijing("2025-11-17T18:00"), 60, OFFICE)).toEqual(
      beijing("2025-11-18T09:30"),
    );
    expect(addOfficeMinutes(beijing("2025-11-14T17:00"), 60, OFFICE)).toEqual(
      beijing("2025-11-17T09:00"),
    );
  });

  it("is the inverse of officeMinutesBetween across 春节", () => {
    const start = beijing("2026-02-13T15:00");
    const end = addOfficeMinutes(start, 1000, OFFICE);
    // Friday 150, 调休 Saturday 02-14 450, then 02-24 from the opening: 400 → 16:40.
    expect(end).toEqual(beijing("2026-02-24T16:40"));
    expect(officeMinutesBetween(start, end, OFFICE)).toBe(1000);
  });

  it("leaves the start alone for no time and refuses negative time", () => {
    const evening = beijing("2025-11-17T18:00");
    expect(addOfficeMinutes(evening, 0, OFFICE)).toEqual(evening);
    expect(() => addOfficeMinutes(evening, -1, OFFICE)).toThrow(RangeError);
  });
});
