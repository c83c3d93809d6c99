import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enquiries } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import {
  createMember,
  createSignedInUser,
  type SignedInTestUser,
} from "@/server/testing/factories";
import { addDays, shanghaiDay } from "../../rules/calendar-day";
import { addWorkingDays, addWorkingDaysToDate, workingDaysBetween } from "../../rules/working-days";
import type { CreateEnquiryInput } from "../../schemas/enquiries";
import { callerWith, testPii as pii } from "../../testing/callers";
import { testClock } from "../../testing/clock";

// Due dates in working days, the 系统延迟 re-check date and the 今日待复查 / 已逾期 queue, all
// counted from the test clock's Beijing date.

const XIAN = "610100";
const LESHAN = "511100";
const now = testClock.now();
const today = shanghaiDay(now);

let testDb: TestDatabase;
let xianWorker: SignedInTestUser;
let leshanWorker: SignedInTestUser;
let memberId: number;

const callerFor = (user: SignedInTestUser) => callerWith(testDb.db, user.session);

const input = (overrides: Partial<CreateEnquiryInput> = {}): CreateEnquiryInput => ({
  idempotencyKey: randomUUID(),
  memberId,
  channel: "hotline_12393",
  symptom: "mismatch",
  reportedBalanceFen: 12_000,
  disputedAmountFen: 30_000,
  description: "参保人称单位本月已缴费，个账却还没到账",
  causes: [{ cause: "system_delay", subReason: null, isPrimary: true }],
  ...overrides,
});

async function row(id: number) {
  const [found] = await testDb.db.select().from(enquiries).where(eq(enquiries.id, id));
  if (!found) throw new Error(`enquiry ${id} missing`);
  return found;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  xianWorker = await createSignedInUser(testDb.db, { role: "caseworker", regionScope: XIAN });
  leshanWorker = await createSignedInUser(testDb.db, { role: "caseworker", regionScope: LESHAN });
  memberId = (await createMember(testDb.db, pii, { regionCode: XIAN })).id;
});
afterAll(() => testDb.drop());

describe("due dates and re-check dates on filing", () => {
  it("count working days from the filing time", async () => {
    const caller = callerFor(xianWorker);
    const normal = await row((await caller.enquiries.create(input())).id);
    expect(normal.openedAt).toEqual(now);
    expect(normal.dueAt).toEqual(addWorkingDays(normal.openedAt, 5));
    expect(workingDaysBetween(normal.openedAt, normal.dueAt)).toBe(5);

    const urgent = await row((await caller.enquiries.create(input({ symptom: "negative" }))).id);
    expect(urgent.priority).toBe("urgent");
    expect(urgent.dueAt).toEqual(addWorkingDays(urgent.openedAt, 2));
  });

  it("give a 系统延迟 enquiry a re-check two working days after filing, and no other", async () => {
    const caller = callerFor(xianWorker);
    const delay = await row((await caller.enquiries.create(input())).id);
    expect(delay.recheckDueOn).toBe(addWorkingDaysToDate(today, 2));
    expect(workingDaysBetween(delay.openedAt, delay.recheckDueOn as string)).toBe(2);

    const other = await row(
      (
        await caller.enquiries.create(
          input({ causes: [{ cause: "family_aid", subReason: null, isPrimary: true }] }),
        )
      ).id,
    );
    expect(other.recheckDueOn).toBeNull();
  });
});

