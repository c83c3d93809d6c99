import { and, isNotNull, lte, type SQL } from "drizzle-orm";
import {
  type EnquiryStatus,
  OPEN_STATUSES,
  RECHECK_AFTER_WORKING_DAYS,
  type StepKind,
} from "@/db/constants";
import { enquiries } from "@/db/schema";
import { shanghaiDay } from "../../rules/calendar-day";
import { addWorkingDaysToDate, type CalendarDate } from "../../rules/working-days";

export function recheckDueOnFrom(at: Date): CalendarDate {
  return addWorkingDaysToDate(shanghaiDay(at), RECHECK_AFTER_WORKING_DAYS);
}

const hasSystemDelay = (causes: readonly { cause: string }[]) =>
  causes.some((tag) => tag.cause === "system_delay");

// The re-check date after a retagging: set when 系统延迟 is added to an enquiry still being
// worked on, dropped when it is removed, otherwise unchanged (undefined).
export function recheckAfterRetag(
  status: EnquiryStatus,
  before: readonly { cause: string }[],
  after: readonly { cause: string }[],
  now: Date,
): CalendarDate | null | undefined {
  const had = hasSystemDelay(before);
  const has = hasSystemDelay(after);
  if (!had && has && OPEN_STATUSES.includes(status)) return recheckDueOnFrom(now);
  if (had && !has) return null;
  return undefined;
}

// The re-check date after a recorded step: the 复查 itself clears it, 设定复查日期 with a date
// moves it (a caseworker agreeing another day with the member), other steps leave it.
export function recheckAfterStep(
  kind: StepKind,
  dueAt: Date | null | undefined,
): CalendarDate | null | undefined {
  if (kind === "recheck") return null;
  if (kind === "schedule_recheck" && dueAt) return shanghaiDay(dueAt);
  return undefined;
}

export function recheckOnCreate(causes: readonly { cause: string }[], openedAt: Date) {
  return hasSystemDelay(causes) ? recheckDueOnFrom(openedAt) : null;
}

// The 今日待复查 / 已逾期 queue: a re-check due today or earlier in Shanghai. Served by the partial
// index enquiries_recheck_due_idx, which holds only the enquiries waiting for one.
export function recheckDueCondition(now: Date): SQL {
  return and(
    isNotNull(enquiries.recheckDueOn),
    lte(enquiries.recheckDueOn, shanghaiDay(now)),
  ) as SQL;
}
