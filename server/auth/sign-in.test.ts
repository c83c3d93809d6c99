import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userSessions } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createUser } from "@/server/testing/factories";
import { hashPassword } from "./password";
import { clientOf, signInWithPassword } from "./sign-in";
import { SIGN_IN_MESSAGES, signInMessageFor } from "./sign-in-errors";
import { createPostgresLimiter } from "./sign-in-limiter";

const PASSWORD = "correct-horse-battery";
let testDb: TestDatabase;
let passwordHash: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(() => testDb.drop());

const office = { userAgent: "Mozilla/5.0 (Windows NT 10.0)", clientAddress: "198.51.100.20" };

describe("password sign-in", () => {
  it("opens a server-side session with the client's details", async () => {
    const user = await createUser(testDb.db, { login: "Session_Opener", passwordHash });
    const outcome = await signInWithPassword(
      testDb.db,
      createPostgresLimiter(testDb.db),
      { login: "session_opener", password: PASSWORD },
      office,
    );
    expect(outcome.status).toBe("ok");
    if (outcome.status !== "ok") return;
    const [row] = await testDb.db
      .select()
      .from(userSessions)
      .where(eq(userSessions.id, outcome.sessionId));
    expect(row).toMatchObject({ userId: user.id, ...office, endedAt: null });
  });

  it("refuses the right password after 10 failures, says so, and audits it without passwords", async () => {
    await createUser(testDb.db, { login: "throttled_user", passwordHash });
    const limiter = createPostgresLimiter(testDb.db);
    const input = { login: "Throttled_User", password: "wrong-password-1" };
    for (let i = 0; i < 10; i++) {
      const client = { ...office, clientAddress: `192.0.2.${i + 1}` };
      expect((await signInWithPassword(testDb.db, limiter, input, client)).status).toBe("invalid");
    }
    const right = { login: "throttled_user", password: PASSWORD };
    const refused = await signInWithPassword(testDb.db, limiter, right, office, {
      requestId: "req-throttle",
    });
    expect(refused.status).toBe("throttled");

    const audit = await testDb.client<{ action: string; after: unknown; request_id: string }[]>`
      select action, after, request_id from audit_events
      where after->>'login' ilike 'throttled_user' order by id`;
    expect(audit.map((row) => row.action)).toEqual([
      ...Array(10).fill("user.sign_in_failed"),
      "user.sign_in_blocked",
    ]);
    expect(audit.at(-1)).toMatchObject({
      request_id: "req-throttle",
      after: { login: "throttled_user", clientAddress: office.clientAddress, limitedBy: ["login"] },
    });
    expect(JSON.stringify(audit)).not.toContain("wrong-password");
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
  });

  it("gives an unknown login the same answers as a known one", async () => {
    const limiter = createPostgresLimiter(testDb.db);
    const input = { login: "nobody_here", password: "guess-1" };
    const client = { userAgent: null, clientAddress: "192.0.2.99" };
    for (let i = 0; i < 10; i++) {
      expect((await signInWithPassword(testDb.db, limiter, input, client)).status).toBe("invalid");
    }
    expect((await signInWithPassword(testDb.db, limiter, input, client)).status).toBe("throttled");
  });

  it("keeps what was typed in the login field out of the audit unless it is a login", async () => {
    const known = await createUser(testDb.db, { login: "audit_known", passwordHash });
    const limiter = createPostgresLimiter(testDb.db);
    const client = { userAgent: null, clientAddress: "192.0.2.150" };
    // A password typed into the login field by mistake.
    const typed = "Secret-Typed-Pass-77";
    await signInWithPassword(testDb.db, limiter, { login: typed, password: "x" }, client, {
      requestId: "req-typed",
    });
    await signInWithPassword(testDb.db, limiter, { login: "Audit_Known", password: "x" }, client, {
      requestId: "req-known",
    });
    const audit = await testDb.client<{ request_id: string; entity_id: string; after: unknown }[]>`
      select request_id, entity_id, after from audit_events
      where action = 'user.sign_in_failed' and request_id in ('req-typed', 'req-known')
      order by id`;
    expect(audit).toEqual([
      { request_id: "req-typed", entity_id: null, after: { loginKnown: false } },
      { request_id: "req-known", entity_id: String(known.id), after: { login: "audit_known" } },
    ]);
    expect(JSON.stringify(audit)).not.toContain("Secret-Typed");
  });

  it("clears the account's failures on success", async () => {
    await createUser(testDb.db, { login: "forgiven_user", passwordHash });
    const limiter = createPostgresLimiter(testDb.db);
    const client = { userAgent: null, clientAddress: null };
    const wrong = { login: "forgiven_user", password: "typo-password" };
    for (let i = 0; i < 9; i++) await signInWithPassword(testDb.db, limiter, wrong, client);
    const ok = { login: "forgiven_user", password: PASSWORD };
    expect((await signInWithPassword(testDb.db, limiter, ok, client)).status).toBe("ok");
    for (let i = 0; i < 10; i++) {
      expect((await signInWithPassword(testDb.db, limiter, wrong, client)).status).toBe("invalid");
    }
    expect((await signInWithPassword(testDb.db, limiter, ok, client)).status).toBe("throttled");
  });
});

describe("the client address", () => {
  const request = (headers: Record<string, string>) =>
    new Request("http://localhost/api/auth/callback/credentials", { headers });

  it("is the first X-Forwarded-For hop, else X-Real-IP, and only an IP address", () => {
    expect(
      clientOf(request({ "x-forwarded-for": "203.0.113.5, 10.0.0.2", "user-agent": "UA" })),
    ).toEqual({ clientAddress: "203.0.113.5", userAgent: "UA" });
    expect(clientOf(request({ "x-real-ip": "2001:db8::1" })).clientAddress).toBe("2001:db8::1");
    expect(clientOf(request({ "x-forwarded-for": "::ffff:127.0.0.1" })).clientAddress).toBe(
      "127.0.0.1",
    );
    expect(clientOf(request({ "x-forwarded-for": "'; drop table users" })).clientAddress).toBe(
      null,
    );
    expect(clientOf(undefined)).toEqual({ clientAddress: null, userAgent: null });
  });
});

describe("the login page's messages", () => {
  it("share one message for wrong passwords and unknown logins, and name the throttle", () => {
    expect(signInMessageFor("CredentialsSignin", "credentials")).toBe(SIGN_IN_MESSAGES.invalid);
    expect(signInMessageFor("CredentialsSignin", "too_many_attempts")).toBe(
      "登录失败次数过多，请 15 分钟后再试",
    );
    expect(signInMessageFor("CallbackRouteError", undefined)).toBe(SIGN_IN_MESSAGES.unavailable);
  });
});
