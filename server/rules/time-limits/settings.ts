// The limits a work order runs on, read from its region's settings (office_hours and
// work_order_limits in server/rules/policy-settings.ts): never a figure of its own.
import type { Priority, WorkOrderClassification } from "@/db/constants";
import type { Policy, PolicyValue } from "../policy-settings";
import { dueAt, type Extension, type TimeLimit } from "./due-at";
import type { OfficeHours } from "./office-time";

type Limits = PolicyValue<"work_order_limits">;

export const officeHoursOf = (policy: Policy): OfficeHours => policy.office_hours.value;

// 签收: so many working hours from dispatch.
export const signForLimit = (limits: Limits): TimeLimit => ({
  unit: "working_hours",
  amount: limits.signForHours,
});

const DAYS: Record<WorkOrderClassification, keyof Limits> = {
  consult: "consultDays",
  help: "helpDays",
  complaint: "complaintDays",
  suggestion: "suggestionDays",
};

// When 签收 is due for an order that reached the region at `arrivedAt`: the region's hours, but
// never after the order must be finished. A 签收 limit in hours can outlast a short 办理 limit in
// days (24 office hours are more than 3 office days), and an order signed after its deadline
// would still count as signed on time.
export function signDueWithin(
  arrivedAt: Date,
  limits: Limits,
  office: OfficeHours,
  handlingDue: Date | null,
): Date {
  const due = dueAt(arrivedAt, signForLimit(limits), office) as Date;
  return handlingDue && handlingDue.getTime() < due.getTime() ? handlingDue : due;
}

// 办理: the same day for an urgent order where the region says so, else the working days of the
// order's classification.
export function handlingLimit(
  limits: Limits,
  classification: WorkOrderClassification,
  priority: Priority,
): TimeLimit {
  if (priority === "urgent" && limits.urgentSameDay) return { unit: "same_day" };
  return { unit: "working_days", amount: limits[DAYS[classification]] as number };
}

// How early the order turns yellow: the region's window in days for a limit in days, in hours
// otherwise; none when the region sets it to 0.
export function warningFor(limits: Limits, limit: TimeLimit): Extension | null {
  const window: Extension =
    limit.unit === "working_days"
      ? { unit: "working_days", amount: limits.warnDays }
      : { unit: "working_hours", amount: limits.warnHours };
  return window.amount > 0 ? window : null;
}
