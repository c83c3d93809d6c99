import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import {
  createSession,
  createSignedInUser,
  type SignedInTestUser,
} from "@/server/testing/factories";
import { hashPassword, verifyPassword } from "../../auth/password";
import type { SessionRef } from "../../auth/session-ref";
import { callerWith, failureOf } from "../../testing/callers";

// An administrator resets a password; the user is then held to the password change until
// they pick their own, which ends every session they had.

const TEMPORARY = "Tmp-Reset-Pass-2026";
const CHOSEN = "Quiet-River-Stone-88";

let testDb: TestDatabase;
let admin: SignedInTestUser;

const callerAs = (session: SessionRef) => callerWith(testDb.db, session);

async function userRow(id: number) {
  const [row] = await testDb.db.select().from(users).where(eq(users.id, id));
  if (!row) throw new Error(`user ${id} missing`);
  return row;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  admin = await createSignedInUser(testDb.db, { role: "admin" });
});
afterAll(() => testDb.drop());

describe("password reset and the forced change", () => {
  it("resets, holds the user to the change, then lets them in with their own password", async () => {
    const target = await createSignedInUser(testDb.db, {
      login: "qian_li",
      role: "caseworker",
      regionScope: "610100",
      passwordHash: await hashPassword("Original-Pass-2025"),
    });
    const admins = callerWith(testDb.db, admin.session, "req-reset");
    expect(
      await failureOf(admins.users.resetPassword({ id: target.id, password: "qian_li-2026-pw" })),
    ).toEqual({ code: "BAD_REQUEST", message: "密码不能包含用户名" });
    await admins.users.resetPassword({ id: target.id, password: TEMPORARY });
    expect(await userRow(target.id)).toMatchObject({ mustChangePassword: true, sessionVersion: 2 });
    expect((await failureOf(callerAs(target.session).viewer.me())).code).toBe("UNAUTHORIZED");

    // Signed in again with the temporary password: who am I, and the change, nothing else.
    const pending = callerAs(await createSession(testDb.db, { id: target.id, sessionVersion: 2 }));
    expect(await pending.viewer.me()).toMatchObject({ id: target.id, mustChangePassword: true });
    // Called one at a time: a promise made early and awaited late is an unhandled rejection.
    for (const call of [
      () => pending.viewer.overview(),
      () => pending.enquiries.list({}),
      () => pending.regions.options(),
    ]) {
      expect(await failureOf(call())).toEqual({ code: "FORBIDDEN", message: "请先修改初始密码" });
    }

    const change = (currentPassword: string, newPassword: string, confirm = newPassword) =>
      failureOf(
        pending.account.changePassword({
          currentPassword,
          newPassword,
          confirmPassword: confirm,
        }),
      );
    expect(await change("wrong-password", CHOSEN)).toEqual({
      code: "BAD_REQUEST",
      message: "当前密码不正确",
    });
    expect(await change(TEMPORARY, "1qaz2wsx3edc")).toEqual({
      code: "BAD_REQUEST",
      message: "该密码过于常见，容易被猜中，请换一个",
    });
    expect(await change(TEMPORARY, CHOSEN, `${CHOSEN}x`)).toEqual({
      code: "BAD_REQUEST",
      message: "两次输入的新密码不一致",
    });
    expect(await change(TEMPORARY, TEMPORARY)).toEqual({
      code: "BAD_REQUEST",
      message: "新密码不能与当前密码相同",
    });
    expect(await change(TEMPORARY, "Qian_Li-forever")).toEqual({
      code: "BAD_REQUEST",
      message: "密码不能包含用户名",
    });
    expect(await change(TEMPORARY, CHOSEN)).toEqual({ code: "OK", message: "" });

    const after = await userRow(target.id);
    expect(after).toMatchObject({ mustChangePassword: false, sessionVersion: 3 });
    expect(await verifyPassword(after.passwordHash, CHOSEN)).toBe(true);
    expect((await failureOf(pending.viewer.me())).code).toBe("UNAUTHORIZED");
    const fresh = callerAs(await createSession(testDb.db, { id: target.id, sessionVersion: 3 }));
    expect(await fresh.viewer.overview()).toHaveProperty("byStatus");

    const audit = await testDb.client<{ action: string; actor_id: number; request_id: string }[]>`
      select action, actor_id::int, request_id from audit_events
      where entity = 'user' and entity_id = ${String(target.id)} order by id`;
    expect(audit.map((a) => [a.action, a.actor_id])).toEqual([
      ["user.reset_password", admin.id],
      ["user.change_password", target.id],
    ]);
    expect(audit[0]?.request_id).toBe("req-reset");
    const everything = await testDb.client`select before, after from audit_events`;
    expect(JSON.stringify(everything)).not.toMatch(/argon2|Tmp-Reset|Quiet-River/);
  });

  it("lets any user change their own password by choice", async () => {
    const user = await createSignedInUser(testDb.db, {
      role: "manager",
      passwordHash: await hashPassword("Manager-Pass-2025"),
    });
    await callerAs(user.session).account.changePassword({
      currentPassword: "Manager-Pass-2025",
      newPassword: CHOSEN,
      confirmPassword: CHOSEN,
    });
    expect(await userRow(user.id)).toMatchObject({ mustChangePassword: false, sessionVersion: 2 });
    const [row] = await testDb.client<{ after: unknown }[]>`
      select after from audit_events where action = 'user.change_password'
      and entity_id = ${String(user.id)}`;
    expect(row?.after).toEqual({ password: "本人修改密码" });
  });

  it("refuses an administrator resetting their own password there", async () => {
    expect(
      await failureOf(
        callerAs(admin.session).users.resetPassword({ id: admin.id, password: TEMPORARY }),
      ),
    ).toEqual({ code: "BAD_REQUEST", message: "请在「修改密码」页面修改自己的密码" });
  });
});
