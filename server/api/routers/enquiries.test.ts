import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maskIdNumber } from "@/db/pii";
import { members } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createSignedInUser, type SignedInTestUser } from "@/server/testing/factories";
import type { CreateEnquiryInput } from "../../schemas/enquiries";
import { callerWith, errorCode, testPii as pii } from "../../testing/callers";
import { testClock } from "../../testing/clock";
import type { RouterInputs } from "../root";

const XIAN = "610100";
const LESHAN = "511100";

let testDb: TestDatabase;
let xianWorker: SignedInTestUser;
let leshanWorker: SignedInTestUser;
let manager: SignedInTestUser;
let xianMemberId: number;
let leshanMemberId: number;

const callerFor = (user: SignedInTestUser) => callerWith(testDb.db, user.session);

async function insertMember(name: string, regionCode: string, idNumber: string) {
  const [row] = await testDb.db
    .insert(members)
    .values({
      name,
      idNumberHash: pii.hash(idNumber),
      idNumberEncrypted: pii.encrypt(idNumber),
      idNumberMasked: maskIdNumber(idNumber),
      insuranceScheme: "employee",
      personCategory: "active",
      regionCode,
    })
    .returning({ id: members.id });
  if (!row) throw new Error("member insert failed");
  return row.id;
}

function enquiryInput(overrides: Partial<CreateEnquiryInput> = {}): CreateEnquiryInput {
  return {
    idempotencyKey: randomUUID(),
    memberId: xianMemberId,
    channel: "counter",
    symptom: "negative",
    reportedBalanceFen: -35_620,
    disputedAmountFen: 35_620,
    description: "参保人称离职后个账显示负数，询问原因",
    causes: [{ cause: "resignation", subReason: null, isPrimary: true }],
    ...overrides,
  };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  xianWorker = await createSignedInUser(testDb.db, { role: "caseworker", regionScope: XIAN });
  leshanWorker = await createSignedInUser(testDb.db, { role: "caseworker", regionScope: LESHAN });
  manager = await createSignedInUser(testDb.db, { role: "manager" });
  xianMemberId = await insertMember("王建国", XIAN, "610102199003071235");
  leshanMemberId = await insertMember("李透明", LESHAN, "511102198512120016");
});
afterAll(() => testDb.drop());

