// How an order stands against its limit: the time left in office minutes, the colour on the desk
// (yellow before the limit, red after it) and the words shown beside it.
import { type Extension, limitMinutes, type TimeLimit } from "./due-at";
import { MINUTE_MS, type OfficeHours, officeDayMinutes, officeMsBetween } from "./office-time";

export type LimitState = "ok" | "warning" | "overdue" | "paused";

export type Remaining = { overdue: boolean; workingMinutes: number };

// Whole office minutes from `now` to `due`, negative once it has passed. Rounded toward zero:
// 44½ minutes left show as 44, never as more time than there is. Overdue is decided on the
// instant, so an order due at 17:30 is overdue at 17:45 with 0 office minutes past the limit.
export function remaining(now: Date, due: Date, office: OfficeHours): Remaining {
  const minutes = Math.trunc(officeMsBetween(now, due, office) / MINUTE_MS);
  // Math.trunc(-0.5) is -0, which would print as "-0".
  return { overdue: now.getTime() > due.getTime(), workingMinutes: minutes === 0 ? 0 : minutes };
}

// The yellow window: one working day before a day limit; four working hours before an hour
// limit, and before a same-day limit too, since a whole day would turn an urgent order yellow the
// moment it arrives and the colour would tell nothing.
export function defaultWarning(limit: TimeLimit): Extension {
  return limit.unit === "working_days"
    ? { unit: "working_days", amount: 1 }
    : { unit: "working_hours", amount: 4 };
}

// `due` null: the order is suspended (dueAt gives no due moment while a pause is open). The
// warning window includes its edge: exactly one working day left is already yellow.
export function limitState(
  now: Date,
  due: Date | null,
  limit: TimeLimit,
  office: OfficeHours,
  warn: TimeLimit = defaultWarning(limit),
): LimitState {
  if (due === null) return "paused";
  if (now.getTime() > due.getTime()) return "overdue";
  const left = officeMsBetween(now, due, office);
  return left <= limitMinutes(warn, office) * MINUTE_MS ? "warning" : "ok";
}

// Days and hours for long spans (minutes would be noise there), hours and minutes for short ones.
function daysText(minutes: number, dayMinutes: number): string {
  const days = Math.floor(minutes / dayMinutes);
  if (days === 0) return hoursText(minutes);
  const hours = Math.floor((minutes - days * dayMinutes) / 60);
  return hours > 0 ? `${days} 个工作日 ${hours} 小时` : `${days} 个工作日`;
}

function hoursText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} 分钟`;
  return rest > 0 ? `${hours} 小时 ${rest} 分钟` : `${hours} 小时`;
}

// The time left as the desk shows it: "剩余 2 个工作日 3 小时", "剩余 45 分钟",
// "已超时 1 个工作日 2 小时", "已挂起". A limit counted in hours (签收 within 24 working hours)
// is shown in hours, "剩余 21 小时", so it reads in the unit it was given in.
export function formatRemaining(
  now: Date,
  due: Date | null,
  office: OfficeHours,
  limit?: TimeLimit,
): string {
  if (due === null) return "已挂起";
  const { overdue, workingMinutes } = remaining(now, due, office);
  const minutes = Math.abs(workingMinutes);
  const text =
    limit?.unit === "working_hours"
      ? hoursText(minutes)
      : daysText(minutes, officeDayMinutes(office));
  if (overdue) return minutes === 0 ? "已超时" : `已超时 ${text}`;
  return minutes === 0 ? "剩余不到 1 分钟" : `剩余 ${text}`;
}
