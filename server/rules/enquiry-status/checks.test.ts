import { describe, expect, it } from "vitest";
import { ENQUIRY_STATUS_CODES, type EnquiryStatus } from "@/db/constants";
import {
  allowedActions,
  COURSE_ROLES,
  type CourseFacts,
  type CourseInput,
  type CourseRole,
  checkTransition,
  isOverdue,
  SOURCES,
  type Source,
  TRANSITION_ACTION_CODES,
  TRANSITIONS,
  type TransitionAction,
} from "./index";

// The whole course written out by hand, one action per line: the statuses it leaves from, where
// it goes ("=" stays), who takes it and for which enquiries. A change to TRANSITIONS that opens or
// closes a door shows up here as a deliberate edit.
const WRITTEN = `
start                    open                                          > in_progress      caseworker counter
sign                     awaiting_sign                                 > in_progress      caseworker dispatched
request_return           awaiting_sign                                 > return_review    caseworker dispatched
approve_return           return_review                                 > return_submitted manager    dispatched
refuse_return            return_review                                 > awaiting_sign    manager    dispatched
centre_accept_return     return_submitted                              > withdrawn        manager    dispatched
centre_refuse_return     return_submitted                              > awaiting_sign    manager    dispatched
transfer                 awaiting_sign,in_progress,awaiting_recheck    > awaiting_sign    manager    dispatched
await_recheck            in_progress                                   > awaiting_recheck caseworker counter,dispatched
resume                   awaiting_recheck                              > in_progress      caseworker counter,dispatched
suspend                  in_progress,awaiting_recheck                  > suspended        caseworker dispatched
unsuspend                suspended                                     > in_progress      caseworker dispatched
request_extension        in_progress,awaiting_recheck                  > =                caseworker counter,dispatched
approve_extension        awaiting_sign,in_progress,awaiting_recheck,suspended > =         manager    counter,dispatched
refuse_extension         awaiting_sign,in_progress,awaiting_recheck,suspended > =         manager    counter,dispatched
centre_accept_extension  awaiting_sign,in_progress,awaiting_recheck,suspended > =         manager    dispatched
centre_refuse_extension  awaiting_sign,in_progress,awaiting_recheck,suspended > =         manager    dispatched
supervise                awaiting_sign,in_progress,awaiting_recheck,suspended > =         manager    dispatched
answer_supervision       awaiting_sign,in_progress,awaiting_recheck,suspended > =         caseworker dispatched
remind                   awaiting_sign,in_progress,awaiting_recheck,suspended > =         system     dispatched
resolve                  in_progress,awaiting_recheck                  > resolved         caseworker counter,dispatched
follow_up                resolved                                      > followed_up      caseworker counter,dispatched
return_to_pool           in_progress,awaiting_recheck                  > open             caseworker counter
reopen                   resolved,followed_up                          > in_progress      caseworker counter,dispatched
`;

type Expected = {
  action: TransitionAction;
  from: EnquiryStatus[];
  to: EnquiryStatus | null;
  role: CourseRole;
  sources: Source[];
};
const EXPECTED: Expected[] = WRITTEN.trim()
  .split("\n")
  .map((line) => {
    const [action, from, , to, role, sources] = line.trim().split(/\s+/) as string[];
    return {
      action: action as TransitionAction,
      from: (from as string).split(",") as EnquiryStatus[],
      to: to === "=" ? null : (to as EnquiryStatus),
      role: role as CourseRole,
      sources: (sources as string).split(",") as Source[],
    };
  });

// Facts and inputs under which each action's own guard holds, so the matrix tests the table.
function factsFor(action: TransitionAction, source: Source): CourseFacts {
  return {
    source,
    causeCount: 1,
    memberKnown: true,
    assignedToOther: false,
    overdue: false,
    extensionStage:
      action.startsWith("centre_") && action.endsWith("extension")
        ? "centre"
        : action === "approve_extension" || action === "refuse_extension"
          ? "manager"
          : null,
    openSupervision: action === "answer_supervision",
  };
}
const COMPLETE: CourseInput = {
  reason: "参保人再次来电",
  resolutionSummary: "已向参保人说明门诊共济改革后单位缴费不再划入个人账户",
  followUp: { method: "phone", result: "参保人表示已理解", satisfaction: "satisfied" },
  returnReason: { code: "outside_area", text: null },
  note: "材料齐全，请继续办理",
  toRegion: "320500",
  resumeOn: "2026-12-20",
  extendTo: "2026-12-22",
  comment: "请于今日内答复办理进度",
  replyBy: new Date("2026-12-08T09:00:00Z"),
  answer: "已联系单位补报减员，预计周五前办结",
};

