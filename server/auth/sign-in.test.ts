import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userSessions } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createUser } from "@/server/testing/factories";
import { hashPassword } from "./password";
import { type SignInGuards, signInWithPassword } from "./sign-in";
import { SIGN_IN_MESSAGES, signInMessageFor } from "./sign-in-errors";
import { createPostgresLimiter } from "./sign-in-limiter";
import { createVerificationGate } from "./verification-gate";

const PASSWORD = "correct-horse-battery";
let testDb: TestDatabase;
let passwordHash: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(() => testDb.drop());

const office = { userAgent: "Mozilla/5.0 (Windows NT 10.0)", clientAddress: "198.51.100.20" };

// A limiter on the test database with a clock the test moves, and room for 4 password checks.
function guards(): SignInGuards & { pass(ms: number): void } {
  let now = Date.now();
  return {
    limiter: createPostgresLimiter(testDb.db, { clock: () => new Date(now) }),
    gate: createVerificationGate(4),
    pass(ms) {
      now += ms;
    },
  };
}

describe("password sign-in", () => {
  it("opens a server-side session with the client's details", async () => {
    const user = await createUser(testDb.db, { login: "Session_Opener", passwordHash });
    const outcome = await signInWithPassword(
      testDb.db,
      guards(),
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

  it("locks a login from one address after 10 failures, says so, and audits it without passwords", async () => {
    await createUser(testDb.db, { login: "throttled_user", passwordHash });
    const limits = guards();
    const input = { login: "Throttled_User", password: "wrong-password-1" };
    for (let i = 0; i < 10; i++) {
      expect((await signInWithPassword(testDb.db, limits, input, office)).status).toBe("invalid");
      limits.pass(60_000);
    }
    const right = { login: "throttled_user", password: PASSWORD };
    const refused = await signInWithPassword(testDb.db, limits, right, office, {
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
      after: {
        login: "throttled_user",
        clientAddress: office.clientAddress,
        limitedBy: ["login_address"],
      },
    });
    expect(JSON.stringify(audit)).not.toContain("wrong-password");
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);

    // The owner from another address gets in: a stranger cannot lock the account.
    const home = { ...office, clientAddress: "203.0.113.44" };
    expect((await signInWithPassword(testDb.db, limits, right, home)).status).toBe("ok");
  });

  it("slows an account down across addresses, and lets its owner in after the wait", async () => {
    await createUser(testDb.db, { login: "admin_like", passwordHash });
    const limits = guards();
    const wrong = { login: "admin_like", password: "guess-password" };
    const from = (i: number) => ({ userAgent: null, clientAddress: `192.0.2.${i}` });
    for (let i = 0; i < 5; i++) {
      expect((await signInWithPassword(testDb.db, limits, wrong, from(i))).status).toBe("invalid");
    }
    // The sixth in a row waits a second; the right password is not even checked meanwhile.
    const right = { login: "admin_like", password: PASSWORD };
    expect(await signInWithPassword(testDb.db, limits, right, from(50))).toEqual({
      status: "slowed",
      waitMs: 1000,
    });
    limits.pass(1000);
    expect((await signInWithPassword(testDb.db, limits, wrong, from(6))).status).toBe("invalid");
    expect(await signInWithPassword(testDb.db, limits, wrong, from(7))).toEqual({
      status: "slowed",
      waitMs: 2000,
    });
    limits.pass(2000);
    expect((await signInWithPassword(testDb.db, limits, right, from(50))).status).toBe("ok");
  });

  it("gives an unknown login the same answers as a known one", async () => {
    const limits = guards();
    const input = { login: "nobody_here", password: "guess-1" };
    const client = { userAgent: null, clientAddress: "192.0.2.99" };
    for (let i = 0; i < 10; i++) {
      expect((await signInWithPassword(testDb.db, limits, input, client)).status).toBe("invalid");
      limits.pass(60_000);
    }
    expect((await signInWithPassword(testDb.db, limits, input, client)).status).toBe("throttled");
  });

  it("keeps what was typed in the login field out of the audit unless it is a login", async () => {
    const known = await createUser(testDb.db, { login: "audit_known", passwordHash });
    const limits = guards();
    const client = { userAgent: null, clientAddress: "192.0.2.150" };
    // A password typed into the login field by mistake.
    const typed = "Secret-Typed-Pass-77";
    await signInWithPassword(testDb.db, limits, { login: typed, password: "x" }, client, {
      requestId: "req-typed",
    });
    await signInWithPassword(testDb.db, limits, { login: "Audit_Known", password: "x" }, client, {
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
    const limits = guards();
    const client = { userAgent: null, clientAddress: null };
    const wrong = { login: "forgiven_user", password: "typo-password" };
    for (let i = 0; i < 9; i++) {
      await signInWithPassword(testDb.db, limits, wrong, client);
      limits.pass(60_000);
    }
    const ok = { login: "forgiven_user", password: PASSWORD };
    expect((await signInWithPassword(testDb.db, limits, ok, client)).status).toBe("ok");
    expect((await signInWithPassword(testDb.db, limits, wrong, client)).status).toBe("invalid");
    expect((await signInWithPassword(testDb.db, limits, wrong, client)).status).toBe("invalid");
  });

  it("answers busy beyond the running password checks, without counting a failure", async () => {
    await createUser(testDb.db, { login: "busy_user", passwordHash });
    const limits = { ...guards(), gate: createVerificationGate(2) };
    const input = { login: "busy_user", password: PASSWORD };
    const client = { userAgent: null, clientAddress: "192.0.2.150" };
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () => signInWithPassword(testDb.db, limits, input, client)),
    );
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["busy", "busy", "ok", "ok"]);
    expect((await signInWithPassword(testDb.db, limits, input, client)).status).toBe("ok");
  });
});

describe("the login page's messages", () => {
  it("share one message for wrong passwords and unknown logins, and name each refusal", () => {
    expect(signInMessageFor("CredentialsSignin", "credentials")).toBe(SIGN_IN_MESSAGES.invalid);
    expect(signInMessageFor("CredentialsSignin", "too_many_attempts")).toBe(
      "登录失败次数过多，请 15 分钟后再试",
    );
    expect(signInMessageFor("CredentialsSignin", "slow_down")).toContain("请稍后再试");
    expect(signInMessageFor("CredentialsSignin", "busy")).toBe("系统繁忙，请稍后再试");
    expect(signInMessageFor("CallbackRouteError", undefined)).toBe(SIGN_IN_MESSAGES.unavailable);
  });
});