describe("filing an enquiry", () => {
  it("stores two causes with one primary and audits in the same transaction", async () => {
    const caller = callerFor(xianWorker);
    const { id, duplicate } = await caller.enquiries.create(
      enquiryInput({
        causes: [
          { cause: "resignation", subReason: null, isPrimary: true },
          { cause: "other", subReason: "employer_arrears", isPrimary: false },
        ],
      }),
    );
    expect(duplicate).toBe(false);
    const detail = await caller.enquiries.byId({ id });
    expect(detail.causes).toEqual([
      { cause: "resignation", subReason: null, isPrimary: true },
      { cause: "other", subReason: "employer_arrears", isPrimary: false },
    ]);
    expect(detail.enquiry).toMatchObject({
      status: "open",
      priority: "urgent",
      regionCode: XIAN,
      reportedBalanceFen: -35_620,
      assigneeId: xianWorker.id,
    });
    expect(detail.member?.idNumberMasked).toBe("610102********1235");
    expect(detail.history.map((h) => h.action)).toEqual(["enquiry.create"]);
  });

  it("rejects 其他 without a sub-reason and two primaries with Chinese messages", async () => {
    const caller = callerFor(xianWorker);
    await expect(
      caller.enquiries.create(
        enquiryInput({ causes: [{ cause: "other", subReason: null, isPrimary: true }] }),
      ),
    ).rejects.toThrow(/子原因/);
    await expect(
      caller.enquiries.create(
        enquiryInput({
          causes: [
            { cause: "resignation", subReason: null, isPrimary: true },
            { cause: "policy_reform", subReason: null, isPrimary: true },
          ],
        }),
      ),
    ).rejects.toThrow(/一个主要原因/);
  });

  it("creates exactly one enquiry from 20 parallel submissions with one idempotency key", async () => {
    const caller = callerFor(xianWorker);
    const input = enquiryInput({ description: "重复提交测试" });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => caller.enquiries.create(input)),
    );
    const ids = new Set(results.map((r) => r.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    const rows = await testDb.client`select id from enquiries where description = '重复提交测试'`;
    expect(rows).toHaveLength(1);
  });

  it("leaves no audit row when the write fails", async () => {
    const before = await testDb.client`select count(*)::int as n from audit_events`;
    const code = await errorCode(
      callerFor(xianWorker).enquiries.create(enquiryInput({ regionCode: LESHAN })),
    );
    expect(code).toBe("BAD_REQUEST");
    const after = await testDb.client`select count(*)::int as n from audit_events`;
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it("is for caseworkers only", async () => {
    expect(await errorCode(callerFor(manager).enquiries.create(enquiryInput()))).toBe("FORBIDDEN");
  });
});

describe("region scope", () => {
  it("hides enquiries of another region as NOT_FOUND, for reads and writes", async () => {
    const { id } = await callerFor(xianWorker).enquiries.create(enquiryInput());
    const other = callerFor(leshanWorker);
    expect(await errorCode(other.enquiries.byId({ id }))).toBe("NOT_FOUND");
    expect(await errorCode(other.enquiries.transition({ id, version: 1, action: "start" }))).toBe(
      "NOT_FOUND",
    );
    const list = await other.enquiries.list({});
    expect(list.items.map((i) => i.id)).not.toContain(id);
    expect(await errorCode(callerFor(manager).enquiries.byId({ id }))).toBe("OK");
  });
});

describe("optimistic concurrency", () => {
  it("rejects a save made against a stale version", async () => {
    const caller = callerFor(xianWorker);
    const { id } = await caller.enquiries.create(enquiryInput());
    await caller.enquiries.transition({ id, version: 1, action: "start" });
    const code = await errorCode(
      caller.enquiries.setCauses({
        id,
        version: 1,
        causes: [{ cause: "system_delay", subReason: null, isPrimary: true }],
      }),
    );
    expect(code).toBe("CONFLICT");
    const detail = await caller.enquiries.byId({ id });
    expect(detail.causes.map((c) => c.cause)).toEqual(["resignation"]);
    expect(detail.enquiry.version).toBe(2);
  });
});

describe("the lifecycle", () => {
  it("goes from 待处理 to 已回访 with steps, and refuses invalid moves", async () => {
    const caller = callerFor(xianWorker);
    const { id } = await caller.enquiries.create(enquiryInput({ causes: [] }));
    let version = 1;
    const step = await caller.enquiries.addStep({ id, version, kind: "check_contributions" });
    version = step.enquiry.version;
    expect(step.enquiry.status).toBe("in_progress");
    await expect(caller.enquiries.addStep({ id, version, kind: "print_ledger" })).rejects.toThrow(
      /不适用/,
    );
    await expect(
      caller.enquiries.transition({ id, version, action: "resolve", resolutionSummary: "已说明" }),
    ).rejects.toThrow(/至少选择一个原因分类/);
    version = (
      await caller.enquiries.setCauses({
        id,
        version,
        causes: [{ cause: "resignation", subReason: null, isPrimary: true }],
      })
    ).version;
    version = (await caller.enquiries.addStep({ id, version, kind: "print_ledger" })).enquiry
      .version;
    await expect(caller.enquiries.transition({ id, version, action: "follow_up" })).rejects.toThrow(
      /不能执行/,
    );
    version = (
      await caller.enquiries.transition({
        id,
        version,
        action: "resolve",
        resolutionSummary: "单位已办理减员，告知参保人以新单位划入资金抵扣",
      })
    ).version;
    const done = await caller.enquiries.transition({
      id,
      version,
      action: "follow_up",
      followUp: { method: "phone", result: "参保人表示理解", satisfaction: "satisfied" },
    });
    expect(done.status).toBe("followed_up");
    expect(done.satisfaction).toBe("satisfied");
    const detail = await caller.enquiries.byId({ id });
    expect(detail.steps.map((s) => s.kind)).toEqual(["check_contributions", "print_ledger"]);
    expect(detail.history.map((h) => h.action)).toEqual([
      "enquiry.transition",
      "enquiry.transition",
      "enquiry.step",
      "enquiry.causes",
      "enquiry.step",
      "enquiry.create",
    ]);
    expect(detail.allowedActions).toEqual(["reopen"]);
  });
});

describe("the list", () => {
  let ids: { overdraft: number; delay: number; leshan: number };

  beforeAll(async () => {
    const xian = callerFor(xianWorker);
    const leshan = callerFor(leshanWorker);
    ids = {
      overdraft: (
        await xian.enquiries.create(
          enquiryInput({ description: "个人账户透支后显示欠费", channel: "hotline_12393" }),
        )
      ).id,
      delay: (
        await xian.enquiries.create(
          enquiryInput({
            symptom: "unusable",
            description: "单位已缴费但药店刷不了",
            channel: "online",
            causes: [{ cause: "system_delay", subReason: null, isPrimary: true }],
          }),
        )
      ).id,
      leshan: (
        await leshan.enquiries.create(
          enquiryInput({
            memberId: leshanMemberId,
            symptom: "zero",
            description: "激活后余额为零",
            causes: [{ cause: "family_aid", subReason: null, isPrimary: true }],
          }),
        )
      ).id,
    };
  });

  it("applies every filter", async () => {
    const m = callerFor(manager);
    // The count is asked with the same filters and must agree with the rows.
    const idsOf = async (input: RouterInputs["enquiries"]["count"]) => {
      const found = (await m.enquiries.list({ ...input, limit: 100 })).items.map((i) => i.id);
      expect(await m.enquiries.count(input)).toEqual({ total: found.length, capped: false });
      return found;
    };
    expect(await idsOf({ cause: ["system_delay"] })).toEqual([ids.delay]);
    expect(await idsOf({ cause: ["family_aid"] })).toEqual([ids.leshan]);
    expect(await idsOf({ symptom: ["unusable"] })).toEqual([ids.delay]);
    expect(await idsOf({ channel: ["hotline_12393"] })).toEqual([ids.overdraft]);
    expect(await idsOf({ regionCode: "510000" })).toEqual([ids.leshan]);
    expect(await idsOf({ memberId: leshanMemberId })).toEqual([ids.leshan]);
    expect(await idsOf({ assigneeId: leshanWorker.id })).toEqual([ids.leshan]);
    expect(await idsOf({ status: ["resolved"] })).toEqual([]);
    const all = await idsOf({});
    expect(await idsOf({ status: ["open", "in_progress", "followed_up"] })).toEqual(all);
    const aMinuteLater = new Date(testClock.now().getTime() + 60_000);
    expect(await idsOf({ openedFrom: aMinuteLater })).toEqual([]);
    expect(await idsOf({ openedTo: aMinuteLater })).toEqual(all);
    const mine = await callerFor(leshanWorker).enquiries.list({ mine: true });
    expect(mine.items.map((i) => i.id)).toEqual([ids.leshan]);
  });

  it("finds 2-character Chinese terms in descriptions and member names", async () => {
    const m = callerFor(manager);
    const search = async (q: string) => {
      const found = (await m.enquiries.list({ q, limit: 100 })).items.map((i) => i.id);
      expect((await m.enquiries.count({ q })).total).toBe(found.length);
      return found;
    };
    expect(await search("透支")).toEqual([ids.overdraft]);
    expect(await search("刷不")).toEqual([ids.delay]);
    expect(await search("李透")).toEqual([ids.leshan]);
    expect(await search("负数")).not.toContain(ids.leshan);
    expect(await search("不存在的词")).toEqual([]);
    expect((await search("零")).includes(ids.leshan)).toBe(true);
    expect(await search("50%_")).toEqual([]);
  });

  it("pages by keyset and stays stable while new enquiries arrive", async () => {
    const m = callerFor(manager);
    const first = await m.enquiries.list({ limit: 3 });
    expect((await m.enquiries.count({})).total).toBeGreaterThan(3);
    expect(first.nextCursor).not.toBeNull();
    await callerFor(xianWorker).enquiries.create(enquiryInput({ description: "翻页期间新建" }));
    const seen = [...first.items.map((i) => i.id)];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await m.enquiries.list({ limit: 3, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    const total = await testDb.client`select count(*)::int as n from enquiries`;
    expect(seen.length).toBe((total[0]?.n as number) - 1);
    await expect(m.enquiries.list({ cursor: "garbage" })).rejects.toThrow(/翻页参数无效/);
  });

  it("sorts by due date", async () => {
    const page = await callerFor(manager).enquiries.list({ sort: "due", limit: 100 });
    const due = page.items.map((i) => i.dueAt?.getTime() ?? 0);
    expect(due).toEqual([...due].sort((a, b) => a - b));
  });
});
