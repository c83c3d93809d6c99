import { describe, expect, it } from "vitest";
import { NATIONAL_DEFAULTS, testPolicy } from "../../testing/policy";
import { dueAt } from "./due-at";
import { handlingLimit, officeHoursOf, signDueWithin, signForLimit, warningFor } from "./settings";

const limits = NATIONAL_DEFAULTS.work_order_limits;

describe("a work order's limits from the region's settings", () => {
  it("gives 签收 in working hours and 办理 by classification, urgent the same day", () => {
    expect(signForLimit(limits)).toEqual({ unit: "working_hours", amount: 24 });
    expect(handlingLimit(limits, "consult", "normal")).toEqual({ unit: "working_days", amount: 3 });
    expect(handlingLimit(limits, "complaint", "normal")).toEqual({
      unit: "working_days",
      amount: 13,
    });
    expect(handlingLimit(limits, "complaint", "urgent")).toEqual({ unit: "same_day" });
    expect(handlingLimit({ ...limits, urgentSameDay: false }, "help", "urgent")).toEqual({
      unit: "working_days",
      amount: 3,
    });
  });

  it("warns in the unit of the limit, and not at all when the region sets 0", () => {
    expect(warningFor(limits, { unit: "working_days", amount: 3 })).toEqual({
      unit: "working_days",
      amount: 1,
    });
    expect(warningFor(limits, { unit: "same_day" })).toEqual({ unit: "working_hours", amount: 4 });
    expect(warningFor({ ...limits, warnDays: 0 }, { unit: "working_days", amount: 3 })).toBeNull();
  });

  it("counts a region's own office hours", () => {
    const policy = testPolicy({ office_hours: { periods: [{ from: "09:00", to: "17:00" }] } });
    // Monday 2026-03-16 16:00 plus 2 working hours: one hour that day, one the next morning.
    const due = dueAt(
      new Date("2026-03-16T16:00:00+08:00"),
      { unit: "working_hours", amount: 2 },
      officeHoursOf(policy),
    );
    expect(due?.toISOString()).toBe(new Date("2026-03-17T10:00:00+08:00").toISOString());
  });

  it("never lets 签收 fall due after the order itself", () => {
    const office = officeHoursOf(testPolicy({}));
    const monday = new Date("2026-03-16T09:00:00+08:00");
    // 24 office hours end Thursday 10:30; a same-day order is due Monday at the close.
    const sameDay = new Date("2026-03-16T17:30:00+08:00");
    expect(signDueWithin(monday, limits, office, null)).toEqual(
      new Date("2026-03-19T10:30:00+08:00"),
    );
    expect(signDueWithin(monday, limits, office, sameDay)).toEqual(sameDay);
    const later = new Date("2026-03-20T17:30:00+08:00");
    expect(signDueWithin(monday, limits, office, later)).toEqual(
      new Date("2026-03-19T10:30:00+08:00"),
    );
  });
});
