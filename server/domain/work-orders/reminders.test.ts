import { asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EnquiryStatus } from "@/db/constants";
import { createDb } from "@/db/index";
import { createPiiCodec } from "@/db/pii";
import { auditEvents, enquiries, workOrderReminders, workOrders } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createMember, createUser } from "@/server/testing/factories";
import { recordDueReminders, startReminderLoop } from "./reminders";

const pii = createPiiCodec(process.env.PII_KEY as string);
const HOUR_MS = 60 * 60 * 1000;
const NOW = new Date("2026-03-18T10:30:00+08:00");
const hoursFromNow = (hours: number) => new Date(NOW.getTime() + hours * HOUR_MS);

// The job reads every order in the database, so each test has a database of its own.
let testDb: TestDatabase;
let people: { userId: number; memberId: number };
beforeEach(async () => {
  testDb = await createTestDatabase();
  const user = await createUser(testDb.db, { role: "manager" });
  const member = await createMember(testDb.db, pii);
  people = { userId: user.id, memberId: member.id };
});
afterEach(() => testDb.drop());

// An enquiry and, unless it was filed at the counter, its work order as 派单 writes it.
async function insertEnquiry(spec: {
  status: EnquiryStatus;
  dueAt: Date;
  signDueAt?: Date;
  counter?: boolean;
}): Promise<number> {
  const openedAt = hoursFromNow(-72);
  const [row] = await testDb.db
    .insert(enquiries)
    .values({
      memberId: people.memberId,
      createdBy: people.userId,
      regionCode: "511102",
      channel: spec.counter ? "counter" : "hotline_12345",
      symptom: "negative",
      description: "催办测试",
      status: spec.status,
      openedAt,
      dueAt: spec.dueAt,
      ...(spec.status === "resolved"
        ? { resolvedAt: hoursFromNow(-2), resolutionSummary: "已向参保人解释" }
        : {}),
    })
    .returning({ id: enquiries.id });
  if (!row) throw new Error("enquiry insert returned nothing");
  if (!spec.counter) {
    await testDb.db.insert(workOrders).values({
      enquiryId: row.id,
      platform: "hotline_12345",
      externalNumber: `T${row.id}`,
      dispatchingCity: "511100",
      dispatchingUnit: "市民热线",
      classification: "consult",
      dispatchedAt: openedAt,
      dispatchedBy: people.userId,
      signDueAt: spec.signDueAt ?? null,
    });
  }
  return row.id;
}

// One order late to be signed, one late to be handled, and the orders nobody reminds.
async function insertLateAndOthers() {
  const signLate = await insertEnquiry({
    status: "awaiting_sign",
    signDueAt: hoursFromNow(-1),
    dueAt: hoursFromNow(48),
  });
  const handlingLate = await insertEnquiry({ status: "in_progress", dueAt: hoursFromNow(-3) });
  await insertEnquiry({
    status: "awaiting_sign",
    signDueAt: hoursFromNow(1),
    dueAt: hoursFromNow(48),
  });
  await insertEnquiry({ status: "awaiting_recheck", dueAt: hoursFromNow(1) });
  await insertEnquiry({ status: "suspended", dueAt: hoursFromNow(-3) });
  await insertEnquiry({ status: "resolved", dueAt: hoursFromNow(-3) });
  await insertEnquiry({ status: "in_progress", dueAt: hoursFromNow(-3), counter: true });
  return { signLate, handlingLate };
}

const reminders = () =>
  testDb.db
    .select({
      enquiryId: workOrderReminders.enquiryId,
      kind: workOrderReminders.kind,
      dueAt: workOrderReminders.dueAt,
      remindedAt: workOrderReminders.remindedAt,
    })
    .from(workOrderReminders)
    .orderBy(asc(workOrderReminders.id));

const reminderAudits = () =>
  testDb.db
    .select({
      actorId: auditEvents.actorId,
      entity: auditEvents.entity,
      entityId: auditEvents.entityId,
      after: auditEvents.after,
      at: auditEvents.at,
    })
    .from(auditEvents)
    .where(eq(auditEvents.action, "work_order.remind"))
    .orderBy(asc(auditEvents.id));

