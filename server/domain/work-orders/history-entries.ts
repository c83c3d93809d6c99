// What each event of a work order's course writes into its history (the audit entry's `after`),
// in the words the enquiry page shows. The desk's effects (dispatch.ts, effects.ts,
// review-effects.ts, reminders.ts) and the demo seed build their entries here, so the two can
// never tell the same event differently.
import {
  CENTRE_DECISION_LABELS,
  PRIORITY_LABELS,
  type Priority,
  REMINDER_KIND_LABELS,
  RETURN_REASON_LABELS,
  type ReminderKind,
  type ReturnReason,
  SYMPTOM_LABELS,
  type Symptom,
  WORK_ORDER_CLASSIFICATION_LABELS,
  WORK_ORDER_PLATFORM_LABELS,
  type WorkOrderClassification,
  type WorkOrderPlatform,
} from "@/db/constants";
import { chineseDay, shanghaiMinute } from "../../rules/calendar-day";

type Entry = Record<string, unknown>;

const noted = (note: string | null | undefined): Entry => (note ? { note } : {});
const dueAt = (due: Date | null | undefined): Entry => (due ? { dueAt: shanghaiMinute(due) } : {});

// How the order's member was found at 派单.
export type MemberFound =
  | { by: "chosen" }
  | { by: "身份证号" | "手机号" | "姓名" }
  | { by: "unidentified"; callerName: string };

function memberNote(found: MemberFound): string {
  if (found.by === "chosen") return "已选择";
  if (found.by === "unidentified") return `待识别（来电人${found.callerName}）`;
  return `按${found.by}匹配`;
}

export const orderHistory = {
  dispatch: (order: {
    platform: WorkOrderPlatform;
    externalNumber: string;
    classification: WorkOrderClassification;
    region: string;
    member: MemberFound;
    assignee: string | null;
    symptom: Symptom;
    priority: Priority;
    dueAt: Date;
  }): Entry => ({
    platform: WORK_ORDER_PLATFORM_LABELS[order.platform],
    externalNumber: order.externalNumber,
    classification: WORK_ORDER_CLASSIFICATION_LABELS[order.classification],
    region: order.region,
    member: memberNote(order.member),
    assignee: order.assignee ?? "待签收",
    symptom: SYMPTOM_LABELS[order.symptom],
    priority: PRIORITY_LABELS[order.priority],
    dueAt: shanghaiMinute(order.dueAt),
  }),
  sign: (late: boolean): Entry => ({ signed: late ? "超时签收" : "按时签收" }),
  transfer: (to: string, reason: string): Entry => ({ to, reason }),
  suspend: (reason: string, resumeOn: string): Entry => ({
    reason,
    resumeOn: chineseDay(resumeOn),
  }),
  resume: (due: Date | null | undefined): Entry => dueAt(due),
  supervise: (comment: string, replyBy: Date): Entry => ({
    comment,
    replyBy: shanghaiMinute(replyBy),
  }),
  answer: (answer: string, late: boolean): Entry => ({
    answer,
    ...(late ? { late: "逾期答复" } : {}),
  }),
  returnRequest: (code: ReturnReason, text: string | null | undefined): Entry => ({
    request: RETURN_REASON_LABELS[code],
    ...(text ? { reason: text } : {}),
  }),
  returnDecision: (approved: boolean, note: string | null | undefined): Entry => ({
    decision: approved ? "同意退单，已报热线中心" : "驳回退单",
    ...noted(note),
  }),
  extensionRequest: (extendTo: string, days: number, reason: string): Entry => ({
    request: `延期至${chineseDay(extendTo)}（${days}个工作日）`,
    reason,
  }),
  // A dispatched order's extension goes on to the hotline centre; a counter enquiry's ends here.
  extensionDecision: (
    approved: boolean,
    toCentre: boolean,
    note: string | null | undefined,
  ): Entry => ({
    decision: approved ? (toCentre ? "同意延期，已报热线中心" : "同意延期") : "驳回延期",
    ...noted(note),
  }),
  // The hotline centre's answer to a 退单 or 延期; an accepted 延期 names the new due moment.
  centre: (accepted: boolean, note: string | null | undefined, due?: Date | null): Entry => ({
    centre: CENTRE_DECISION_LABELS[accepted ? "accepted" : "refused"],
    ...dueAt(due),
    ...noted(note),
  }),
  remind: (kind: ReminderKind, due: Date): Entry => ({
    reminder: REMINDER_KIND_LABELS[kind],
    dueAt: shanghaiMinute(due),
  }),
};
