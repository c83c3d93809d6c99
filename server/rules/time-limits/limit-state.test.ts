import { describe, expect, it } from "vitest";
import type { TimeLimit } from "./due-at";
import { formatRemaining, limitState, remaining } from "./limit-state";
import type { OfficeHours } from "./office-time";

// Beijing wall-clock time as an instant.
const beijing = (local: string) => new Date(`${local}+08:00`);

// 7.5 office hours a day.
const OFFICE: OfficeHours = {
  periods: [
    { from: "08:30", to: "12:00" },
    { from: "13:30", to: "17:30" },
  ],
};

const THREE_DAYS: TimeLimit = { unit: "working_days", amount: 3 };
const DAY_HOURS: TimeLimit = { unit: "working_hours", amount: 24 };
const SAME_DAY: TimeLimit = { unit: "same_day" };

// Three working days from Friday 2025-11-14 10:00; November 2025 has no holiday.
const WEDNESDAY_CLOSE = beijing("2025-11-19T17:30");

describe("remaining", () => {
  it("counts the office minutes left", () => {
    expect(remaining(beijing("2025-11-17T10:00"), WEDNESDAY_CLOSE, OFFICE)).toEqual({
      overdue: false,
      workingMinutes: 360 + 450 + 450,
    });
    // 国庆 in between: 30 minutes on 09-30, 30 on 10-09.
    expect(remaining(beijing("2025-09-30T17:00"), beijing("2025-10-09T09:00"), OFFICE)).toEqual({
      overdue: false,
      workingMinutes: 60,
    });
  });

  it("is negative once overdue", () => {
    expect(remaining(beijing("2025-11-20T10:30"), WEDNESDAY_CLOSE, OFFICE)).toEqual({
      overdue: true,
      workingMinutes: -120,
    });
  });

  it("is overdue after the close with no office minute past the limit yet", () => {
    expect(remaining(beijing("2025-11-19T18:00"), WEDNESDAY_CLOSE, OFFICE)).toEqual({
      overdue: true,
      workingMinutes: 0,
    });
    expect(remaining(beijing("2025-11-19T17:30:30"), WEDNESDAY_CLOSE, OFFICE).workingMinutes).toBe(
      0,
    );
  });

  it("is not overdue at the due moment itself, and never rounds time left up", () => {
    expect(remaining(WEDNESDAY_CLOSE, WEDNESDAY_CLOSE, OFFICE)).toEqual({
      overdue: false,
      workingMinutes: 0,
    });
    expect(remaining(beijing("2025-11-19T16:45:30"), WEDNESDAY_CLOSE, OFFICE).workingMinutes).toBe(
      44,
    );
  });
});

