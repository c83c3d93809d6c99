import { describe, expect, it } from "vitest";
import { dueAt, type Pause, type TimeLimit } from "./due-at";
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

const hours = (amount: number): TimeLimit => ({ unit: "working_hours", amount });
const days = (amount: number): TimeLimit => ({ unit: "working_days", amount });
const SAME_DAY: TimeLimit = { unit: "same_day" };

const due = (start: string, limit: TimeLimit, pauses: Pause[] = []) =>
  dueAt(beijing(start), limit, OFFICE, pauses);
const pause = (from: string, to: string | null): Pause => ({
  from: beijing(from),
  to: to === null ? null : beijing(to),
});

// Dates checked against chinese-days: 国庆 2025 is 10-01..10-08 off, Sunday 09-28 and Saturday
// 10-11 worked; 春节 2026 is 02-15..02-23 off, Saturdays 02-14 and 02-28 worked. November 2025
// has no holiday: 11-14 is a Friday, 11-19 a Wednesday.
describe("dueAt in working days", () => {
  it("ends at the close of the n-th working day after the start's day", () => {
    expect(due("2025-11-14T10:00", days(3))).toEqual(beijing("2025-11-19T17:30"));
    // After the close on Friday: the day still is Friday.
    expect(due("2025-11-14T20:00", days(3))).toEqual(beijing("2025-11-19T17:30"));
    // Before the opening.
    expect(due("2025-11-17T07:00", days(3))).toEqual(beijing("2025-11-20T17:30"));
  });

  it("counts from the next working day as day 1 when started on a weekend", () => {
    expect(due("2025-11-15T09:00", days(3))).toEqual(beijing("2025-11-19T17:30"));
    expect(due("2025-11-16T23:00", days(1))).toEqual(beijing("2025-11-17T17:30"));
  });

  it("counts the 调休 Sunday before 国庆", () => {
    // Friday 09-26: Sunday 09-28, Monday 09-29, Tuesday 09-30.
    expect(due("2025-09-26T10:00", days(3))).toEqual(beijing("2025-09-30T17:30"));
  });

  it("skips the 国庆 week, whether started before it or during it", () => {
    // 10-09, 10-10 and the 调休 Saturday 10-11.
    expect(due("2025-09-30T16:00", days(3))).toEqual(beijing("2025-10-11T17:30"));
    expect(due("2025-10-03T10:00", days(3))).toEqual(beijing("2025-10-11T17:30"));
    // 10-09, 10-10, 10-11, then ten from Monday 10-13: Friday 10-24.
    expect(due("2025-09-30T16:00", days(13))).toEqual(beijing("2025-10-24T17:30"));
  });

  it("starts from a 调休 Saturday like any working day", () => {
    expect(due("2025-10-11T09:00", days(1))).toEqual(beijing("2025-10-13T17:30"));
  });

  it("skips 春节 2026", () => {
    // Saturday 02-14 (调休), then 02-24 and 02-25.
    expect(due("2026-02-13T15:00", days(3))).toEqual(beijing("2026-02-25T17:30"));
    // 02-24, 02-25, 02-26, 02-27, 调休 Saturday 02-28, 03-02, 03-03.
    expect(due("2026-02-16T10:00", days(7))).toEqual(beijing("2026-03-03T17:30"));
  });
});