describe("recordDueReminders", () => {
  it("reminds a late 签收 and a late handling once each and leaves every other enquiry alone", async () => {
    const { signLate, handlingLate } = await insertLateAndOthers();

    expect(await recordDueReminders(testDb.db, NOW)).toBe(2);
    expect(await recordDueReminders(testDb.db, NOW)).toBe(0);

    const rows = await reminders();
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(
      expect.arrayContaining([
        { enquiryId: signLate, kind: "sign_overdue", dueAt: hoursFromNow(-1), remindedAt: NOW },
        {
          enquiryId: handlingLate,
          kind: "handling_overdue",
          dueAt: hoursFromNow(-3),
          remindedAt: NOW,
        },
      ]),
    );
  });

  it("audits each reminder as the system's, in Beijing time", async () => {
    const { signLate, handlingLate } = await insertLateAndOthers();
    await recordDueReminders(testDb.db, NOW);

    const audits = await reminderAudits();
    expect(audits).toHaveLength(2);
    expect(audits).toEqual(
      expect.arrayContaining([
        {
          actorId: null,
          entity: "enquiry",
          entityId: String(signLate),
          after: { reminder: "超时未签收", dueAt: "2026-03-18 09:30" },
          at: NOW,
        },
        {
          actorId: null,
          entity: "enquiry",
          entityId: String(handlingLate),
          after: { reminder: "超期未办结", dueAt: "2026-03-18 07:30" },
          at: NOW,
        },
      ]),
    );
  });

  it("records each reminder once in all when two instances run at the same moment", async () => {
    await insertLateAndOthers();
    const other = createDb(testDb.url, { max: 1 });
    try {
      const counts = await Promise.all([
        recordDueReminders(testDb.db, NOW),
        recordDueReminders(other.db, NOW),
      ]);
      // One run records both: the other finds the lock taken or the reminders already there.
      expect(counts.sort()).toEqual([0, 2]);
    } finally {
      await other.client.end();
    }
    expect(await reminders()).toHaveLength(2);
    expect(await reminderAudits()).toHaveLength(2);
  });

  it("reminds again when the due moment has moved later and passes in its turn", async () => {
    const id = await insertEnquiry({ status: "in_progress", dueAt: hoursFromNow(-1) });
    expect(await recordDueReminders(testDb.db, NOW)).toBe(1);

    // An accepted 延期 or the end of a 挂起 moves the due moment.
    await testDb.db
      .update(enquiries)
      .set({ dueAt: hoursFromNow(2) })
      .where(eq(enquiries.id, id));
    expect(await recordDueReminders(testDb.db, NOW)).toBe(0);
    expect(await recordDueReminders(testDb.db, hoursFromNow(3))).toBe(1);

    expect((await reminders()).map((r) => [r.kind, r.dueAt, r.remindedAt])).toEqual([
      ["handling_overdue", hoursFromNow(-1), NOW],
      ["handling_overdue", hoursFromNow(2), hoursFromNow(3)],
    ]);
  });
});

describe("startReminderLoop", () => {
  it("records reminders as the clock moves, logs a failed run and goes on, and stops", async () => {
    await insertLateAndOthers();
    let current = hoursFromNow(-5);
    let failOnce = true;
    const clock = {
      now: () => {
        if (failOnce) {
          failOnce = false;
          throw new Error("clock unavailable");
        }
        return current;
      },
    };
    const log = vi.fn();
    const stop = startReminderLoop({ db: testDb.db, clock, intervalMs: 10, log });

    await vi.waitFor(() => expect(log).toHaveBeenCalledWith("reminders", expect.anything()));
    current = NOW;
    await vi.waitFor(async () => expect(await reminders()).toHaveLength(2));
    await stop();

    current = hoursFromNow(100);
    await insertEnquiry({ status: "in_progress", dueAt: hoursFromNow(50) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await reminders()).toHaveLength(2);
    expect(log).toHaveBeenCalledTimes(1);
  });
});
