import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPiiCodec } from "@/db/pii";
import { auditEvents, enquiries, enquiryCauses, workOrders } from "@/db/schema";
import { actorOf } from "@/server/testing/actors";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createMember, createUser } from "@/server/testing/factories";
import { DomainError } from "../../errors";
import type { TransitionInput } from "../../schemas/enquiries";
import type { DispatchWorkOrderInput } from "../../schemas/work-orders";
import { countEnquiries } from "../enquiries/count";
import { getEnquiryDetail } from "../enquiries/detail";
import { listEnquiries } from "../enquiries/list";
import { transitionEnquiry } from "../enquiries/update";
import { getEnquiryInsights } from "../insights/enquiry";
import { listLetters } from "../letters";
import type { Actor } from "../users";
import { dispatchWorkOrder } from "./dispatch";
import { linkMember } from "./link-member";

// The course of a dispatched order through the domain functions, on a real database, with the
// clock set by each call: the national default limits (24 working hours to 签收, 咨询 in 3 working
// days, office 08:30–12:00 and 13:30–17:30).

const XIAN = "610100";
const LESHAN = "511100";
const pii = createPiiCodec(process.env.PII_KEY as string);
const at = (local: string) => new Date(`${local}+08:00`);
// Monday 16 March 2026, a working week without holidays.
const DISPATCHED = at("2026-03-16T09:00:00");

let testDb: TestDatabase;
let manager: Actor;
let caseworker: Actor;
let otherCaseworker: Actor;
let leshanManager: Actor;
let leshanCaseworker: Actor;
let memberId = 0;
let leshanMemberId = 0;
let number = 0;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const user = async (role: "manager" | "caseworker", regionScope: string) =>
    actorOf(await createUser(testDb.db, { role, regionScope }));
  manager = await user("manager", XIAN);
  caseworker = await user("caseworker", XIAN);
  otherCaseworker = await user("caseworker", XIAN);
  leshanManager = await user("manager", LESHAN);
  leshanCaseworker = await user("caseworker", LESHAN);
  memberId = (await createMember(testDb.db, pii, { regionCode: XIAN })).id;
  leshanMemberId = (await createMember(testDb.db, pii, { regionCode: LESHAN })).id;
});
afterAll(() => testDb.drop());

function orderInput(over: Partial<DispatchWorkOrderInput> = {}): DispatchWorkOrderInput {
  number += 1;
  return {
    idempotencyKey: randomUUID(),
    platform: "hotline_12345",
    externalNumber: `2026031600${number}`,
    dispatchingCity: XIAN,
    dispatchingUnit: "西安市12345市民服务热线",
    dispatchedAt: DISPATCHED,
    externalDueAt: null,
    classification: "consult",
    priority: "normal",
    regionCode: XIAN,
    assigneeId: caseworker.id,
    memberId,
    symptom: "sudden_drop",
    reportedBalanceFen: null,
    description: "来电人反映个人账户余额突然减少，要求核实",
    ...over,
  };
}

async function dispatch(over: Partial<DispatchWorkOrderInput> = {}, by = manager) {
  const { id } = await dispatchWorkOrder(testDb.db, pii, by, orderInput(over), {}, DISPATCHED);
  return id;
}

async function row(id: number) {
  const [enquiry] = await testDb.db.select().from(enquiries).where(eq(enquiries.id, id));
  if (!enquiry) throw new Error("no enquiry");
  return enquiry;
}

// One action as the person would take it: on the version they see, at `now`.
async function act(
  actor: Actor,
  id: number,
  action: TransitionInput["action"],
  now: Date,
  fields: Partial<TransitionInput> = {},
) {
  const { version } = await row(id);
  return transitionEnquiry(testDb.db, actor, { id, version, action, ...fields }, {}, now);
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof DomainError) return `${error.code} ${error.message}`;
    throw error;
  }
}

