import {
  ENQUIRY_STATUS_LABELS,
  type EnquiryStatus,
  FOLLOW_UP_METHOD_CODES,
  type FollowUpMethod,
  OPEN_STATUSES,
  RETURN_REASON_CODES,
  type ReturnReason,
  SATISFACTION_CODES,
  type Satisfaction,
} from "@/db/constants";
import {
  type CourseRole,
  type Field,
  type Guard,
  reasonLabel,
  type Source,
  TRANSITIONS,
  type Transition,
  type TransitionAction,
} from "./table";

// The server's checks of the course table: whether an action may be taken on an enquiry in its
// present state, by this role, with what was supplied. Pure; the domain functions load the facts.

// What the enquiry is like beyond its status.
export type CourseFacts = {
  source: Source;
  causeCount: number;
  // A hotline order may arrive without its member (待识别参保人); it cannot close so.
  memberKnown: boolean;
  // 签收 and 退单 are for the caseworker the order was dispatched to, or anyone when it was
  // dispatched to the region only.
  assignedToOther: boolean;
  // The due moment has passed (延期 and 挂起 are asked for within the limit).
  overdue: boolean;
  extensionStage: "manager" | "centre" | null;
  openSupervision: boolean;
};

// What the person taking the action supplied.
export type CourseInput = {
  reason?: string | null;
  resolutionSummary?: string | null;
  followUp?: {
    method?: FollowUpMethod | null;
    result?: string | null;
    satisfaction?: Satisfaction | null;
  } | null;
  returnReason?: { code?: ReturnReason | null; text?: string | null } | null;
  note?: string | null;
  toRegion?: string | null;
  resumeOn?: string | null;
  extendTo?: string | null;
  comment?: string | null;
  replyBy?: Date | null;
  answer?: string | null;
};

export type TransitionCheck =
  | { ok: true; to: EnquiryStatus | null }
  | { ok: false; message: string; field?: Field; byRole?: true };

function findTransition(action: TransitionAction): Transition | undefined {
  return TRANSITIONS.find((t) => t.code === action);
}

function leavesFrom(transition: Transition, status: EnquiryStatus): boolean {
  return (transition.from as readonly EnquiryStatus[]).includes(status);
}

const isBlank = (text: string | null | undefined) => !text?.trim();

// Why a required field is missing or wrong, or null. Each reason names the field.
function fieldIssue(action: TransitionAction, field: Field, input: CourseInput): string | null {
  switch (field) {
    case "reason":
      return isBlank(input.reason) ? `请填写${reasonLabel(action)}` : null;
    case "resolutionSummary":
      return isBlank(input.resolutionSummary) ? "请填写处理结果说明" : null;
    case "followUp": {
      const followUp = input.followUp;
      if (!followUp?.method || !FOLLOW_UP_METHOD_CODES.includes(followUp.method)) {
        return "请选择回访方式";
      }
      if (isBlank(followUp.result)) return "请填写回访结果";
      if (!followUp.satisfaction || !SATISFACTION_CODES.includes(followUp.satisfaction)) {
        return "请选择满意度";
      }
      return null;
    }
    case "returnReason": {
      const code = input.returnReason?.code;
      if (!code || !RETURN_REASON_CODES.includes(code)) return "请选择退单原因";
      if (code === "other" && isBlank(input.returnReason?.text))
        return "选择「其他」时请写明退单原因";
      return null;
    }
    case "note":
      return isBlank(input.note) ? "请填写不同意的理由" : null;
    case "toRegion":
      return isBlank(input.toRegion) ? "请选择转办地区" : null;
    case "resumeOn":
      return isBlank(input.resumeOn) ? "请选择预计恢复日期" : null;
    case "extendTo":
      return isBlank(input.extendTo) ? "请选择延期至哪一天" : null;
    case "comment":
      return isBlank(input.comment) ? "请填写督办意见" : null;
    case "replyBy":
      return input.replyBy ? null : "请选择答复期限";
    case "answer":
      return isBlank(input.answer) ? "请填写督办答复" : null;
  }
}

// Why a condition on the enquiry refuses the action, or null.
function guardIssue(guard: Guard, facts: CourseFacts): string | null {
  switch (guard) {
    case "causes":
      return facts.causeCount < 1 ? "办结前请至少选择一个原因分类" : null;
    case "memberKnown":
      return facts.memberKnown ? null : "办结前请先关联参保人";
    case "mine":
      return facts.assignedToOther ? "该工单已派给其他经办人员" : null;
    case "beforeDue":
      return facts.overdue ? "已超过办理时限，不能再申请；请尽快办结" : null;
    case "noPendingExtension":
      return facts.extensionStage ? "已有一项延期申请在审批中" : null;
    case "extensionAwaitsManager":
      return facts.extensionStage === "manager" ? null : "没有待科室审批的延期申请";
    case "extensionAwaitsCentre":
      return facts.extensionStage === "centre" ? null : "没有待热线中心答复的延期申请";
    case "noOpenSupervision":
      return facts.openSupervision ? "该工单有未答复的督办，请先答复督办" : null;
    case "openSupervision":
      return facts.openSupervision ? null : "该工单没有待答复的督办";
  }
}

// The actions this role may see for an enquiry in this state: the buttons on its page.
export function allowedActions(
  status: EnquiryStatus,
  role: CourseRole,
  facts: CourseFacts,
): TransitionAction[] {
  return TRANSITIONS.filter(
    (t) =>
      leavesFrom(t, status) &&
      (t.roles as readonly CourseRole[]).includes(role) &&
      (t.sources as readonly Source[]).includes(facts.source) &&
      t.guards.every((guard) => guardIssue(guard, facts) === null),
  ).map((t) => t.code);
}

export function checkTransition(
  from: EnquiryStatus,
  action: TransitionAction,
  role: CourseRole,
  facts: CourseFacts,
  input: CourseInput,
): TransitionCheck {
  const transition = findTransition(action);
  if (!transition) return { ok: false, message: "不支持的操作" };
  if (!(transition.sources as readonly Source[]).includes(facts.source)) {
    return {
      ok: false,
      message:
        facts.source === "dispatched"
          ? `热线派单不能「${transition.label}」`
          : `「${transition.label}」只用于热线派单`,
    };
  }
  if (!(transition.roles as readonly CourseRole[]).includes(role)) {
    return {
      ok: false,
      message: (transition.roles as readonly CourseRole[]).includes("manager")
        ? `「${transition.label}」须由科室负责人操作`
        : `「${transition.label}」须由经办人员操作`,
      byRole: true,
    };
  }
  if (!leavesFrom(transition, from)) {
    return {
      ok: false,
      message: `当前状态为「${ENQUIRY_STATUS_LABELS[from] ?? from}」，不能执行「${transition.label}」`,
    };
  }
  for (const guard of transition.guards) {
    const issue = guardIssue(guard, facts);
    if (issue) return { ok: false, message: issue };
  }
  for (const field of transition.requires) {
    const issue = fieldIssue(action, field, input);
    if (issue) return { ok: false, message: issue, field };
  }
  return { ok: true, to: transition.to };
}

// Past its due moment and still the agency's work. A suspended order's clock stands still, so
// its stored due moment says nothing until it resumes.
export function isOverdue(status: EnquiryStatus, dueAt: Date, now: number): boolean {
  return OPEN_STATUSES.includes(status) && status !== "suspended" && dueAt.getTime() < now;
}

// 已办结 and 已回访: what the caseworker found is final, so a letter may say 经核实.
export function isClosed(status: EnquiryStatus): boolean {
  return status === "resolved" || status === "followed_up";
}
