// The demo work orders' clock: their limits from the region's settings as they stood on the day
// of dispatch (the same pure rules server/domain/work-orders/limits.ts applies), moments counted
// in the region's office time, and when the scheduled job records a 催办.
import type { Priority, WorkOrderClassification } from "@/db/constants";
import type { Executor } from "@/db/index";
import { loadPolicyHistory } from "../../domain/policy-settings";
import { type Policy, type PolicyValue, resolvePolicy } from "../../rules/policy-settings";
import {
  addOfficeMinutes,
  dueAt,
  type Extension,
  handlingLimit,
  type OfficeHours,
  officeDayMinutes,
  officeHoursOf,
  officeMinutesBetween,
  type Pause,
  signDueWithin,
} from "../../rules/time-limits";

export type OrderClock = {
  office: OfficeHours;
  limits: PolicyValue<"work_order_limits">;
  // One office day, in minutes.
  day: number;
};

export function clockOf(policy: Policy): OrderClock {
  const office = officeHoursOf(policy);
  return { office, limits: policy.work_order_limits.value, day: officeDayMinutes(office) };
}

const CLOCK_SETTINGS: readonly string[] = ["office_hours", "work_order_limits"];

// The clock of each region on a day, from one read of each region's settings. A clock stays the
// same from one version of its two settings to the next, so it is resolved once per version.
export async function clocksByDay(db: Executor, regionCodes: readonly string[]) {
  const histories = new Map<string, Awaited<ReturnType<typeof loadPolicyHistory>>>();
  for (const code of new Set(regionCodes)) histories.set(code, await loadPolicyHistory(db, code));
  const clocks = new Map<string, OrderClock>();
  return (regionCode: string, day: string): OrderClock => {
    const rows = histories.get(regionCode) ?? [];
    let since = "";
    for (const row of rows) {
      const applies = CLOCK_SETTINGS.includes(row.setting) && row.effectiveFrom <= day;
      if (applies && row.effectiveFrom > since) since = row.effectiveFrom;
    }
    const key = `${regionCode}:${since}`;
    const clock = clocks.get(key) ?? clockOf(resolvePolicy(rows, regionCode, day));
    clocks.set(key, clock);
    return clock;
  };
}

// 签收 is due so many working hours after the order reached the region, and never after the
// order itself is due (the rule the domain applies).
export function signDue(clock: OrderClock, arrivedAt: Date, handlingDueAt: Date | null): Date {
  return signDueWithin(arrivedAt, clock.limits, clock.office, handlingDueAt);
}

export function signMinutes(clock: OrderClock): number {
  return clock.limits.signForHours * 60;
}

// 办理 is due from the dispatch, moved by the pauses and the accepted extensions; null while a
// pause is open.
export function handlingDue(
  clock: OrderClock,
  dispatchedAt: Date,
  classification: WorkOrderClassification,
  priority: Priority,
  pauses: readonly Pause[] = [],
  extensions: readonly Extension[] = [],
): Date | null {
  const limit = handlingLimit(clock.limits, classification, priority);
  return dueAt(dispatchedAt, limit, clock.office, pauses, extensions);
}

// The moment `minutes` of office time after `from`, in whole minutes and at least one, so that
// every event of a course comes after the one before it.
export function later(clock: OrderClock, from: Date, minutes: number): Date {
  return addOfficeMinutes(from, Math.max(1, Math.round(minutes)), clock.office);
}

export function officeMinutes(clock: OrderClock, from: Date, to: Date): number {
  return officeMinutesBetween(from, to, clock.office);
}

const QUARTER_HOUR_MS = 15 * 60 * 1000;

// The scheduled job runs every quarter of an hour.
export function nextJobRun(after: Date): Date {
  return new Date(
    Math.floor(after.getTime() / QUARTER_HOUR_MS) * QUARTER_HOUR_MS + QUARTER_HOUR_MS,
  );
}

export type Interval = { from: Date; to: Date | null };

// When the job records the 催办 of a limit that passed at `due`: its first run after it at which
// the order is still unfinished (not done by `doneAt`, not waiting for a 退单 decision), if that
// run came before `now`.
export function reminderRun(
  due: Date,
  doneAt: Date | null,
  waiting: readonly Interval[],
  now: Date,
): Date | null {
  let run = nextJobRun(due);
  for (const interval of [...waiting].sort((a, b) => a.from.getTime() - b.from.getTime())) {
    if (run < interval.from) continue;
    if (interval.to === null) return null;
    if (run < interval.to) run = nextJobRun(interval.to);
  }
  if (doneAt && run >= doneAt) return null;
  return run <= now ? run : null;
}

export const earlier = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);
export const latest = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);