describe("the re-check date through the enquiry's life", () => {
  it("is set when 系统延迟 is added by retagging and dropped when it is removed", async () => {
    const caller = callerFor(xianWorker);
    const { id } = await caller.enquiries.create(input({ causes: [] }));
    expect((await row(id)).recheckDueOn).toBeNull();

    const delay = [{ cause: "system_delay" as const, subReason: null, isPrimary: true }];
    const tagged = await caller.enquiries.setCauses({ id, version: 1, causes: delay });
    expect(tagged.recheckDueOn).toBe(addWorkingDaysToDate(today, 2));

    // Adding a second cause keeps the date; removing 系统延迟 drops it.
    const both = await caller.enquiries.setCauses({
      id,
      version: tagged.version,
      causes: [
        ...delay,
        { cause: "policy_reform", subReason: "outpatient_reform", isPrimary: false },
      ],
    });
    expect(both.recheckDueOn).toBe(tagged.recheckDueOn);
    const untagged = await caller.enquiries.setCauses({
      id,
      version: both.version,
      causes: [{ cause: "policy_reform", subReason: "outpatient_reform", isPrimary: true }],
    });
    expect(untagged.recheckDueOn).toBeNull();
  });

  it("moves with 设定复查日期 and is cleared by the 复查 step", async () => {
    const caller = callerFor(xianWorker);
    const { id } = await caller.enquiries.create(input());
    const agreed = new Date("2026-10-09T09:00:00+08:00");
    const scheduled = await caller.enquiries.addStep({
      id,
      version: 1,
      kind: "schedule_recheck",
      dueAt: agreed,
    });
    expect(scheduled.enquiry.recheckDueOn).toBe("2026-10-09");
    const rechecked = await caller.enquiries.addStep({
      id,
      version: scheduled.enquiry.version,
      kind: "recheck",
      note: "复查已到账",
    });
    expect(rechecked.enquiry.recheckDueOn).toBeNull();
    const detail = await caller.enquiries.byId({ id });
    expect(JSON.stringify(detail.history)).toContain("复查日期");
  });

  it("is set when an enquiry without one is moved to 待复查", async () => {
    const caller = callerFor(xianWorker);
    const { id } = await caller.enquiries.create(
      input({ causes: [{ cause: "other", subReason: "card_not_activated", isPrimary: true }] }),
    );
    const started = await caller.enquiries.transition({ id, version: 1, action: "start" });
    expect(started.recheckDueOn).toBeNull();
    const waiting = await caller.enquiries.transition({
      id,
      version: started.version,
      action: "await_recheck",
    });
    expect(waiting.recheckDueOn).toBe(addWorkingDaysToDate(today, 2));
  });

  it("is cleared when the enquiry is resolved", async () => {
    const caller = callerFor(xianWorker);
    const { id } = await caller.enquiries.create(input());
    const started = await caller.enquiries.transition({ id, version: 1, action: "start" });
    expect(started.recheckDueOn).not.toBeNull();
    const resolved = await caller.enquiries.transition({
      id,
      version: started.version,
      action: "resolve",
      resolutionSummary: "划账数据已同步，余额正常",
    });
    expect(resolved.recheckDueOn).toBeNull();
  });
});

describe("the 今日待复查 / 已逾期 queue", () => {
  const shift = (days: number) => addDays(today, days);
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const base = {
      memberId,
      channel: "counter" as const,
      symptom: "unusable" as const,
      description: "复查队列测试",
      status: "awaiting_recheck" as const,
      // Millisecond instants, as the application writes them (the list's cursor keeps ms).
      openedAt: new Date(Math.floor(now.getTime() / 1000) * 1000 - 3_600_000),
      dueAt: new Date(now.getTime() + 86_400_000),
    };
    const rows = await testDb.db
      .insert(enquiries)
      .values([
        { ...base, regionCode: XIAN, createdBy: xianWorker.id, recheckDueOn: shift(-3) },
        { ...base, regionCode: XIAN, createdBy: xianWorker.id, recheckDueOn: today },
        { ...base, regionCode: XIAN, createdBy: xianWorker.id, recheckDueOn: shift(1) },
        { ...base, regionCode: XIAN, createdBy: xianWorker.id, recheckDueOn: null },
        { ...base, regionCode: LESHAN, createdBy: leshanWorker.id, recheckDueOn: today },
      ])
      .returning({ id: enquiries.id });
    ["overdue", "today", "tomorrow", "none", "leshan"].forEach((name, i) => {
      ids[name] = rows[i]?.id as number;
    });
  });

  it("lists re-checks due today or earlier inside the caller's scope, page by page", async () => {
    const caller = callerFor(xianWorker);
    const ours = [ids.overdue, ids.today];
    const all = await caller.enquiries.list({ recheckDue: true, limit: 100 });
    expect(all.items.map((item) => item.id).sort()).toEqual([...ours].sort());
    expect(all.items.map((item) => item.recheckDueOn).sort()).toEqual([shift(-3), today]);

    const first = await caller.enquiries.list({ recheckDue: true, limit: 1, sort: "oldest" });
    const second = await caller.enquiries.list({
      recheckDue: true,
      limit: 1,
      sort: "oldest",
      cursor: first.nextCursor,
    });
    expect(first.items).toHaveLength(1);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual(ours);
  });

  it("is counted on the home page", async () => {
    const xian = await callerFor(xianWorker).viewer.overview();
    const leshan = await callerFor(leshanWorker).viewer.overview();
    const listed = await callerFor(xianWorker).enquiries.list({ recheckDue: true, limit: 100 });
    expect(xian.recheckDue).toBe(listed.items.length);
    expect(xian.recheckDue).toBeGreaterThanOrEqual(2);
    expect(leshan.recheckDue).toBe(1);
  });
});
