import { describe, expect, it } from "vitest";
import { ENQUIRY_STATUS_CODES, type EnquiryStatus } from "@/db/constants";
import {
  allowedActions,
  checkTransition,
  nextStatus,
  TRANSITION_ACTION_CODES,
  TRANSITION_LABELS,
  TRANSITIONS,
  type TransitionAction,
  type TransitionContext,
} from "./enquiry-status";

// The whole machine written out by hand, one row per status, so a change to TRANSITIONS that
// opens or closes a door shows up here as a deliberate edit. null means forbidden.
const EXPECTED: Record<EnquiryStatus, Record<TransitionAction, EnquiryStatus | null>> = {
  open: {
    start: "in_progress",
    await_recheck: null,
    resume: null,
    resolve: null,
    follow_up: null,
    return_to_pool: null,
    reopen: null,
  },
  in_progress: {
    start: null,
    await_recheck: "awaiting_recheck",
    resume: null,
    resolve: "resolved",
    follow_up: null,
    return_to_pool: "open",
    reopen: null,
  },
  awaiting_recheck: {
    start: null,
    await_recheck: null,
    resume: "in_progress",
    resolve: "resolved",
    follow_up: null,
    return_to_pool: "open",
    reopen: null,
  },
  resolved: {
    start: null,
    await_recheck: null,
    resume: null,
    resolve: null,
    follow_up: "followed_up",
    return_to_pool: null,
    reopen: "in_progress",
  },
  followed_up: {
    start: null,
    await_recheck: null,
    resume: null,
    resolve: null,
    follow_up: null,
    return_to_pool: null,
    reopen: "in_progress",
  },
};

// A context that satisfies every action's requirements, so the matrix tests only the status rule.
const COMPLETE: TransitionContext = {
  causeCount: 1,
  resolutionSummary: "已向参保人说明门诊共济改革后单位缴费不再划入个人账户",
  reason: "参保人再次来电",
  followUp: { method: "phone", result: "参保人表示已理解", satisfaction: "satisfied" },
};

const PAIRS = ENQUIRY_STATUS_CODES.flatMap((status) =>
  TRANSITION_ACTION_CODES.map((action) => ({ status, action, to: EXPECTED[status][action] })),
);

describe("the transition table", () => {
  it("covers every status and every action", () => {
    expect(PAIRS).toHaveLength(5 * 7);
    expect(Object.keys(EXPECTED).sort()).toEqual([...ENQUIRY_STATUS_CODES].sort());
  });

  it("labels each action in Chinese", () => {
    expect(TRANSITION_LABELS).toEqual({
      start: "开始处理",
      await_recheck: "转待复查",
      resume: "继续处理",
      resolve: "办结",
      follow_up: "回访",
      return_to_pool: "退回",
      reopen: "重开",
    });
  });

  it("lists each action once", () => {
    expect(new Set(TRANSITION_ACTION_CODES).size).toBe(TRANSITIONS.length);
  });
});

describe.each(PAIRS)("$status × $action", ({ status, action, to }) => {
  it(to ? `goes to ${to}` : "is forbidden", () => {
    expect(nextStatus(status, action)).toBe(to);
    expect(allowedActions(status).includes(action)).toBe(to !== null);
    expect(checkTransition(status, action, COMPLETE)).toEqual(
      to ? { ok: true, to } : { ok: false, message: expect.stringContaining("不能执行") },
    );
  });
});

describe("allowedActions", () => {
  it.each([
    ["open", ["start"]],
    ["in_progress", ["await_recheck", "resolve", "return_to_pool"]],
    ["awaiting_recheck", ["resume", "resolve", "return_to_pool"]],
    ["resolved", ["follow_up", "reopen"]],
    ["followed_up", ["reopen"]],
  ] as const)("offers %s the actions %j, in table order", (status, actions) => {
    expect(allowedActions(status)).toEqual(actions);
  });
});