const SOURCE_CODES = SOURCES.map((s) => s.code);
const CASES = EXPECTED.flatMap((expected) =>
  ENQUIRY_STATUS_CODES.flatMap((status) =>
    COURSE_ROLES.flatMap((role) =>
      SOURCE_CODES.map((source) => ({
        ...expected,
        status,
        role,
        source,
        allowedRole: expected.role,
      })),
    ),
  ),
);

describe("the course table", () => {
  it("is written out above, action for action, in table order", () => {
    expect(EXPECTED.map((e) => e.action)).toEqual(TRANSITION_ACTION_CODES);
    expect(
      TRANSITIONS.map((t) => ({
        action: t.code,
        from: [...t.from],
        to: t.to,
        role: t.roles[0],
        sources: [...t.sources],
      })),
    ).toEqual(EXPECTED);
    expect(TRANSITIONS.every((t) => t.roles.length === 1)).toBe(true);
  });

  it("lists each action once and names every status somewhere", () => {
    expect(new Set(TRANSITION_ACTION_CODES).size).toBe(TRANSITIONS.length);
    const reached = new Set(TRANSITIONS.flatMap((t) => [...t.from, ...(t.to ? [t.to] : [])]));
    expect([...reached].sort()).toEqual([...ENQUIRY_STATUS_CODES].sort());
  });
});

describe.each(CASES)(
  "$action from $status by $role ($source)",
  ({ action, from, to, allowedRole, sources, status, role, source }) => {
    const allowed = from.includes(status) && role === allowedRole && sources.includes(source);
    it(allowed ? "is allowed" : "is refused", () => {
      const result = checkTransition(status, action, role, factsFor(action, source), COMPLETE);
      expect(result.ok).toBe(allowed);
      if (allowed) expect(result).toEqual({ ok: true, to });
      else expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/「.+」/) });
      expect(allowedActions(status, role, factsFor(action, source)).includes(action)).toBe(allowed);
    });
  },
);

const counter = (over: Partial<CourseFacts> = {}): CourseFacts => ({
  source: "counter",
  causeCount: 1,
  memberKnown: true,
  assignedToOther: false,
  overdue: false,
  extensionStage: null,
  openSupervision: false,
  ...over,
});
const dispatched = (over: Partial<CourseFacts> = {}) => counter({ source: "dispatched", ...over });

describe("refusals say why", () => {
  it("names the present status and the action", () => {
    expect(checkTransition("resolved", "start", "caseworker", counter(), COMPLETE)).toEqual({
      ok: false,
      message: "当前状态为「已办结」，不能执行「开始处理」",
    });
  });

  it("names who may take the action", () => {
    expect(
      checkTransition("return_review", "approve_return", "caseworker", dispatched(), {}),
    ).toEqual({
      ok: false,
      message: "「同意退单并报热线中心」须由科室负责人操作",
      byRole: true,
    });
    expect(checkTransition("awaiting_sign", "sign", "manager", dispatched(), {})).toEqual({
      ok: false,
      message: "「签收」须由经办人员操作",
      byRole: true,
    });
  });

  it("keeps the work orders' steps off counter enquiries and the counter's 退回 off work orders", () => {
    expect(checkTransition("in_progress", "suspend", "caseworker", counter(), COMPLETE)).toEqual({
      ok: false,
      message: "「挂起」只用于热线派单",
    });
    expect(
      checkTransition("in_progress", "return_to_pool", "caseworker", dispatched(), COMPLETE),
    ).toEqual({
      ok: false,
      message: "热线派单不能「退回」",
    });
  });
});

