import type { EnquiryStatus } from "@/db/constants";

// The course of an enquiry: one table of every action, the states it leaves from and goes to,
// who may take it, for which enquiries, and what must be supplied. The server's checks
// (checks.ts), the buttons on the enquiry page and the table in the README are all read from here.
//
// An enquiry filed at the counter (or online) runs the short course: 待处理 → 处理中 (→ 待复查) →
// 已办结 → 已回访, with 退回 and 重开 as side doors. A work order dispatched by a hotline (12345 /
// 12393) starts at 待签收 and adds 签收, 退单 (reviewed by the manager, then by the hotline centre),
// 转办 to another region, 挂起, 延期 and 督办; 催办 is recorded by the scheduled job.
//
// `to: null` means the action leaves the status as it is (a request, a decision, a flag).

// Who may take an action: the caseworker works the enquiry, the manager (科室负责人) decides;
// `system` is the scheduled job, never a person.
export const COURSE_ROLES = ["caseworker", "manager", "system"] as const;
export type CourseRole = (typeof COURSE_ROLES)[number];

// Filed at the agency (counter, phone to the desk, online) or dispatched by a hotline.
export const SOURCES = [
  { code: "counter", label: "本机构受理" },
  { code: "dispatched", label: "热线派单" },
] as const;
export type Source = (typeof SOURCES)[number]["code"];

// What the person taking an action supplies (shown as fields of its dialog).
export const FIELDS = {
  reason: "原因",
  resolutionSummary: "处理结果说明",
  followUp: "回访方式、结果与满意度",
  returnReason: "退单原因",
  note: "不同意的理由",
  toRegion: "转办地区",
  resumeOn: "预计恢复日期",
  extendTo: "延期至",
  comment: "督办意见",
  replyBy: "答复期限",
  answer: "督办答复",
} as const;
export type Field = keyof typeof FIELDS;

// Conditions on the enquiry beyond its status; checks.ts says what each one refuses with.
export const GUARDS = {
  causes: "已选择原因分类",
  memberKnown: "已关联参保人",
  mine: "未派给他人",
  beforeDue: "未超过办理时限",
  noPendingExtension: "无待审批的延期申请",
  extensionAwaitsManager: "有待科室审批的延期申请",
  extensionAwaitsCentre: "有待热线中心答复的延期申请",
  noOpenSupervision: "无未答复的督办",
  openSupervision: "有未答复的督办",
} as const;
export type Guard = keyof typeof GUARDS;

type Row = {
  code: string;
  label: string;
  from: readonly EnquiryStatus[];
  to: EnquiryStatus | null;
  roles: readonly CourseRole[];
  sources: readonly Source[];
  requires: readonly Field[];
  guards: readonly Guard[];
};

const BOTH = ["counter", "dispatched"] as const;
const DISPATCHED = ["dispatched"] as const;
const COUNTER = ["counter"] as const;
const CASEWORKER = ["caseworker"] as const;
const MANAGER = ["manager"] as const;
// Being worked on: where 延期, 督办 and 催办 apply.
const WORKING = ["in_progress", "awaiting_recheck"] as const;
const UNFINISHED = ["awaiting_sign", "in_progress", "awaiting_recheck", "suspended"] as const;