describe("派单", () => {
  it("takes its limits from the region's settings, counted from the hotline's dispatch", async () => {
    const id = await dispatch();
    const enquiry = await row(id);
    expect(enquiry.status).toBe("awaiting_sign");
    expect(enquiry.channel).toBe("hotline_12345");
    // 咨询: 3 working days, ending at the close of office on Thursday.
    expect(enquiry.dueAt).toEqual(at("2026-03-19T17:30:00"));
    const [order] = await testDb.db.select().from(workOrders).where(eq(workOrders.enquiryId, id));
    // 24 working hours: Monday 7, Tuesday 7.5, Wednesday 7.5, then two on Thursday morning.
    expect(order?.signDueAt).toEqual(at("2026-03-19T10:30:00"));
  });

  it("never lets 签收 fall due after the order itself: an urgent order is due the same day", async () => {
    const id = await dispatch({ priority: "urgent" });
    expect((await row(id)).dueAt).toEqual(at("2026-03-16T17:30:00"));
    const [order] = await testDb.db.select().from(workOrders).where(eq(workOrders.enquiryId, id));
    expect(order?.signDueAt).toEqual(at("2026-03-16T17:30:00"));
  });

  it("refuses a number the platform's city already dispatched, on the field", async () => {
    const first = orderInput();
    await dispatchWorkOrder(testDb.db, pii, manager, first, {}, DISPATCHED);
    const again = { ...orderInput(), externalNumber: first.externalNumber };
    await expect(
      dispatchWorkOrder(testDb.db, pii, manager, again, {}, DISPATCHED),
    ).rejects.toMatchObject({
      message: "该平台本市的这个工单编号已经登记过",
      field: "externalNumber",
    });
    // Another platform, or another city's hotline, may use the same number.
    const other = {
      ...orderInput(),
      externalNumber: first.externalNumber,
      platform: "hotline_12393" as const,
    };
    await expect(
      dispatchWorkOrder(testDb.db, pii, manager, other, {}, DISPATCHED),
    ).resolves.toMatchObject({
      duplicate: false,
    });
  });

  it("files one order for a submission sent twice", async () => {
    const input = orderInput();
    const first = await dispatchWorkOrder(testDb.db, pii, manager, input, {}, DISPATCHED);
    const second = await dispatchWorkOrder(testDb.db, pii, manager, input, {}, DISPATCHED);
    expect(second).toEqual({ id: first.id, duplicate: true });
  });

  it("dispatches only inside the manager's region and to a caseworker of that region", async () => {
    expect(await refusal(dispatch({ regionCode: LESHAN, assigneeId: null }))).toBe(
      "BAD_REQUEST 受理地区不在您的管辖范围内",
    );
    expect(await refusal(dispatch({ assigneeId: leshanCaseworker.id }))).toBe(
      "NOT_FOUND 用户不存在或无权查看",
    );
    expect(await refusal(dispatch({ dispatchedAt: at("2026-03-17T09:00:00") }))).toBe(
      "BAD_REQUEST 派单时间不能晚于现在",
    );
  });
});

describe("签收", () => {
  it("is for the caseworker the order was dispatched to", async () => {
    const id = await dispatch();
    expect(await refusal(act(otherCaseworker, id, "sign", at("2026-03-16T10:00:00")))).toBe(
      "BAD_REQUEST 该工单已派给其他经办人员",
    );
    expect(await refusal(act(manager, id, "sign", at("2026-03-16T10:00:00")))).toBe(
      "FORBIDDEN 「签收」须由经办人员操作",
    );
    await act(caseworker, id, "sign", at("2026-03-16T10:00:00"));
    expect(await row(id)).toMatchObject({ status: "in_progress", assigneeId: caseworker.id });
    const [order] = await testDb.db.select().from(workOrders).where(eq(workOrders.enquiryId, id));
    expect(order).toMatchObject({ signedBy: caseworker.id, signDueAt: null });
  });

  it("is open to any caseworker of the region when the order names none", async () => {
    const id = await dispatch({ assigneeId: null });
    await act(otherCaseworker, id, "sign", at("2026-03-16T10:00:00"));
    expect((await row(id)).assigneeId).toBe(otherCaseworker.id);
  });
});