describe("checkTransition messages", () => {
  it("names the current status and the refused action", () => {
    expect(checkTransition("resolved", "start", COMPLETE)).toEqual({
      ok: false,
      message: "当前状态为「已办结」，不能执行「开始处理」",
    });
    expect(checkTransition("open", "resolve", COMPLETE)).toEqual({
      ok: false,
      message: "当前状态为「待处理」，不能执行「办结」",
    });
  });

  it("checks the status before the inputs", () => {
    expect(checkTransition("open", "resolve", { causeCount: 0 })).toMatchObject({
      message: "当前状态为「待处理」，不能执行「办结」",
    });
  });

  it("needs nothing extra to start, await a recheck or resume", () => {
    expect(checkTransition("open", "start", { causeCount: 0 })).toEqual({
      ok: true,
      to: "in_progress",
    });
    expect(checkTransition("in_progress", "await_recheck", { causeCount: 0 }).ok).toBe(true);
    expect(checkTransition("awaiting_recheck", "resume", { causeCount: 0 }).ok).toBe(true);
  });
});

describe("resolve requirements", () => {
  const resolve = (ctx: TransitionContext, from: EnquiryStatus = "in_progress") =>
    checkTransition(from, "resolve", ctx);

  it("needs at least one cause", () => {
    expect(resolve({ causeCount: 0, resolutionSummary: "已说明" })).toEqual({
      ok: false,
      message: "办结前请至少选择一个原因分类",
    });
  });

  it.each([undefined, null, "", "   "])("needs a resolution summary, not %j", (summary) => {
    expect(resolve({ causeCount: 2, resolutionSummary: summary })).toEqual({
      ok: false,
      message: "请填写处理结果说明",
    });
  });

  it("resolves from either working status once both are given", () => {
    const ctx = { causeCount: 1, resolutionSummary: "已补划" };
    expect(resolve(ctx)).toEqual({ ok: true, to: "resolved" });
    expect(resolve(ctx, "awaiting_recheck")).toEqual({ ok: true, to: "resolved" });
  });
});

describe("follow-up requirements", () => {
  const followUp = (value: TransitionContext["followUp"]) =>
    checkTransition("resolved", "follow_up", { causeCount: 1, followUp: value });
  const complete = {
    method: "sms",
    result: "已电话确认到账",
    satisfaction: "mostly_satisfied",
  } as const;

  it.each([
    [undefined, "请选择回访方式"],
    [null, "请选择回访方式"],
    [{ ...complete, method: null }, "请选择回访方式"],
    [{ ...complete, result: "  " }, "请填写回访结果"],
    [{ ...complete, result: null }, "请填写回访结果"],
    [{ ...complete, satisfaction: null }, "请选择满意度"],
  ])("refuses %j", (value, message) => {
    expect(followUp(value)).toEqual({ ok: false, message });
  });

  it("refuses codes outside the lists even when the types are bypassed", () => {
    const forged = { ...complete, method: "fax" } as unknown as TransitionContext["followUp"];
    expect(followUp(forged)).toEqual({ ok: false, message: "请选择回访方式" });
  });

  it("records the follow-up once method, result and satisfaction are given", () => {
    expect(followUp(complete)).toEqual({ ok: true, to: "followed_up" });
  });
});

describe("reason requirements", () => {
  it.each([
    ["in_progress", "return_to_pool", "请填写退回原因"],
    ["awaiting_recheck", "return_to_pool", "请填写退回原因"],
    ["resolved", "reopen", "请填写重开原因"],
    ["followed_up", "reopen", "请填写重开原因"],
  ] as const)("%s → %s needs a reason", (from, action, message) => {
    for (const reason of [undefined, null, "", " \n "]) {
      expect(checkTransition(from, action, { causeCount: 1, reason })).toEqual({
        ok: false,
        message,
      });
    }
  });

  it("returns to the pool and reopens once a reason is given", () => {
    const ctx = { causeCount: 0, reason: "非本区域参保人，转交属地处理" };
    expect(checkTransition("in_progress", "return_to_pool", ctx)).toEqual({ ok: true, to: "open" });
    expect(checkTransition("followed_up", "reopen", ctx)).toEqual({ ok: true, to: "in_progress" });
  });
});
