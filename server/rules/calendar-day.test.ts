import { describe, expect, it } from "vitest";
import {
  addDays,
  chineseMonth,
  isCalendarDay,
  monthsBetween,
  shanghaiDay,
  shanghaiDayStart,
  shanghaiMonth,
  shiftMonth,
} from "./calendar-day";

describe("Beijing calendar days", () => {
  it("reads an instant by its Beijing date, not the machine's", () => {
    expect(shanghaiDay(new Date("2025-12-31T15:59:59Z"))).toBe("2025-12-31");
    expect(shanghaiDay(new Date("2025-12-31T16:00:00Z"))).toBe("2026-01-01");
    expect(shanghaiMonth(new Date("2026-02-28T16:00:00Z"))).toBe("2026-03");
  });

  it("starts a day at Beijing midnight", () => {
    expect(shanghaiDayStart("2026-03-01").toISOString()).toBe("2026-02-28T16:00:00.000Z");
    expect(shanghaiDay(shanghaiDayStart("2026-03-01"))).toBe("2026-03-01");
  });

  it("steps days and months across year ends both ways", () => {
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(shiftMonth("2025-01", -1)).toBe("2024-12");
    expect(shiftMonth("2024-12", 1)).toBe("2025-01");
    expect(shiftMonth("2025-03", -15)).toBe("2023-12");
  });

  it("counts months across year ends and writes them in Chinese", () => {
    expect(monthsBetween("2025-07", "2026-06")).toBe(11);
    expect(monthsBetween("2026-02", "2025-12")).toBe(-2);
    expect(monthsBetween("2026-04", "2026-04")).toBe(0);
    expect(chineseMonth("2026-03")).toBe("2026年3月");
  });

  it("accepts only days that exist", () => {
    expect(isCalendarDay("2024-02-29")).toBe(true);
    expect(isCalendarDay("2025-02-29")).toBe(false);
    expect(isCalendarDay("2025-2-28")).toBe(false);
  });
});