// biome-ignore format: one action per line reads as the table it is
export const TRANSITIONS = [
  { code: "start", label: "开始处理", from: ["open"], to: "in_progress", roles: CASEWORKER, sources: COUNTER, requires: [], guards: [] },
  { code: "sign", label: "签收", from: ["awaiting_sign"], to: "in_progress", roles: CASEWORKER, sources: DISPATCHED, requires: [], guards: ["mine"] },
  { code: "request_return", label: "申请退单", from: ["awaiting_sign"], to: "return_review", roles: CASEWORKER, sources: DISPATCHED, requires: ["returnReason"], guards: ["mine"] },
  { code: "approve_return", label: "同意退单并报热线中心", from: ["return_review"], to: "return_submitted", roles: MANAGER, sources: DISPATCHED, requires: [], guards: [] },
  { code: "refuse_return", label: "驳回退单", from: ["return_review"], to: "awaiting_sign", roles: MANAGER, sources: DISPATCHED, requires: ["note"], guards: [] },
  { code: "centre_accept_return", label: "热线中心同意退单", from: ["return_submitted"], to: "withdrawn", roles: MANAGER, sources: DISPATCHED, requires: [], guards: [] },
  { code: "centre_refuse_return", label: "热线中心不同意退单", from: ["return_submitted"], to: "awaiting_sign", roles: MANAGER, sources: DISPATCHED, requires: ["note"], guards: [] },
  { code: "transfer", label: "转办", from: ["awaiting_sign", ...WORKING], to: "awaiting_sign", roles: MANAGER, sources: DISPATCHED, requires: ["toRegion", "reason"], guards: [] },
  { code: "await_recheck", label: "转待复查", from: ["in_progress"], to: "awaiting_recheck", roles: CASEWORKER, sources: BOTH, requires: [], guards: [] },
  { code: "resume", label: "继续处理", from: ["awaiting_recheck"], to: "in_progress", roles: CASEWORKER, sources: BOTH, requires: [], guards: [] },
  { code: "suspend", label: "挂起", from: WORKING, to: "suspended", roles: CASEWORKER, sources: DISPATCHED, requires: ["reason", "resumeOn"], guards: ["beforeDue"] },
  { code: "unsuspend", label: "恢复办理", from: ["suspended"], to: "in_progress", roles: CASEWORKER, sources: DISPATCHED, requires: [], guards: [] },
  { code: "request_extension", label: "申请延期", from: WORKING, to: null, roles: CASEWORKER, sources: BOTH, requires: ["reason", "extendTo"], guards: ["beforeDue", "noPendingExtension"] },
  { code: "approve_extension", label: "同意延期", from: UNFINISHED, to: null, roles: MANAGER, sources: BOTH, requires: [], guards: ["extensionAwaitsManager"] },
  { code: "refuse_extension", label: "驳回延期", from: UNFINISHED, to: null, roles: MANAGER, sources: BOTH, requires: ["note"], guards: ["extensionAwaitsManager"] },
  { code: "centre_accept_extension", label: "热线中心同意延期", from: UNFINISHED, to: null, roles: MANAGER, sources: DISPATCHED, requires: [], guards: ["extensionAwaitsCentre"] },
  { code: "centre_refuse_extension", label: "热线中心不同意延期", from: UNFINISHED, to: null, roles: MANAGER, sources: DISPATCHED, requires: ["note"], guards: ["extensionAwaitsCentre"] },
  { code: "supervise", label: "督办", from: UNFINISHED, to: null, roles: MANAGER, sources: DISPATCHED, requires: ["comment", "replyBy"], guards: ["noOpenSupervision"] },
  { code: "answer_supervision", label: "答复督办", from: UNFINISHED, to: null, roles: CASEWORKER, sources: DISPATCHED, requires: ["answer"], guards: ["openSupervision"] },
  { code: "remind", label: "催办", from: UNFINISHED, to: null, roles: ["system"], sources: DISPATCHED, requires: [], guards: [] },
  { code: "resolve", label: "办结", from: WORKING, to: "resolved", roles: CASEWORKER, sources: BOTH, requires: ["resolutionSummary"], guards: ["causes", "memberKnown", "noOpenSupervision"] },
  { code: "follow_up", label: "回访", from: ["resolved"], to: "followed_up", roles: CASEWORKER, sources: BOTH, requires: ["followUp"], guards: [] },
  { code: "return_to_pool", label: "退回", from: WORKING, to: "open", roles: CASEWORKER, sources: COUNTER, requires: ["reason"], guards: [] },
  { code: "reopen", label: "重开", from: ["resolved", "followed_up"], to: "in_progress", roles: CASEWORKER, sources: BOTH, requires: ["reason"], guards: [] },
] as const satisfies readonly Row[];

export type TransitionAction = (typeof TRANSITIONS)[number]["code"];

// 原因 says what it is the reason for, in the dialog and in the message when it is missing.
const REASON_LABELS: Partial<Record<TransitionAction, string>> = {
  reopen: "重开原因",
  return_to_pool: "退回原因",
  transfer: "转办原因",
  suspend: "挂起原因",
  request_extension: "延期原因",
};
export const reasonLabel = (action: TransitionAction) => REASON_LABELS[action] ?? FIELDS.reason;
export type Transition = (typeof TRANSITIONS)[number];

export const TRANSITION_ACTION_CODES = TRANSITIONS.map((t) => t.code) as [
  TransitionAction,
  ...TransitionAction[],
];
export const TRANSITION_LABELS = Object.fromEntries(
  TRANSITIONS.map((t) => [t.code, t.label]),
) as Record<TransitionAction, string>;