describe("guards", () => {
  it("keeps 签收 and 退单 for the caseworker the order was dispatched to", () => {
    const other = dispatched({ assignedToOther: true });
    expect(checkTransition("awaiting_sign", "sign", "caseworker", other, {})).toEqual({
      ok: false,
      message: "该工单已派给其他经办人员",
    });
    expect(allowedActions("awaiting_sign", "caseworker", other)).toEqual([]);
  });

  it("refuses 办结 while a 督办 is unanswered, and without a cause", () => {
    const input = { resolutionSummary: "已补划" };
    expect(
      checkTransition(
        "in_progress",
        "resolve",
        "caseworker",
        dispatched({ openSupervision: true }),
        input,
      ),
    ).toEqual({
      ok: false,
      message: "该工单有未答复的督办，请先答复督办",
    });
    expect(
      checkTransition("in_progress", "resolve", "caseworker", counter({ causeCount: 0 }), input),
    ).toEqual({
      ok: false,
      message: "办结前请至少选择一个原因分类",
    });
    expect(
      checkTransition(
        "in_progress",
        "resolve",
        "caseworker",
        dispatched({ memberKnown: false }),
        input,
      ),
    ).toEqual({ ok: false, message: "办结前请先关联参保人" });
    expect(checkTransition("in_progress", "resolve", "caseworker", dispatched(), input)).toEqual({
      ok: true,
      to: "resolved",
    });
  });

  it("asks for 延期 and 挂起 within the limit only, one extension at a time", () => {
    expect(
      checkTransition(
        "in_progress",
        "request_extension",
        "caseworker",
        dispatched({ overdue: true }),
        COMPLETE,
      ),
    ).toMatchObject({
      message: "已超过办理时限，不能再申请；请尽快办结",
    });
    expect(
      checkTransition(
        "in_progress",
        "suspend",
        "caseworker",
        dispatched({ overdue: true }),
        COMPLETE,
      ),
    ).toMatchObject({ ok: false });
    expect(
      checkTransition(
        "in_progress",
        "request_extension",
        "caseworker",
        dispatched({ extensionStage: "centre" }),
        COMPLETE,
      ),
    ).toMatchObject({
      message: "已有一项延期申请在审批中",
    });
  });

  it("sends an extension to the hotline centre only after the manager", () => {
    const atManager = dispatched({ extensionStage: "manager" });
    expect(allowedActions("in_progress", "manager", atManager)).toEqual(
      expect.arrayContaining(["approve_extension", "refuse_extension"]),
    );
    expect(
      checkTransition("in_progress", "centre_accept_extension", "manager", atManager, {}),
    ).toEqual({
      ok: false,
      message: "没有待热线中心答复的延期申请",
    });
    expect(
      allowedActions("in_progress", "manager", dispatched({ extensionStage: "centre" })),
    ).toEqual(expect.arrayContaining(["centre_accept_extension", "centre_refuse_extension"]));
  });

  it("lets a 督办 be answered only while one is open, and given only when none is", () => {
    expect(allowedActions("in_progress", "caseworker", dispatched())).not.toContain(
      "answer_supervision",
    );
    expect(
      allowedActions("in_progress", "manager", dispatched({ openSupervision: true })),
    ).not.toContain("supervise");
  });
});

describe("required fields", () => {
  it.each([
    ["in_progress", "return_to_pool", "counter", "reason", "请填写退回原因"],
    ["resolved", "reopen", "counter", "reason", "请填写重开原因"],
    ["in_progress", "transfer", "dispatched", "toRegion", "请选择转办地区"],
    ["in_progress", "suspend", "dispatched", "resumeOn", "请选择预计恢复日期"],
    ["in_progress", "request_extension", "dispatched", "extendTo", "请选择延期至哪一天"],
    ["return_review", "refuse_return", "dispatched", "note", "请填写不同意的理由"],
    ["in_progress", "supervise", "dispatched", "comment", "请填写督办意见"],
    ["in_progress", "supervise", "dispatched", "replyBy", "请选择答复期限"],
    ["resolved", "follow_up", "counter", "followUp", "请选择回访方式"],
  ] as const)("%s → %s (%s) needs %s", (from, action, source, field, message) => {
    const role = TRANSITIONS.find((t) => t.code === action)?.roles[0] as CourseRole;
    const input = { ...COMPLETE, [field]: field === "replyBy" ? null : "  " } as CourseInput;
    if (field === "followUp") input.followUp = null;
    expect(checkTransition(from, action, role, factsFor(action, source), input)).toEqual({
      ok: false,
      message,
      field,
    });
  });

  it("asks for words of its own when a 退单 is for another reason", () => {
    const facts = dispatched();
    expect(
      checkTransition("awaiting_sign", "request_return", "caseworker", facts, {
        returnReason: { code: "other", text: " " },
      }),
    ).toEqual({ ok: false, message: "选择「其他」时请写明退单原因", field: "returnReason" });
    expect(
      checkTransition("awaiting_sign", "request_return", "caseworker", facts, {
        returnReason: { code: "not_our_duty" },
      }),
    ).toEqual({ ok: true, to: "return_review" });
  });

  it("refuses follow-up codes outside the lists even when the types are bypassed", () => {
    const forged = {
      method: "fax",
      result: "已确认",
      satisfaction: "satisfied",
    } as unknown as CourseInput["followUp"];
    expect(
      checkTransition("resolved", "follow_up", "caseworker", counter(), { followUp: forged }),
    ).toMatchObject({
      message: "请选择回访方式",
    });
  });
});

describe("isOverdue", () => {
  const due = new Date("2026-03-19T17:30:00+08:00");
  const after = due.getTime() + 60_000;
  it("is late only while the work is the agency's and its clock runs", () => {
    expect(isOverdue("in_progress", due, after)).toBe(true);
    expect(isOverdue("awaiting_sign", due, after)).toBe(true);
    expect(isOverdue("in_progress", due, due.getTime())).toBe(false);
    expect(isOverdue("suspended", due, after)).toBe(false);
    expect(isOverdue("resolved", due, after)).toBe(false);
    expect(isOverdue("withdrawn", due, after)).toBe(false);
  });
});
