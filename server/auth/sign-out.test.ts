import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, userSessions } from "@/db/schema";
import { callerWith, errorCode } from "@/server/testing/callers";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createSignedInUser } from "@/server/testing/factories";
import type { SessionRef } from "./session-ref";

// Auth.js's own sign-out endpoint (POST /api/auth/signout), reachable by anyone holding the
// cookie, must end the server-side session like the user menu does: a copy of the cookie
// replayed afterwards is refused.

const COOKIE = "authjs.session-token";
let testDb: TestDatabase;
let handlers: typeof import("./config").handlers;

beforeAll(async () => {
  testDb = await createTestDatabase();
  // The Auth.js route reads the application's pool; point it at this file's database.
  process.env.DATABASE_URL = testDb.url;
  ({ handlers } = await import("./config"));
});
afterAll(async () => {
  const { getConnection } = await import("../db");
  await getConnection().client.end();
  await testDb.drop();
});

async function sessionCookie(ref: SessionRef): Promise<string> {
  const token = await encode({
    token: { uid: String(ref.userId), sv: ref.sessionVersion, sid: ref.sessionId },
    secret: process.env.AUTH_SECRET as string,
    salt: COOKIE,
  });
  return `${COOKIE}=${token}`;
}

// The form Auth.js's sign-out page posts: the CSRF token from /api/auth/csrf and its cookie.
async function postSignOut(cookie: string): Promise<Response> {
  const csrf = await handlers.GET(new Request("http://localhost/api/auth/csrf") as never);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = (csrf.headers.get("set-cookie") ?? "").split(";")[0];
  return handlers.POST(
    new Request("http://localhost/api/auth/signout", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: `${cookie}; ${csrfCookie}`,
      },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/login" }),
    }) as never,
  );
}

describe("POST /api/auth/signout", () => {
  it("ends the server-side session, audited, so a replayed cookie is refused", async () => {
    const user = await createSignedInUser(testDb.db, { role: "caseworker", regionScope: "610100" });
    const caller = callerWith(testDb.db, user.session);
    expect(await errorCode(caller.viewer.me())).toBe("OK");

    const response = await postSignOut(await sessionCookie(user.session));
    expect(response.status).toBeLessThan(400);
    expect(response.headers.get("set-cookie")).toContain(`${COOKIE}=;`);

    expect(await errorCode(caller.viewer.me())).toBe("UNAUTHORIZED");
    const [row] = await testDb.db
      .select()
      .from(userSessions)
      .where(eq(userSessions.id, user.session.sessionId));
    expect(row).toMatchObject({ endedReason: "sign_out" });
    const audit = await testDb.db
      .select({ action: auditEvents.action, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, String(user.id)));
    expect(audit).toEqual([{ action: "user.sign_out", actorId: user.id }]);

    // Signing out again with the same cookie changes nothing and writes no second audit row.
    await postSignOut(await sessionCookie(user.session));
    expect(
      await testDb.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.entityId, String(user.id))),
    ).toHaveLength(1);
  });

  it("does not end another user's session named in a forged token", async () => {
    const owner = await createSignedInUser(testDb.db, { role: "manager" });
    const other = await createSignedInUser(testDb.db, { role: "manager" });
    await postSignOut(await sessionCookie({ ...owner.session, userId: other.id }));
    expect(await errorCode(callerWith(testDb.db, owner.session).viewer.me())).toBe("OK");
  });
});