describe("dueAt in working hours", () => {
  it("counts office time from the start", () => {
    // Friday 360, Monday 450, Tuesday 450, Wednesday 180.
    expect(due("2025-11-14T10:00", hours(24))).toEqual(beijing("2025-11-19T11:30"));
  });

  it("starts at the opening when started before it", () => {
    expect(due("2025-11-17T07:00", hours(4))).toEqual(beijing("2025-11-17T14:00"));
  });

  it("starts after the lunch break when started in it, and ends at the close", () => {
    expect(due("2025-11-17T12:30", hours(4))).toEqual(beijing("2025-11-17T17:30"));
  });

  it("starts the next working day when started after the close", () => {
    expect(due("2025-11-17T18:00", hours(1))).toEqual(beijing("2025-11-18T09:30"));
    expect(due("2025-11-14T17:30", hours(1))).toEqual(beijing("2025-11-17T09:30"));
  });

  it("runs across 国庆 into the 调休 Saturday", () => {
    // 09-30 90, 10-09 450, 10-10 450, 10-11 450: exactly the close of the Saturday.
    expect(due("2025-09-30T16:00", hours(24))).toEqual(beijing("2025-10-11T17:30"));
  });

  it("starts after the holiday when started on it", () => {
    expect(due("2025-10-05T10:00", hours(8))).toEqual(beijing("2025-10-10T09:00"));
  });

  it("runs from a 调休 Saturday across 春节", () => {
    // 02-14 360, 02-24 450, 02-25 450, 02-26 180.
    expect(due("2026-02-14T10:00", hours(24))).toEqual(beijing("2026-02-26T11:30"));
  });
});

describe("dueAt the same day", () => {
  it("ends at the close of the start's working day", () => {
    expect(due("2025-11-17T09:00", SAME_DAY)).toEqual(beijing("2025-11-17T17:30"));
    expect(due("2025-11-17T07:00", SAME_DAY)).toEqual(beijing("2025-11-17T17:30"));
    expect(due("2025-11-17T12:30", SAME_DAY)).toEqual(beijing("2025-11-17T17:30"));
    expect(due("2025-10-11T10:00", SAME_DAY)).toEqual(beijing("2025-10-11T17:30"));
  });

  it("moves to the next working day at or after the close", () => {
    expect(due("2025-11-17T17:30", SAME_DAY)).toEqual(beijing("2025-11-18T17:30"));
    expect(due("2025-11-14T19:00", SAME_DAY)).toEqual(beijing("2025-11-17T17:30"));
  });

  it("moves to the next working day on a weekend or holiday", () => {
    expect(due("2025-10-12T10:00", SAME_DAY)).toEqual(beijing("2025-10-13T17:30"));
    expect(due("2025-10-01T10:00", SAME_DAY)).toEqual(beijing("2025-10-09T17:30"));
    expect(due("2026-02-20T10:00", SAME_DAY)).toEqual(beijing("2026-02-24T17:30"));
  });
});

