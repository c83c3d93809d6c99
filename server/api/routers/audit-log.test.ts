import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createSignedInUser, type SignedInTestUser } from "@/server/testing/factories";
import { callerWith } from "../../testing/callers";
import type { RouterOutputs } from "../root";

let testDb: TestDatabase;
let admin: SignedInTestUser;
let caseworker: SignedInTestUser;

const asAdmin = () => callerWith(testDb.db, admin.session);

// 45 rows in three clusters that share one microsecond each, inserted out of time order, as
// the demo history is: paging must follow (at, id), not insertion order.
beforeAll(async () => {
  testDb = await createTestDatabase();
  admin = await createSignedInUser(testDb.db, { role: "admin" });
  caseworker = await createSignedInUser(testDb.db, { role: "caseworker", regionScope: "610100" });
  const times = [
    "2026-03-02T01:00:00.123456Z",
    "2026-03-01T15:59:59.999999Z",
    "2026-03-03T08:00:00Z",
  ];
  for (const [cluster, at] of times.entries()) {
    for (let i = 0; i < 15; i++) {
      await testDb.client`
        insert into audit_events (actor_id, action, entity, entity_id, before, after, at)
        values (${cluster === 0 ? caseworker.id : admin.id},
          ${i % 3 === 0 ? "enquiry.transition" : "user.update"},
          ${i % 3 === 0 ? "enquiry" : "user"}, ${String(100 + i)},
          '{"status":"处理中"}', '{"status":"待复查"}', ${at})`;
    }
  }
});
afterAll(() => testDb.drop());

describe("auditLog.list", () => {
  it("pages newest first through rows sharing a timestamp, without gaps or repeats", async () => {
    const seen: number[] = [];
    const times: number[] = [];
    let cursor: string | null = null;
    do {
      const page: RouterOutputs["auditLog"]["list"] = await asAdmin().auditLog.list({
        limit: 7,
        cursor,
      });
      for (const item of page.items) {
        seen.push(item.id);
        times.push(item.at.getTime());
      }
      cursor = page.nextCursor;
    } while (cursor);
    const [{ n }] = (await testDb.client`select count(*)::int as n from audit_events`) as [
      { n: number },
    ];
    expect(seen).toHaveLength(n);
    expect(new Set(seen).size).toBe(n);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("filters by action, actor, entity and id, and by Beijing calendar days", async () => {
    const transitions = await asAdmin().auditLog.list({ action: "enquiry.transition" });
    expect(transitions.items).toHaveLength(15);
    expect(transitions.items[0]).toMatchObject({
      actionLabel: "变更状态",
      entityLabel: "咨询工单",
      before: { status: "处理中" },
      after: { status: "待复查" },
    });

    const byActor = await asAdmin().auditLog.list({ actorId: caseworker.id });
    expect(byActor.items).toHaveLength(15);
    expect(byActor.items[0]).toMatchObject({ actorName: caseworker.displayName });

    const one = await asAdmin().auditLog.list({ entity: "enquiry", entityId: "103" });
    expect(one.items).toHaveLength(3);

    // 2026-03-02 in Beijing runs from 2026-03-01T16:00Z: the 15:59:59.999999Z cluster is the
    // day before, the 01:00Z one is inside.
    const day = await asAdmin().auditLog.list({
      from: new Date("2026-03-01T16:00:00Z"),
      to: new Date("2026-03-02T16:00:00Z"),
      limit: 100,
    });
    expect(day.items).toHaveLength(15);
    expect(day.items.every((item) => item.actorId === caseworker.id)).toBe(true);
  });

  it("refuses a forged cursor with a message, not an error page", async () => {
    const forged = Buffer.from(JSON.stringify({ at: "yesterday", id: 1 })).toString("base64url");
    const error = await asAdmin()
      .auditLog.list({ cursor: forged })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toBe("翻页参数无效，请回到第一页");
  });
});
