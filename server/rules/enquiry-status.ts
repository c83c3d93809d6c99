import {
  ENQUIRY_STATUS_LABELS,
  type EnquiryStatus,
  FOLLOW_UP_METHOD_CODES,
  type FollowUpMethod,
  SATISFACTION_CODES,
  type Satisfaction,
} from "@/db/constants";

// The enquiry life cycle. The main line runs 待处理 → 处理中 (→ 待复查 while a system-delay
// credit is awaited) → 已办结 → 已回访. Two side doors: 退回 puts unfinished work back in the
// pool for someone else, and 重开 takes a closed enquiry back into work when the member calls
// again. Both ask for a reason because they undo someone's work and the history must say why.
// `requires` names what the caseworker must supply, so the form knows which fields to show.
export const TRANSITIONS = [
  { code: "start", label: "开始处理", from: ["open"], to: "in_progress", requires: null },
  {
    code: "await_recheck",
    label: "转待复查",
    from: ["in_progress"],
    to: "awaiting_recheck",
    requires: null,
  },
  {
    code: "resume",
    label: "继续处理",
    from: ["awaiting_recheck"],
    to: "in_progress",
    requires: null,
  },
  {
    code: "resolve",
    label: "办结",
    from: ["in_progress", "awaiting_recheck"],
    to: "resolved",
    requires: "resolution",
  },
  {
    code: "follow_up",
    label: "回访",
    from: ["resolved"],
    to: "followed_up",
    requires: "follow_up",
  },
  {
    code: "return_to_pool",
    label: "退回",
    from: ["in_progress", "awaiting_recheck"],
    to: "open",
    requires: "reason",
  },
  {
    code: "reopen",
    label: "重开",
    from: ["resolved", "followed_up"],
    to: "in_progress",
    requires: "reason",
  },
] as const satisfies readonly {
  code: string;
  label: string;
  from: readonly EnquiryStatus[];
  to: EnquiryStatus;
  requires: "resolution" | "follow_up" | "reason" | null;
}[];

export type TransitionAction = (typeof TRANSITIONS)[number]["code"];
type Transition = (typeof TRANSITIONS)[number];

export const TRANSITION_ACTION_CODES = TRANSITIONS.map((t) => t.code) as [
  TransitionAction,
  ...TransitionAction[],
];
export const TRANSITION_LABELS = Object.fromEntries(
  TRANSITIONS.map((t) => [t.code, t.label]),
) as Record<TransitionAction, string>;

export type TransitionContext = {
  causeCount: number;
  resolutionSummary?: string | null;
  reason?: string | null;
  followUp?: {
    method?: FollowUpMethod | null;
    result?: string | null;
    satisfaction?: Satisfaction | null;
  } | null;
};

export type TransitionCheck = { ok: true; to: EnquiryStatus } | { ok: false; message: string };

function findTransition(action: TransitionAction): Transition | undefined {
  return TRANSITIONS.find((t) => t.code === action);
}

function leavesFrom(transition: Transition, status: EnquiryStatus): boolean {
  return (transition.from as readonly EnquiryStatus[]).includes(status);
}

export function allowedActions(status: EnquiryStatus): TransitionAction[] {
  return TRANSITIONS.filter((t) => leavesFrom(t, status)).map((t) => t.code);
}

export function nextStatus(status: EnquiryStatus, action: TransitionAction): EnquiryStatus | null {
  const transition = findTransition(action);
  return transition && leavesFrom(transition, status) ? transition.to : null;
}

const isBlank = (text: string | null | undefined) => !text?.trim();

// What the caseworker still has to fill in for this action, or null when nothing is missing.
function missingInput(action: TransitionAction, ctx: TransitionContext): string | null {
  switch (action) {
    case "resolve":
      if (ctx.causeCount < 1) return "办结前请至少选择一个原因分类";
      if (isBlank(ctx.resolutionSummary)) return "请填写处理结果说明";
      return null;
    case "follow_up": {
      const followUp = ctx.followUp;
      if (!followUp?.method || !FOLLOW_UP_METHOD_CODES.includes(followUp.method)) {
        return "请选择回访方式";
      }
      if (isBlank(followUp.result)) return "请填写回访结果";
      if (!followUp.satisfaction || !SATISFACTION_CODES.includes(followUp.satisfaction)) {
        return "请选择满意度";
      }
      return null;
    }
    case "return_to_pool":
      return isBlank(ctx.reason) ? "请填写退回原因" : null;
    case "reopen":
      return isBlank(ctx.reason) ? "请填写重开原因" : null;
    default:
      return null;
  }
}

export function checkTransition(
  from: EnquiryStatus,
  action: TransitionAction,
  ctx: TransitionContext,
): TransitionCheck {
  const transition = findTransition(action);
  if (!transition) return { ok: false, message: "不支持的操作" };
  if (!leavesFrom(transition, from)) {
    return {
      ok: false,
      message: `当前状态为「${ENQUIRY_STATUS_LABELS[from] ?? from}」，不能执行「${transition.label}」`,
    };
  }
  const missing = missingInput(action, ctx);
  if (missing) return { ok: false, message: missing };
  return { ok: true, to: transition.to };
}

// 已办结 and 已回访: what the caseworker found is final, so a letter may say 经核实.
export function isClosed(status: EnquiryStatus): boolean {
  return status === "resolved" || status === "followed_up";
}