describe("dueAt with pauses (挂起)", () => {
  it("moves a day limit by the office time suspended", () => {
    const paused = [pause("2025-11-17T14:00", "2025-11-17T16:00")];
    expect(due("2025-11-14T10:00", days(3), paused)).toEqual(beijing("2025-11-20T10:30"));
  });

  it("adds nothing for the weekend inside a pause", () => {
    // Friday 90 minutes and Monday 30.
    const paused = [pause("2025-11-14T16:00", "2025-11-17T09:00")];
    expect(due("2025-11-14T10:00", days(3), paused)).toEqual(beijing("2025-11-20T10:30"));
  });

  it("adds two pauses to an hour limit", () => {
    // Unpaused: Tuesday 09:30. Suspended 60 minutes, then Monday 15:00 to Tuesday 09:00 (180).
    expect(due("2025-11-17T09:00", hours(8))).toEqual(beijing("2025-11-18T09:30"));
    const paused = [
      pause("2025-11-17T15:00", "2025-11-18T09:00"),
      pause("2025-11-17T10:00", "2025-11-17T11:00"),
    ];
    expect(due("2025-11-17T09:00", hours(8), paused)).toEqual(beijing("2025-11-18T15:00"));
  });

  it("counts overlapping pauses once", () => {
    const paused = [
      pause("2025-11-17T14:00", "2025-11-17T16:00"),
      pause("2025-11-17T15:00", "2025-11-17T16:00"),
      pause("2025-11-17T14:00", "2025-11-17T14:30"),
    ];
    expect(due("2025-11-14T10:00", days(3), paused)).toEqual(beijing("2025-11-20T10:30"));
  });

  it("resumes a pause that began before the due moment and ended after it", () => {
    // Due Wednesday 17:30, suspended at 16:00 with 90 minutes left; resumed Friday 12:00.
    const paused = [pause("2025-11-19T16:00", "2025-11-21T12:00")];
    expect(due("2025-11-14T10:00", days(3), paused)).toEqual(beijing("2025-11-21T15:00"));
  });

  it("moves a due moment across 国庆 by the office time of a pause around it", () => {
    // Unpaused: 10-10 17:30. Suspended 09-30 09:00 to 10-09 12:00: 420 + 210 office minutes.
    const paused = [pause("2025-09-30T09:00", "2025-10-09T12:00")];
    expect(due("2025-09-29T10:00", days(3), paused)).toEqual(beijing("2025-10-13T11:30"));
  });

  it("gives no due moment while a pause is open", () => {
    expect(due("2025-11-14T10:00", days(3), [pause("2025-11-18T10:00", null)])).toBeNull();
    const resumedThenSuspended = [
      pause("2025-11-17T14:00", "2025-11-17T16:00"),
      pause("2025-11-20T09:00", null),
    ];
    // The first pause moved the due moment to Thursday 10:30, so Thursday 09:00 is still in time.
    expect(due("2025-11-14T10:00", days(3), resumedThenSuspended)).toBeNull();
  });

  it("ignores a pause that began once the order was already overdue", () => {
    expect(due("2025-11-14T10:00", days(3), [pause("2025-11-19T17:30", null)])).toEqual(
      beijing("2025-11-19T17:30"),
    );
    expect(
      due("2025-11-14T10:00", days(3), [pause("2025-11-20T09:00", "2025-11-21T09:00")]),
    ).toEqual(beijing("2025-11-19T17:30"));
  });

  it("counts a pause recorded before the start only from the start", () => {
    const paused = [pause("2025-11-14T09:00", "2025-11-14T11:00")];
    expect(due("2025-11-14T10:00", hours(1), paused)).toEqual(beijing("2025-11-14T12:00"));
    expect(
      due("2025-11-14T10:00", hours(1), [pause("2025-11-13T09:00", "2025-11-13T10:00")]),
    ).toEqual(beijing("2025-11-14T11:00"));
  });

  it("refuses a pause that ends before it begins", () => {
    expect(() =>
      due("2025-11-14T10:00", days(3), [pause("2025-11-17T10:00", "2025-11-17T09:00")]),
    ).toThrow(RangeError);
  });
});

describe("dueAt with 延期", () => {
  it("adds the extension's office time to the due moment", () => {
    const start = beijing("2025-11-14T10:00");
    expect(dueAt(start, days(3), OFFICE, [], [{ unit: "working_days", amount: 5 }])).toEqual(
      beijing("2025-11-26T17:30"),
    );
    expect(dueAt(start, hours(24), OFFICE, [], [{ unit: "working_hours", amount: 8 }])).toEqual(
      beijing("2025-11-20T12:00"),
    );
  });

  it("lets a pause after the original due moment count within the extension", () => {
    const paused = [pause("2025-11-20T09:00", "2025-11-20T10:00")];
    expect(
      dueAt(beijing("2025-11-14T10:00"), days(3), OFFICE, paused, [
        { unit: "working_days", amount: 5 },
      ]),
    ).toEqual(beijing("2025-11-27T09:30"));
  });
});

describe("limits that are not limits", () => {
  it("are refused", () => {
    expect(() => due("2025-11-14T10:00", days(0))).toThrow(RangeError);
    expect(() => due("2025-11-14T10:00", days(1.5))).toThrow(RangeError);
    expect(() => due("2025-11-14T10:00", hours(0))).toThrow(RangeError);
    expect(() => due("2025-11-14T10:00", hours(Number.NaN))).toThrow(RangeError);
  });
});
