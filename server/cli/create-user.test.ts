import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { verifyPassword } from "../auth/password";
import { createUserFromCommandLine, parseCreateUserArgs } from "./create-user";
import { FIRST_ADMIN_HINT, seedIfEmpty } from "./database";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.drop());

describe("a database of one's own without users", () => {
  it("gets no demo accounts unless asked, and the start says how to create an administrator", async () => {
    const lines: string[] = [];
    const outcome = await seedIfEmpty(
      testDb.url,
      process.env.PII_KEY as string,
      (line) => lines.push(line),
      { demo: false },
    );
    expect(outcome).toBe("needs-admin");
    expect(lines).toEqual([FIRST_ADMIN_HINT]);
    expect(FIRST_ADMIN_HINT).toContain("npm run user:create -- --role admin --login");
    const [row] = await testDb.client<{ n: number }[]>`select count(*)::int as n from users`;
    expect(row?.n).toBe(0);
  });
});

describe("npm run user:create", () => {
  it("reads the role, login and name, and says what is missing", () => {
    expect(
      parseCreateUserArgs(["--role", "admin", "--login", "Chief", "--name", "王主任"]),
    ).toEqual({ role: "admin", login: "chief", displayName: "王主任", regionScope: null });
    expect(parseCreateUserArgs(["--role", "admin", "--login", "chief"])).toMatchObject({
      displayName: "chief",
    });
    expect(parseCreateUserArgs(["--role", "root", "--login", "chief"])).toContain("--role");
    expect(parseCreateUserArgs(["--role", "admin"])).toContain("--login");
    expect(parseCreateUserArgs(["--role", "admin", "--login", "x", "--pw", "y"])).toContain(
      "usage",
    );
  });

  it("creates the first administrator with a generated password, to be changed, audited", async () => {
    const request = parseCreateUserArgs(["--role", "admin", "--login", "first_admin"]);
    if (typeof request === "string") throw new Error(request);
    const created = await createUserFromCommandLine(testDb.db, request, null);
    if (!created.ok) throw new Error(created.problem);
    expect(created.generated).toBe(true);
    expect(created.password).toHaveLength(24);

    const [user] = await testDb.client<
      { role: string; must_change_password: boolean; password_hash: string }[]
    >`select role, must_change_password, password_hash from users where id = ${created.id}`;
    expect(user).toMatchObject({ role: "admin", must_change_password: true });
    expect(await verifyPassword(user?.password_hash ?? "", created.password)).toBe(true);

    const audit = await testDb.client<{ actor_id: number | null; after: unknown }[]>`
      select actor_id, after from audit_events
      where action = 'user.create' and entity_id = ${String(created.id)}`;
    expect(audit).toEqual([
      {
        actor_id: null,
        after: {
          login: "first_admin",
          displayName: "first_admin",
          role: "系统管理员",
          regionScope: "全辖区",
        },
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain(created.password);
  });

  it("applies the password policy to a typed password and refuses a taken login", async () => {
    const request = parseCreateUserArgs(["--role", "admin", "--login", "second_admin"]);
    if (typeof request === "string") throw new Error(request);
    expect(await createUserFromCommandLine(testDb.db, request, "short")).toMatchObject({
      ok: false,
      problem: "密码至少需要12个字符",
    });
    const typed = await createUserFromCommandLine(testDb.db, request, "a-long-typed-secret");
    expect(typed).toMatchObject({ ok: true, generated: false });
    expect(await createUserFromCommandLine(testDb.db, request, null)).toEqual({
      ok: false,
      problem: "该用户名已被使用",
    });
  });
});
