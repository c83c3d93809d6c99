import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import {
  createSession,
  createSignedInUser,
  type SignedInTestUser,
} from "@/server/testing/factories";
import type { SessionRef } from "../../auth/session-ref";
import { callerWith, failureOf } from "../../testing/callers";

const XIAN = "610100";
const SHAANXI = "610000";
const STRONG = "Lantern-Harbour-47";

let testDb: TestDatabase;
let admin: SignedInTestUser;
let sequence = 0;

const callerAs = (session: SessionRef) => callerWith(testDb.db, session);
const asAdmin = () => callerAs(admin.session);

async function userRow(id: number) {
  const [row] = await testDb.db.select().from(users).where(eq(users.id, id));
  if (!row) throw new Error(`user ${id} missing`);
  return row;
}

async function auditFor(id: number) {
  return testDb.client<{ action: string; actor_id: number; before: unknown; after: unknown }[]>`
    select action, actor_id::int, before, after from audit_events
    where entity = 'user' and entity_id = ${String(id)} order by id`;
}

const newLogin = () => `cw_${++sequence}_${Date.now().toString(36)}`;

async function createThroughRouter(overrides: Record<string, unknown> = {}) {
  const login = newLogin();
  const created = await asAdmin().users.create({
    login,
    displayName: "赵敏",
    role: "caseworker",
    regionScope: XIAN,
    password: STRONG,
    ...overrides,
  });
  return { ...created, session: await createSession(testDb.db, { id: created.id }) };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  admin = await createSignedInUser(testDb.db, { role: "admin" });
});
afterAll(() => testDb.drop());

describe("users.create", () => {
  it("creates an account that must change its password, audited without the password", async () => {
    const login = newLogin();
    const created = await asAdmin().users.create({
      login: login.toUpperCase(),
      displayName: "  赵敏 ",
      role: "caseworker",
      regionScope: XIAN,
      password: STRONG,
    });
    const row = await userRow(created.id);
    expect(row).toMatchObject({
      login,
      displayName: "赵敏",
      role: "caseworker",
      regionScope: XIAN,
      active: true,
      mustChangePassword: true,
    });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const audit = await auditFor(created.id);
    expect(audit).toEqual([
      {
        action: "user.create",
        actor_id: admin.id,
        before: null,
        after: { login, displayName: "赵敏", role: "经办人员", regionScope: "西安市" },
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain(STRONG);
    expect(JSON.stringify(audit)).not.toContain("argon2");
  });

  it("refuses passwords against the policy, each with its own message", async () => {
    const login = "zhao_min_2026";
    const cases: [string, string][] = [
      ["short-pass1", "密码至少需要12个字符"],
      ["123456789012", "该密码过于常见，容易被猜中，请换一个"],
      ["QwertyUiop12", "该密码过于常见，容易被猜中，请换一个"],
      ["woaini1314520", "该密码过于常见，容易被猜中，请换一个"],
      ["ZHAO_MIN_2026", "密码不能与用户名相同"],
      ["my-Zhao_Min_2026-pw", "密码不能包含用户名"],
    ];
    for (const [password, message] of cases) {
      const result = await failureOf(
        asAdmin().users.create({
          login,
          displayName: "赵敏",
          role: "manager",
          regionScope: null,
          password,
        }),
      );
      expect(`${password} → ${result.code} ${result.message}`).toBe(
        `${password} → BAD_REQUEST ${message}`,
      );
    }
    expect(await testDb.client`select 1 from users where login = ${login}`).toHaveLength(0);
  });

  it("refuses a login already taken, whatever its case, and a caseworker without a scope", async () => {
    const first = await createThroughRouter();
    expect(
      await failureOf(
        asAdmin().users.create({
          login: first.login.toUpperCase(),
          displayName: "重名",
          role: "manager",
          regionScope: null,
          password: STRONG,
        }),
      ),
    ).toEqual({ code: "BAD_REQUEST", message: "该用户名已被使用" });
    expect(
      await failureOf(
        asAdmin().users.create({
          login: newLogin(),
          displayName: "无地区",
          role: "caseworker",
          regionScope: null,
          password: STRONG,
        }),
      ),
    ).toEqual({ code: "BAD_REQUEST", message: "经办人员必须指定管辖地区" });
    expect(
      await failureOf(
        asAdmin().users.create({
          login: newLogin(),
          displayName: "区县",
          role: "caseworker",
          regionScope: "610113",
          password: STRONG,
        }),
      ),
    ).toEqual({ code: "BAD_REQUEST", message: "管辖地区须为省或地市" });
  });
});

describe("users.update", () => {
  it("ends open sessions on a role change and audits only the changed fields", async () => {
    const target = await createThroughRouter({ role: "manager", regionScope: null });
    await testDb.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, target.id));
    expect((await callerAs(target.session).viewer.me()).role).toBe("manager");

    const result = await asAdmin().users.update({
      id: target.id,
      displayName: "赵敏",
      role: "caseworker",
      regionScope: XIAN,
    });
    expect(result).toEqual({ changed: true });
    expect((await userRow(target.id)).sessionVersion).toBe(2);
    expect((await failureOf(callerAs(target.session).viewer.me())).code).toBe("UNAUTHORIZED");
    const [, change] = await auditFor(target.id);
    expect(change).toEqual({
      action: "user.role_change",
      actor_id: admin.id,
      before: { role: "科室负责人", regionScope: "全辖区" },
      after: { role: "经办人员", regionScope: "西安市" },
    });
  });

  it("ends open sessions on a scope change; a new name alone keeps them", async () => {
    const target = await createThroughRouter();
    await testDb.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, target.id));
    const base = { id: target.id, role: "caseworker" as const };

    await asAdmin().users.update({ ...base, displayName: "赵敏华", regionScope: XIAN });
    expect((await callerAs(target.session).viewer.me()).displayName).toBe("赵敏华");

    await asAdmin().users.update({ ...base, displayName: "赵敏华", regionScope: SHAANXI });
    expect((await failureOf(callerAs(target.session).viewer.me())).code).toBe("UNAUTHORIZED");
    const fresh = await createSession(testDb.db, { id: target.id, sessionVersion: 2 });
    expect((await callerAs(fresh).viewer.me()).regionScope).toBe(SHAANXI);

    const audit = await auditFor(target.id);
    expect(audit.slice(1).map((a) => [a.action, a.before, a.after])).toEqual([
      ["user.update", { displayName: "赵敏" }, { displayName: "赵敏华" }],
      ["user.update", { regionScope: "西安市" }, { regionScope: "陕西省" }],
    ]);
    expect(
      await asAdmin().users.update({ ...base, displayName: "赵敏华", regionScope: SHAANXI }),
    ).toEqual({ changed: false });
    expect(await auditFor(target.id)).toHaveLength(3);
  });

  it("refuses to change the administrator's own role or scope", async () => {
    const self = { id: admin.id, displayName: admin.displayName };
    expect(
      await failureOf(asAdmin().users.update({ ...self, role: "manager", regionScope: null })),
    ).toEqual({ code: "BAD_REQUEST", message: "不能修改自己的角色，请由其他系统管理员操作" });
    expect(
      await failureOf(asAdmin().users.update({ ...self, role: "admin", regionScope: XIAN })),
    ).toEqual({ code: "BAD_REQUEST", message: "不能修改自己的管辖地区，请由其他系统管理员操作" });
    expect((await userRow(admin.id)).role).toBe("admin");
  });
});

