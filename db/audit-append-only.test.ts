import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createUser } from "@/server/testing/factories";
import { emptyDemoTables } from "./reset";

// The audit trail is append-only in the database itself, whatever the application does.

let testDb: TestDatabase;
let actorId: number;

async function failure(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
    return "succeeded";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function auditCount(): Promise<number> {
  const [row] = await testDb.client<{ n: number }[]>`select count(*)::int as n from audit_events`;
  return row?.n ?? -1;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  actorId = (await createUser(testDb.db, { role: "admin" })).id;
  await testDb.client`
    insert into audit_events (actor_id, action, entity, entity_id, after)
    values (${actorId}, 'user.create', 'user', '1', '{"login":"a"}'),
           (${actorId}, 'user.disable', 'user', '1', '{"status":"停用"}')`;
});
afterAll(() => testDb.drop());

describe("audit_events", () => {
  it("accepts new rows", async () => {
    const before = await auditCount();
    await testDb.client`insert into audit_events (action, entity) values ('user.sign_out', 'user')`;
    expect(await auditCount()).toBe(before + 1);
  });

  it("refuses UPDATE, DELETE and TRUNCATE with a clear message", async () => {
    const before = await auditCount();
    expect(await failure(testDb.client`update audit_events set action = 'user.enable'`)).toMatch(
      /append-only: UPDATE is not allowed/,
    );
    expect(
      await failure(
        testDb.client`update audit_events set after = null where action = 'user.disable'`,
      ),
    ).toMatch(/审计日志只能追加/);
    expect(await failure(testDb.client`delete from audit_events`)).toMatch(
      /append-only: DELETE is not allowed/,
    );
    expect(await failure(testDb.client`truncate audit_events`)).toMatch(
      /append-only: TRUNCATE is not allowed/,
    );
    expect(await auditCount()).toBe(before);
    const [row] = await testDb.client<{ after: unknown }[]>`
      select after from audit_events where action = 'user.disable'`;
    expect(row?.after).toEqual({ status: "停用" });
  });

  it("keeps a user with audit history from being deleted instead of rewriting the rows", async () => {
    expect(await failure(testDb.client`delete from users where id = ${actorId}`)).toMatch(
      /audit_events_actor_id_users_id_fk/,
    );
  });

  it("can be emptied only by the demo reset, which leaves the guard switched on", async () => {
    await emptyDemoTables(testDb.client);
    expect(await auditCount()).toBe(0);
    await testDb.client`insert into audit_events (action, entity) values ('user.sign_in', 'user')`;
    expect(await failure(testDb.client`truncate audit_events`)).toMatch(/append-only/);
    const triggers = await testDb.client<{ tgname: string; tgenabled: string }[]>`
      select tgname, tgenabled from pg_trigger
      where tgrelid = 'audit_events'::regclass and not tgisinternal order by tgname`;
    expect(triggers).toEqual([
      { tgname: "audit_events_append_only", tgenabled: "O" },
      { tgname: "audit_events_no_truncate", tgenabled: "O" },
    ]);
  });
});
