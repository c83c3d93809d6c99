import { z } from "zod";
import {
  CAUSE_CODES,
  CAUSE_LABELS,
  CHANNEL_CODES,
  choosableSubReasons,
  ENQUIRY_STATUS_CODES,
  FOLLOW_UP_METHOD_CODES,
  hasSubReasons,
  RETURN_REASON_CODES,
  SATISFACTION_CODES,
  STEP_KIND_CODES,
  SUB_REASON_CODES,
  SUB_REASON_LABELS,
  SYMPTOM_CODES,
  subReasonFits,
} from "@/db/constants";
import { TRANSITION_ACTION_CODES } from "../rules/enquiry-status";
import { codeList } from "./code-list";
import { fen, regionCode, rowId, version } from "./fields";
import { relatedEnquiryIds, triageFacts } from "./insights";
import { calendarDay, instant, text } from "./text";

// One schema per operation, shared by the form (client-side validation), the router (input)
// and the tests. Money travels as integer 分; the forms convert typed 元 with parseYuanToFen.

const id = rowId;
const requiredText = (label: string, max: number) =>
  text().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`);

// Why a tag's sub-reason does not fit its cause, or null; the cause editor says the same.
export function subReasonIssue(tag: Pick<CauseTag, "cause" | "subReason">): string | null {
  const label = CAUSE_LABELS[tag.cause];
  if (!hasSubReasons(tag.cause)) return tag.subReason ? `「${label}」不分子原因` : null;
  if (!tag.subReason) return `选择「${label}」时请选择具体子原因`;
  if (!subReasonFits(tag.cause, tag.subReason)) return `子原因不属于「${label}」`;
  if (!choosableSubReasons(tag.cause).some((option) => option.code === tag.subReason)) {
    return `「${label}」请选择具体子原因，「${SUB_REASON_LABELS[tag.subReason]}」只用于历史记录`;
  }
  return null;
}

export const causeTag = z.strictObject({
  cause: z.enum(CAUSE_CODES, { error: "原因分类无效" }),
  subReason: z.enum(SUB_REASON_CODES, { error: "子原因无效" }).nullable().default(null),
  isPrimary: z.boolean(),
});
export type CauseTag = z.infer<typeof causeTag>;

export const causeTags = z
  .array(causeTag)
  .max(CAUSE_CODES.length, `原因分类最多${CAUSE_CODES.length}个`)
  .superRefine((tags, ctx) => {
    const seen = new Set<string>();
    for (const tag of tags) {
      if (seen.has(tag.cause)) ctx.addIssue({ code: "custom", message: "原因分类不能重复" });
      seen.add(tag.cause);
      const issue = subReasonIssue(tag);
      if (issue) ctx.addIssue({ code: "custom", message: issue });
    }
    const primaries = tags.filter((tag) => tag.isPrimary).length;
    if (tags.length > 0 && primaries !== 1) {
      ctx.addIssue({ code: "custom", message: "请指定且只指定一个主要原因" });
    }
  });

export const createEnquiryInput = z.strictObject({
  idempotencyKey: z.uuid("提交编号无效"),
  memberId: id,
  regionCode: regionCode.optional(),
  channel: z.enum(CHANNEL_CODES, { error: "请选择受理渠道" }),
  symptom: z.enum(SYMPTOM_CODES, { error: "请选择反映的问题" }),
  reportedBalanceFen: fen("反映余额").nullable(),
  disputedAmountFen: fen("涉及金额").min(0, "涉及金额不能为负数").nullable(),
  description: requiredText("问题描述", 2000),
  causes: causeTags,
  // The facts given to the triage panel, and earlier enquiries of the member this one repeats.
  triage: triageFacts.optional(),
  relatedEnquiryIds,
});
export type CreateEnquiryInput = z.infer<typeof createEnquiryInput>;

export const LIST_SORTS = ["newest", "oldest", "due"] as const;

export const listEnquiriesInput = z.strictObject({
  status: codeList(ENQUIRY_STATUS_CODES).optional(),
  cause: codeList(CAUSE_CODES).optional(),
  // 政策改革 and 其他 by their sub-reasons (门诊共济改革, 断缴 …).
  subReason: codeList(SUB_REASON_CODES).optional(),
  symptom: codeList(SYMPTOM_CODES).optional(),
  channel: codeList(CHANNEL_CODES).optional(),
  regionCode: regionCode.optional(),
  assigneeId: id.optional(),
  mine: z.boolean().optional(),
  // The 今日待复查 / 已逾期 queue: a 系统延迟 re-check due today or earlier.
  recheckDue: z.boolean().optional(),
  // 已转出: the orders the caller's region handed to another by 转办, read-only here.
  transferredOut: z.boolean().optional(),
  memberId: id.optional(),
  openedFrom: instant().optional(),
  openedTo: instant().optional(),
  q: text().trim().max(50, "搜索词不能超过50个字").optional(),
  sort: z.enum(LIST_SORTS).default("newest"),
  cursor: text().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(20),
});
export type ListEnquiriesInput = z.input<typeof listEnquiriesInput>;

// The same filters without paging: the list's total is fetched on its own.
export const countEnquiriesInput = listEnquiriesInput.omit({
  sort: true,
  cursor: true,
  limit: true,
});
export type CountEnquiriesInput = z.input<typeof countEnquiriesInput>;

export const enquiryRef = z.strictObject({ id });

const versioned = { id, version };

export const transitionInput = z.strictObject({
  ...versioned,
  action: z.enum(TRANSITION_ACTION_CODES, { error: "操作无效" }),
  reason: text().trim().max(500, "原因不能超过500个字").nullish(),
  resolutionSummary: text().trim().max(2000, "处理结果不能超过2000个字").nullish(),
  followUp: z
    .strictObject({
      method: z.enum(FOLLOW_UP_METHOD_CODES, { error: "请选择回访方式" }),
      result: requiredText("回访结果", 1000),
      satisfaction: z.enum(SATISFACTION_CODES, { error: "请选择满意度" }),
    })
    .nullish(),
  // The work orders' actions (server/rules/enquiry-status/table.ts says which needs what).
  returnReason: z
    .strictObject({
      code: z.enum(RETURN_REASON_CODES, { error: "请选择退单原因" }),
      text: text().trim().max(500, "退单原因不能超过500个字").nullish(),
    })
    .nullish(),
  note: text().trim().max(500, "理由不能超过500个字").nullish(),
  toRegion: regionCode.nullish(),
  resumeOn: calendarDay("预计恢复日期").nullish(),
  extendTo: calendarDay("延期日期").nullish(),
  comment: text().trim().max(500, "督办意见不能超过500个字").nullish(),
  replyBy: instant().nullish(),
  answer: text().trim().max(1000, "督办答复不能超过1000个字").nullish(),
});
export type TransitionInput = z.infer<typeof transitionInput>;

export const setCausesInput = z.strictObject({ ...versioned, causes: causeTags });

export const assignInput = z.strictObject({ ...versioned, assigneeId: id.nullable() });

export const addStepInput = z.strictObject({
  ...versioned,
  kind: z.enum(STEP_KIND_CODES, { error: "请选择处理步骤" }),
  note: text().trim().max(2000, "说明不能超过2000个字").nullish(),
  dueAt: instant().nullish(),
});
