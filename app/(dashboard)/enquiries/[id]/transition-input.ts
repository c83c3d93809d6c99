import dayjs, { type Dayjs } from "dayjs";
import timezone from "dayjs/plugin/timezone";
import utc from "dayjs/plugin/utc";
import type { ReturnReason } from "@/db/constants";
import { SHANGHAI_TIME_ZONE } from "@/server/rules/calendar-day";
import { type Field, TRANSITIONS, type TransitionAction } from "@/server/rules/enquiry-status";
import type { TransitionInput } from "@/server/schemas/enquiries";

dayjs.extend(utc);
dayjs.extend(timezone);

// What a transition's dialog holds, and how it becomes the transition's input: only the fields
// the course table says the action requires are sent.

export type DialogValues = {
  reason?: string;
  resolutionSummary?: string;
  // 回访: method, result and satisfaction make up `followUp`.
  method?: NonNullable<TransitionInput["followUp"]>["method"];
  result?: string;
  satisfaction?: NonNullable<TransitionInput["followUp"]>["satisfaction"];
  returnReason?: ReturnReason;
  returnReasonText?: string;
  note?: string;
  // The Cascader path [province, city], or a typed code when no other region can be picked.
  toRegion?: string[] | string;
  resumeOn?: Dayjs;
  extendTo?: Dayjs;
  comment?: string;
  replyBy?: Dayjs;
  answer?: string;
};

export function requiresOf(action: TransitionAction): readonly Field[] {
  return TRANSITIONS.find((t) => t.code === action)?.requires ?? [];
}

export const day = (value: Dayjs) => value.format("YYYY-MM-DD");
// The picker shows the browser's wall clock; the agency's times are Beijing time.
export const shanghaiInstant = (value: Dayjs) =>
  dayjs.tz(value.format("YYYY-MM-DD HH:mm"), SHANGHAI_TIME_ZONE).toDate();

const trimmed = (text: string | undefined) => text?.trim() || null;

export function inputOf(action: TransitionAction, values: DialogValues) {
  const needs = new Set(requiresOf(action));
  const region = Array.isArray(values.toRegion) ? values.toRegion.at(-1) : values.toRegion;
  return {
    reason: needs.has("reason") ? trimmed(values.reason) : null,
    resolutionSummary: needs.has("resolutionSummary") ? trimmed(values.resolutionSummary) : null,
    followUp:
      needs.has("followUp") && values.method && values.result && values.satisfaction
        ? { method: values.method, result: values.result, satisfaction: values.satisfaction }
        : null,
    returnReason:
      needs.has("returnReason") && values.returnReason
        ? {
            code: values.returnReason,
            text: values.returnReason === "other" ? trimmed(values.returnReasonText) : null,
          }
        : null,
    note: needs.has("note") ? trimmed(values.note) : null,
    toRegion: needs.has("toRegion") ? (region?.trim() ?? null) : null,
    resumeOn: needs.has("resumeOn") && values.resumeOn ? day(values.resumeOn) : null,
    extendTo: needs.has("extendTo") && values.extendTo ? day(values.extendTo) : null,
    comment: needs.has("comment") ? trimmed(values.comment) : null,
    replyBy: needs.has("replyBy") && values.replyBy ? shanghaiInstant(values.replyBy) : null,
    answer: needs.has("answer") ? trimmed(values.answer) : null,
  };
}

// The form field a server error about an input field belongs to, if the dialog shows it.
export function formFieldOf(
  field: string,
  action: TransitionAction,
  values: DialogValues,
): keyof DialogValues | null {
  if (!(requiresOf(action) as readonly string[]).includes(field)) return null;
  if (field === "returnReason") {
    return values.returnReason === "other" ? "returnReasonText" : "returnReason";
  }
  // 回访's three parts are checked in the form before it is sent.
  if (field === "followUp") return null;
  return field as keyof DialogValues;
}