describe("退单", () => {
  it("goes back to 待签收 when the manager refuses, marked 退单被驳回", async () => {
    const id = await dispatch();
    const now = at("2026-03-16T10:00:00");
    await act(caseworker, id, "request_return", now, {
      returnReason: { code: "not_our_duty", text: null },
    });
    expect((await row(id)).status).toBe("return_review");
    await act(manager, id, "refuse_return", now, { note: "属本中心个人账户业务，请签收办理" });
    expect((await row(id)).status).toBe("awaiting_sign");
    const detail = await getEnquiryDetail(testDb.db, caseworker, id, now);
    expect(detail.workOrder?.returnRefused).toBe(true);
    expect(detail.allowedActions).toEqual(["sign", "request_return"]);
  });

  it("leaves the agency only when the hotline centre accepts it", async () => {
    const id = await dispatch();
    const now = at("2026-03-16T10:00:00");
    const ask = () =>
      act(caseworker, id, "request_return", now, {
        returnReason: { code: "outside_area", text: null },
      });
    await ask();
    await act(manager, id, "approve_return", now);
    expect((await row(id)).status).toBe("return_submitted");
    await act(manager, id, "centre_refuse_return", now, { note: "参保地在本市，不予退单" });
    expect((await row(id)).status).toBe("awaiting_sign");

    await ask();
    await act(manager, id, "approve_return", now);
    await act(manager, id, "centre_accept_return", now);
    expect(await row(id)).toMatchObject({ status: "withdrawn", assigneeId: null });
    const [open] =
      await testDb.client`select bd_is_open(status) as open from enquiries where id = ${id}`;
    expect(open?.open).toBe(false);
  });
});

describe("转办", () => {
  it("hands the order to another region, which signs it; the sender keeps reading that order only", async () => {
    const id = await dispatch();
    const now = at("2026-03-16T11:00:00");
    expect(await refusal(act(manager, id, "transfer", now, { reason: "参保地为乐山" }))).toBe(
      "BAD_REQUEST 请选择转办地区",
    );
    await act(manager, id, "transfer", now, { toRegion: LESHAN, reason: "参保地为乐山" });
    expect(await row(id)).toMatchObject({
      status: "awaiting_sign",
      regionCode: LESHAN,
      assigneeId: null,
    });

    // 西安 reads it, read-only; cannot act on it; cannot open any other 乐山 order.
    const seen = await getEnquiryDetail(testDb.db, caseworker, id, now);
    expect(seen).toMatchObject({ readOnly: true, allowedActions: [] });
    // The rest of the page reads too: its 原因研判 and its letters.
    await expect(getEnquiryInsights(testDb.db, caseworker, id)).resolves.toMatchObject({});
    await expect(listLetters(testDb.db, caseworker, id)).resolves.toEqual([]);
    expect(await refusal(act(caseworker, id, "sign", now))).toBe(
      "NOT_FOUND 咨询工单不存在或无权查看",
    );
    const leshanOwn = await dispatch(
      { regionCode: LESHAN, dispatchingCity: LESHAN, memberId: leshanMemberId, assigneeId: null },
      leshanManager,
    );
    expect(await refusal(getEnquiryDetail(testDb.db, caseworker, leshanOwn, now))).toBe(
      "NOT_FOUND 咨询工单不存在或无权查看",
    );

    // 乐山 signs it; the history tells both sides.
    const leshanView = await getEnquiryDetail(testDb.db, leshanCaseworker, id, now);
    expect(leshanView.readOnly).toBe(false);
    expect(leshanView.allowedActions).toContain("sign");
    await act(leshanCaseworker, id, "sign", at("2026-03-16T14:00:00"));
    const history = (await getEnquiryDetail(testDb.db, caseworker, id, now)).history;
    expect(history.map((event) => event.action)).toEqual([
      "work_order.sign",
      "work_order.transfer",
      "work_order.dispatch",
    ]);
    expect(seen.workOrder?.transfers).toEqual([
      expect.objectContaining({ from: "西安市", to: "乐山市", reason: "参保地为乐山" }),
    ]);

    // 西安's 已转出 view lists it, under 乐山, and nothing of 乐山's own; 西安's own list and
    // 乐山's 已转出 view do not. The count agrees with the page.
    const ids = async (actor: Actor, transferredOut?: boolean) =>
      (await listEnquiries(testDb.db, actor, { transferredOut, limit: 100 }, now)).items.map(
        (item) => item.id,
      );
    const sent = await listEnquiries(testDb.db, caseworker, { transferredOut: true }, now);
    expect(sent.items.map((item) => [item.id, item.regionName])).toContainEqual([id, "乐山市"]);
    expect(sent.items.map((item) => item.id)).not.toContain(leshanOwn);
    expect(await countEnquiries(testDb.db, caseworker, { transferredOut: true }, now)).toEqual({
      total: sent.items.length,
      capped: false,
    });
    expect(await ids(caseworker)).not.toContain(id);
    expect(await ids(leshanCaseworker, true)).not.toContain(id);
    expect(await ids(leshanCaseworker)).toContain(id);
  });
});