describe("users.setActive", () => {
  it("disables an account at once and enables it again, both audited", async () => {
    const target = await createThroughRouter();
    await asAdmin().users.setActive({ id: target.id, active: false });
    expect((await failureOf(callerAs(target.session).viewer.me())).code).toBe("UNAUTHORIZED");
    expect(await asAdmin().users.setActive({ id: target.id, active: false })).toEqual({
      changed: false,
    });
    await asAdmin().users.setActive({ id: target.id, active: true });
    // Enabling does not revive a session ended by the disable.
    expect((await failureOf(callerAs(target.session).viewer.me())).code).toBe("UNAUTHORIZED");
    expect(await userRow(target.id)).toMatchObject({ active: true, sessionVersion: 3 });
    const audit = await auditFor(target.id);
    expect(audit.slice(1).map((a) => [a.action, a.before, a.after])).toEqual([
      ["user.disable", { status: "启用" }, { status: "停用" }],
      ["user.enable", { status: "停用" }, { status: "启用" }],
    ]);
  });

  it("refuses to let an administrator disable themselves", async () => {
    expect(await failureOf(asAdmin().users.setActive({ id: admin.id, active: false }))).toEqual({
      code: "BAD_REQUEST",
      message: "不能停用自己的账号，请由其他系统管理员操作",
    });
    expect((await asAdmin().viewer.me()).id).toBe(admin.id);
  });

  it("answers NOT_FOUND for an unknown user", async () => {
    expect((await failureOf(asAdmin().users.setActive({ id: 987_654, active: false }))).code).toBe(
      "NOT_FOUND",
    );
  });
});

describe("users.list", () => {
  it("filters by role, status and text, pages, and never returns password hashes", async () => {
    const disabled = await createThroughRouter({ displayName: "停用测试员" });
    await asAdmin().users.setActive({ id: disabled.id, active: false });
    const found = await asAdmin().users.list({ q: "停用测试", status: "disabled" });
    expect(found.items.map((u) => u.id)).toEqual([disabled.id]);
    expect(found.total).toBe(1);
    expect((await asAdmin().users.list({ q: "停用测试", status: "active" })).total).toBe(0);

    const admins = await asAdmin().users.list({ role: "admin" });
    expect(admins.items.every((u) => u.role === "admin")).toBe(true);

    const all = await asAdmin().users.list({ pageSize: 2 });
    const second = await asAdmin().users.list({ pageSize: 2, page: 2 });
    expect(all.items).toHaveLength(2);
    expect(second.items[0]?.id).not.toBe(all.items[0]?.id);
    expect(JSON.stringify([all, second, found])).not.toMatch(/argon2|passwordHash/);
  });
});
