// How far each demo enquiry got by `now`, and when its steps were done: old enquiries are nearly
// all resolved or followed up, recent ones are still being worked on.
import { type FollowUpMethod, RECHECK_AFTER_WORKING_DAYS, type Satisfaction } from "@/db/constants";
import { shanghaiDay } from "../../rules/calendar-day";
import { addWorkingDays, addWorkingDaysToDate } from "../../rules/working-days";
import {
  addWorkingMinutes,
  DAY_MS,
  HOUR_MS,
  WORKING_DAY_MINUTES,
  workingMinutesBetween,
} from "./calendar";
import type { EnquiryDraft } from "./enquiries";
import type { Random, Weighted } from "./random";
import { FOLLOW_UP_RESULTS } from "./scenarios";
import { followUpStep, type PlannedStep } from "./steps";

const FOLLOW_UP_METHODS: Weighted<FollowUpMethod> = [
  ["phone", 60],
  ["sms", 15],
  ["counter", 10],
  ["online", 15],
];
const SATISFACTIONS: Weighted<Satisfaction> = [
  ["satisfied", 78],
  ["mostly_satisfied", 17],
  ["dissatisfied", 5],
];

// Sets the status, resolution, follow-up and the steps done so far from the full step plan.
// `awaitsRecheck` is the primary cause's (系统延迟): its work waits for a re-check.
export function settle(
  random: Random,
  now: Date,
  draft: EnquiryDraft,
  plan: PlannedStep[],
  summary: string,
  awaitsRecheck: boolean,
) {
  const opened = draft.openedAt.getTime();
  const nowMs = now.getTime();
  const ageDays = (nowMs - opened) / DAY_MS;
  const closeChance = ageDays > 30 ? 0.96 : ageDays > 7 ? 0.7 : ageDays > 2 ? 0.35 : 0.08;
  // Durations in counter minutes: a re-check takes one to three working days, an urgent
  // negative balance is settled within two, the rest within a week.
  const resolutionMinutes = awaitsRecheck
    ? random.int(1 * WORKING_DAY_MINUTES, 3 * WORKING_DAY_MINUTES)
    : draft.priority === "urgent"
      ? random.int(60, 2 * WORKING_DAY_MINUTES)
      : random.int(60, 5 * WORKING_DAY_MINUTES);
  const resolvedAt = addWorkingMinutes(opened, resolutionMinutes);
  const closes = random.chance(closeChance) && resolvedAt < nowMs - HOUR_MS;
  const followedUpAt = addWorkingMinutes(
    resolvedAt,
    random.int(WORKING_DAY_MINUTES, 3 * WORKING_DAY_MINUTES),
  );

  const start = addWorkingMinutes(opened, random.int(5, 40));
  let steps: PlannedStep[];
  let spanMinutes: number;
  if (closes) {
    draft.status = "resolved";
    draft.resolvedAt = new Date(resolvedAt);
    draft.resolutionSummary = summary;
    steps = plan;
    spanMinutes = workingMinutesBetween(start, resolvedAt);
  } else {
    const recheck = awaitsRecheck && random.chance(0.5);
    draft.status = recheck ? "awaiting_recheck" : random.chance(0.5) ? "in_progress" : "open";
    if (ageDays > 30 && draft.status === "open") draft.status = "in_progress";
    const upTo = plan.findIndex((step) => step.kind === "schedule_recheck");
    steps =
      draft.status === "open"
        ? []
        : draft.status === "awaiting_recheck"
          ? plan.slice(0, upTo + 1)
          : plan.slice(0, Math.max(1, Math.ceil(plan.length / 2)));
    spanMinutes = Math.min(
      random.int(60, 3 * WORKING_DAY_MINUTES),
      workingMinutesBetween(start, nowMs) - 10,
    );
  }

  const doneBy = draft.assigneeId ?? draft.createdBy;
  const fractions = steps.map(() => random.next()).sort((a, b) => a - b);
  draft.steps = steps.map((step, i) => {
    const doneAt = addWorkingMinutes(start, (fractions[i] ?? 0) * Math.max(0, spanMinutes));
    const dueAt =
      step.kind === "schedule_recheck"
        ? addWorkingDays(new Date(doneAt), RECHECK_AFTER_WORKING_DAYS)
        : null;
    return { ...step, doneBy, doneAt: new Date(doneAt), dueAt };
  });
  draft.updatedAt = draft.steps.at(-1)?.doneAt ?? draft.openedAt;
  if (!closes) {
    draft.recheckDueOn = pendingRecheck(draft);
    return;
  }
  draft.updatedAt = draft.resolvedAt ?? draft.updatedAt;

  if (random.chance(ageDays > 30 ? 0.65 : 0.35) && followedUpAt < now.getTime()) {
    const method = random.weighted(FOLLOW_UP_METHODS);
    const satisfaction = random.weighted(SATISFACTIONS);
    const result = random.pick(FOLLOW_UP_RESULTS[satisfaction]);
    draft.status = "followed_up";
    draft.followUpMethod = method;
    draft.followUpResult = result;
    draft.satisfaction = satisfaction;
    draft.followedUpAt = new Date(followedUpAt);
    draft.updatedAt = draft.followedUpAt;
    draft.steps.push({
      ...followUpStep(method, result),
      doneBy,
      doneAt: draft.followedUpAt,
      dueAt: null,
    });
  }
}

// The re-check still to do on an open 系统延迟 enquiry, as the application would have set it:
// the date of the latest 设定复查日期 step, or two working days after filing; none once the
// 复查 is recorded.
function pendingRecheck(draft: EnquiryDraft): string | null {
  if (!draft.causes.some((tag) => tag.cause === "system_delay")) return null;
  if (draft.steps.some((step) => step.kind === "recheck")) return null;
  const scheduled = draft.steps.findLast((step) => step.kind === "schedule_recheck")?.dueAt;
  if (scheduled) return shanghaiDay(scheduled);
  return addWorkingDaysToDate(shanghaiDay(draft.openedAt), RECHECK_AFTER_WORKING_DAYS);
}