describe("延期", () => {
  async function signed() {
    const id = await dispatch();
    await act(caseworker, id, "sign", at("2026-03-16T10:00:00"));
    return id;
  }

  it("moves the due moment only once the hotline centre accepts it", async () => {
    const id = await signed();
    const now = at("2026-03-17T10:00:00");
    const due = (await row(id)).dueAt;
    await act(caseworker, id, "request_extension", now, {
      reason: "需单位补报减员材料",
      extendTo: "2026-03-24",
    });
    expect(
      await refusal(
        act(caseworker, id, "request_extension", now, { reason: "再延", extendTo: "2026-03-25" }),
      ),
    ).toBe("BAD_REQUEST 已有一项延期申请在审批中");
    await act(manager, id, "approve_extension", now);
    expect((await row(id)).dueAt).toEqual(due);
    await act(manager, id, "centre_refuse_extension", now, { note: "热线中心：不符合延期条件" });
    expect((await row(id)).dueAt).toEqual(due);

    await act(caseworker, id, "request_extension", now, {
      reason: "需单位补报减员材料",
      extendTo: "2026-03-24",
    });
    await act(manager, id, "approve_extension", now);
    await act(manager, id, "centre_accept_extension", now);
    // Thursday 19th + 3 working days = Tuesday 24th at the close.
    expect((await row(id)).dueAt).toEqual(at("2026-03-24T17:30:00"));
  });

  it("is refused once the limit has passed, and for a day not after the due day", async () => {
    const id = await signed();
    expect(
      await refusal(
        act(caseworker, id, "request_extension", at("2026-03-17T10:00:00"), {
          reason: "材料",
          extendTo: "2026-03-19",
        }),
      ),
    ).toBe("BAD_REQUEST 延期至应晚于当前办理期限");
    expect(
      await refusal(
        act(caseworker, id, "request_extension", at("2026-03-20T09:00:00"), {
          reason: "材料",
          extendTo: "2026-03-24",
        }),
      ),
    ).toBe("BAD_REQUEST 已超过办理时限，不能再申请；请尽快办结");
  });
});

describe("挂起", () => {
  it("stops the clock until the order resumes", async () => {
    const id = await dispatch();
    await act(caseworker, id, "sign", at("2026-03-16T10:00:00"));
    await act(caseworker, id, "suspend", at("2026-03-17T14:00:00"), {
      reason: "等待单位提供离职证明",
      resumeOn: "2026-03-18",
    });
    expect((await row(id)).status).toBe("suspended");
    const paused = await getEnquiryDetail(testDb.db, caseworker, id, at("2026-03-17T15:00:00"));
    expect(paused.workOrder?.handling).toMatchObject({ state: "paused", text: "已挂起" });
    await act(caseworker, id, "unsuspend", at("2026-03-17T16:00:00"));
    // Two office hours suspended: Thursday 17:30 becomes Friday 10:30.
    expect(await row(id)).toMatchObject({
      status: "in_progress",
      dueAt: at("2026-03-20T10:30:00"),
    });
  });
});