describe("limitState", () => {
  const state = (now: string, limit: TimeLimit, due: Date | null, warn?: TimeLimit) =>
    limitState(beijing(now), due, limit, OFFICE, warn);

  it("turns a day limit yellow one office day before it, red after it", () => {
    expect(state("2025-11-18T17:29", THREE_DAYS, WEDNESDAY_CLOSE)).toBe("ok");
    expect(state("2025-11-18T17:30", THREE_DAYS, WEDNESDAY_CLOSE)).toBe("warning");
    expect(state("2025-11-18T20:00", THREE_DAYS, WEDNESDAY_CLOSE)).toBe("warning");
    expect(state("2025-11-19T17:30", THREE_DAYS, WEDNESDAY_CLOSE)).toBe("warning");
    expect(state("2025-11-19T17:30:01", THREE_DAYS, WEDNESDAY_CLOSE)).toBe("overdue");
  });

  it("measures the window in office time, so a holiday week does not keep it green", () => {
    const dueAfterHoliday = beijing("2025-10-09T17:30");
    expect(state("2025-09-30T17:29", THREE_DAYS, dueAfterHoliday)).toBe("ok");
    expect(state("2025-09-30T17:30", THREE_DAYS, dueAfterHoliday)).toBe("warning");
  });

  it("turns an hour limit yellow four office hours before it", () => {
    const due = beijing("2025-11-19T11:30");
    expect(state("2025-11-18T16:29", DAY_HOURS, due)).toBe("ok");
    expect(state("2025-11-18T16:30", DAY_HOURS, due)).toBe("warning");
  });

  it("turns a same-day limit yellow four office hours before the close, lunch not counted", () => {
    const due = beijing("2025-11-17T17:30");
    expect(state("2025-11-17T11:59", SAME_DAY, due)).toBe("ok");
    expect(state("2025-11-17T12:00", SAME_DAY, due)).toBe("warning");
    expect(state("2025-11-17T13:00", SAME_DAY, due)).toBe("warning");
  });

  it("takes the region's own warning window", () => {
    const twoHours: TimeLimit = { unit: "working_hours", amount: 2 };
    expect(state("2025-11-19T15:29", THREE_DAYS, WEDNESDAY_CLOSE, twoHours)).toBe("ok");
    expect(state("2025-11-19T15:30", THREE_DAYS, WEDNESDAY_CLOSE, twoHours)).toBe("warning");
    const twoDays: TimeLimit = { unit: "working_days", amount: 2 };
    expect(state("2025-11-17T17:29", THREE_DAYS, WEDNESDAY_CLOSE, twoDays)).toBe("ok");
    expect(state("2025-11-17T17:30", THREE_DAYS, WEDNESDAY_CLOSE, twoDays)).toBe("warning");
  });

  it("is paused while the order is suspended", () => {
    expect(state("2025-11-25T10:00", THREE_DAYS, null)).toBe("paused");
  });
});

describe("formatRemaining", () => {
  const text = (now: string, due: Date | null, limit?: TimeLimit) =>
    formatRemaining(beijing(now), due, OFFICE, limit);

  it("says working days and hours while days are left", () => {
    expect(text("2025-11-17T14:30", WEDNESDAY_CLOSE)).toBe("剩余 2 个工作日 3 小时");
    expect(text("2025-11-17T18:00", WEDNESDAY_CLOSE)).toBe("剩余 2 个工作日");
    // 1 day 3 hours 20 minutes: minutes are noise at this scale.
    expect(text("2025-11-18T14:10", WEDNESDAY_CLOSE)).toBe("剩余 1 个工作日 3 小时");
    // Across 国庆: 180 minutes on 09-30, then 10-09 and 10-10.
    expect(text("2025-09-30T14:30", beijing("2025-10-10T17:30"))).toBe("剩余 2 个工作日 3 小时");
  });

  it("says hours and minutes on the last day", () => {
    expect(text("2025-11-19T14:10", WEDNESDAY_CLOSE)).toBe("剩余 3 小时 20 分钟");
    expect(text("2025-11-19T16:30", WEDNESDAY_CLOSE)).toBe("剩余 1 小时");
    expect(text("2025-11-19T16:45", WEDNESDAY_CLOSE)).toBe("剩余 45 分钟");
    expect(text("2025-11-19T17:29:30", WEDNESDAY_CLOSE)).toBe("剩余不到 1 分钟");
  });

  it("says how late an overdue order is", () => {
    expect(text("2025-11-21T10:30", WEDNESDAY_CLOSE)).toBe("已超时 1 个工作日 2 小时");
    expect(text("2025-11-20T09:15", WEDNESDAY_CLOSE)).toBe("已超时 45 分钟");
    expect(text("2025-11-19T18:00", WEDNESDAY_CLOSE)).toBe("已超时");
  });

  it("keeps a limit counted in hours in hours", () => {
    const due = beijing("2025-11-19T11:30");
    expect(text("2025-11-17T09:00", due, DAY_HOURS)).toBe("剩余 17 小时 30 分钟");
    expect(text("2025-11-20T09:00", due, DAY_HOURS)).toBe("已超时 5 小时");
  });

  it("says the order is suspended", () => {
    expect(text("2025-11-18T10:00", null)).toBe("已挂起");
  });
});