describe("督办", () => {
  it("must be answered before the order can be closed", async () => {
    const id = await dispatch();
    await act(caseworker, id, "sign", at("2026-03-16T10:00:00"));
    await testDb.db
      .insert(enquiryCauses)
      .values({ enquiryId: id, cause: "system_delay", isPrimary: true });
    await act(manager, id, "supervise", at("2026-03-17T09:00:00"), {
      comment: "请说明办理进度",
      replyBy: at("2026-03-17T17:00:00"),
    });
    const close = () =>
      act(caseworker, id, "resolve", at("2026-03-17T11:00:00"), {
        resolutionSummary: "数据已同步，余额正常",
      });
    expect(await refusal(close())).toBe("BAD_REQUEST 该工单有未答复的督办，请先答复督办");
    await act(caseworker, id, "answer_supervision", at("2026-03-17T10:00:00"), {
      answer: "已联系信息科，数据今日同步",
    });
    await close();
    expect((await row(id)).status).toBe("resolved");
    const audit = await testDb.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, String(id)));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["work_order.supervise", "work_order.answer", "enquiry.transition"]),
    );
  });
});

describe("待识别参保人", () => {
  it("matches the caller by phone, or by name in the handling city when only one fits", async () => {
    const known = await createMember(testDb.db, pii, {
      regionCode: XIAN,
      name: "来电甲",
      phone: "13700001111",
    });
    const byPhone = await dispatch({
      memberId: null,
      caller: { name: "来电者", phone: "13700001111", idNumber: null },
    });
    expect((await row(byPhone)).memberId).toBe(known.id);
    const byName = await dispatch({ memberId: null, caller: { name: "来电甲", phone: null } });
    expect((await row(byName)).memberId).toBe(known.id);

    await createMember(testDb.db, pii, { regionCode: XIAN, name: "同名乙" });
    await createMember(testDb.db, pii, { regionCode: XIAN, name: "同名乙" });
    const twoFit = await dispatch({ memberId: null, caller: { name: "同名乙", phone: null } });
    expect((await row(twoFit)).memberId).toBeNull();
  });

  it("keeps an unmatched order open until a caseworker links the member", async () => {
    const id = await dispatch({
      memberId: null,
      caller: { name: "无记录", phone: "13800002222", idNumber: null },
    });
    const now = at("2026-03-16T10:00:00");
    const detail = await getEnquiryDetail(testDb.db, caseworker, id, now);
    expect(detail.member).toBeNull();
    expect(detail.workOrder?.caller).toEqual({
      name: "无记录",
      phoneMasked: "138****2222",
      idNumberMasked: null,
    });
    const [stored] = await testDb.db.select().from(workOrders).where(eq(workOrders.enquiryId, id));
    expect(stored?.callerPhoneEncrypted).not.toContain("13800002222");

    await act(caseworker, id, "sign", now);
    await testDb.db
      .insert(enquiryCauses)
      .values({ enquiryId: id, cause: "system_delay", isPrimary: true });
    const close = () => act(caseworker, id, "resolve", now, { resolutionSummary: "已核实" });
    expect(await refusal(close())).toBe("BAD_REQUEST 办结前请先关联参保人");

    const { version } = await row(id);
    await linkMember(
      testDb.db,
      caseworker,
      { id, version, memberId: leshanMemberId },
      {},
      now,
    ).then(
      () => expect.unreachable(),
      (error) => expect(error).toMatchObject({ code: "NOT_FOUND" }),
    );
    await linkMember(testDb.db, caseworker, { id, version, memberId }, {}, now);
    expect((await row(id)).memberId).toBe(memberId);
    expect(
      await refusal(
        linkMember(testDb.db, caseworker, { id, version: version + 1, memberId }, {}, now),
      ),
    ).toBe("BAD_REQUEST 该工单已关联参保人");
    await close();
    expect((await row(id)).status).toBe("resolved");
  });
});
