import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPiiCodec } from "@/db/pii";
import { userSessions, users } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createSession, createUser } from "@/server/testing/factories";
import { createCaller } from "../api/root";
import { createTRPCContext } from "../api/trpc";
import type { SessionRef } from "../auth/session-ref";
import {
  endSession,
  SESSION_IDLE_MS,
  SESSION_MAX_AGE_MS,
  SESSION_RETENTION_MS,
  startSession,
} from "./sessions";
import { loadActor } from "./users";

const MINUTE = 60_000;
const pii = createPiiCodec(process.env.PII_KEY as string);
let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.drop());

async function sessionRow(sessionId: string) {
  const [row] = await testDb.db.select().from(userSessions).where(eq(userSessions.id, sessionId));
  return row;
}

const later = (start: Date, ms: number) => new Date(start.getTime() + ms);

async function viewerMe(session: SessionRef): Promise<string> {
  const caller = createCaller(createTRPCContext({ db: testDb.db, pii, session }));
  try {
    await caller.viewer.me();
    return "OK";
  } catch (error) {
    // The router's TRPCError, recognised without importing tRPC into server/domain.
    return error instanceof Error && error.name === "TRPCError" && "code" in error
      ? String(error.code)
      : String(error);
  }
}

describe("server-side sessions", () => {
  it("start with a random id, the client's user agent and address", async () => {
    const user = await createUser(testDb.db);
    const first = await startSession(testDb.db, user.id, {
      userAgent: "Mozilla/5.0 测试",
      clientAddress: "203.0.113.9",
    });
    const second = await startSession(testDb.db, user.id, { userAgent: null, clientAddress: null });
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second).not.toBe(first);
    expect(await sessionRow(first)).toMatchObject({
      userId: user.id,
      userAgent: "Mozilla/5.0 测试",
      clientAddress: "203.0.113.9",
      endedAt: null,
    });
  });

  it("accept an open session and refresh last_seen_at at most once a minute", async () => {
    const user = await createUser(testDb.db, { role: "manager" });
    const start = new Date(Date.now() - 10 * MINUTE);
    const ref = await createSession(testDb.db, user, { createdAt: start });

    expect(await loadActor(testDb.db, ref, later(start, 30_000))).toMatchObject({ id: user.id });
    expect((await sessionRow(ref.sessionId))?.lastSeenAt).toEqual(start);

    expect(await loadActor(testDb.db, ref, later(start, 2 * MINUTE))).not.toBeNull();
    expect((await sessionRow(ref.sessionId))?.lastSeenAt).toEqual(later(start, 2 * MINUTE));
    expect(await loadActor(testDb.db, ref, later(start, 2 * MINUTE + 30_000))).not.toBeNull();
    expect((await sessionRow(ref.sessionId))?.lastSeenAt).toEqual(later(start, 2 * MINUTE));
  });

  it("end after 30 minutes without a request", async () => {
    const user = await createUser(testDb.db);
    const start = new Date();
    const ref = await createSession(testDb.db, user, { createdAt: start });
    expect(await loadActor(testDb.db, ref, later(start, SESSION_IDLE_MS - MINUTE))).not.toBeNull();
    // Used a minute before the limit, so the idle clock restarted then.
    const stillUsed = await loadActor(
      testDb.db,
      ref,
      later(start, 2 * SESSION_IDLE_MS - 2 * MINUTE),
    );
    expect(stillUsed).not.toBeNull();
    const idleRef = await createSession(testDb.db, user, { createdAt: start });
    expect(await loadActor(testDb.db, idleRef, later(start, SESSION_IDLE_MS))).toBeNull();
    expect(await sessionRow(idleRef.sessionId)).toMatchObject({ endedReason: "idle" });
    // Ended for good: coming back within the limit of a later clock does not reopen it.
    expect(await loadActor(testDb.db, idleRef, later(start, MINUTE))).toBeNull();
  });

  it("end 12 hours after sign-in however active they were", async () => {
    const user = await createUser(testDb.db);
    const start = new Date(Date.now() - SESSION_MAX_AGE_MS);
    const ref = await createSession(testDb.db, user, {
      createdAt: start,
      lastSeenAt: later(start, SESSION_MAX_AGE_MS - MINUTE),
    });
    expect(await loadActor(testDb.db, ref, later(start, SESSION_MAX_AGE_MS - 1000))).not.toBeNull();
    expect(await loadActor(testDb.db, ref, later(start, SESSION_MAX_AGE_MS))).toBeNull();
    expect(await sessionRow(ref.sessionId)).toMatchObject({ endedReason: "expired" });
  });

  it("refuse a replayed cookie after sign-out (UNAUTHORIZED over tRPC)", async () => {
    const user = await createUser(testDb.db, { role: "caseworker", regionScope: "610100" });
    const ref = await createSession(testDb.db, user);
    const other = await createSession(testDb.db, user);
    expect(await viewerMe(ref)).toBe("OK");
    expect(await endSession(testDb.db, ref.sessionId, "sign_out")).toBe(true);
    expect(await viewerMe(ref)).toBe("UNAUTHORIZED");
    expect(await sessionRow(ref.sessionId)).toMatchObject({ endedReason: "sign_out" });
    // Ending it again changes nothing; the user's other session is untouched.
    expect(await endSession(testDb.db, ref.sessionId, "idle")).toBe(false);
    expect(await sessionRow(ref.sessionId)).toMatchObject({ endedReason: "sign_out" });
    expect(await viewerMe(other)).toBe("OK");
  });

  it("refuse a session issued for an older session version, or another user", async () => {
    const user = await createUser(testDb.db);
    const someoneElse = await createUser(testDb.db);
    const ref = await createSession(testDb.db, user);
    expect(await viewerMe({ ...ref, userId: someoneElse.id })).toBe("UNAUTHORIZED");
    expect(await viewerMe({ ...ref, sessionId: "x".repeat(43) })).toBe("UNAUTHORIZED");
    expect(await viewerMe(ref)).toBe("OK");

    await testDb.db.update(users).set({ sessionVersion: 2 }).where(eq(users.id, user.id));
    expect(await viewerMe(ref)).toBe("UNAUTHORIZED");
    expect(await sessionRow(ref.sessionId)).toMatchObject({ endedReason: "revoked" });
  });

  it("are dropped 90 days after they began", async () => {
    const user = await createUser(testDb.db);
    const old = await createSession(testDb.db, user, {
      createdAt: new Date(Date.now() - SESSION_RETENTION_MS - MINUTE),
    });
    const recent = await createSession(testDb.db, user, {
      createdAt: new Date(Date.now() - SESSION_RETENTION_MS + 60 * MINUTE),
    });
    await startSession(testDb.db, user.id, { userAgent: null, clientAddress: null });
    expect(await sessionRow(old.sessionId)).toBeUndefined();
    expect(await sessionRow(recent.sessionId)).toBeDefined();
  });

  it("go with their user", async () => {
    const user = await createUser(testDb.db);
    const ref = await createSession(testDb.db, user);
    await testDb.db.delete(users).where(eq(users.id, user.id));
    expect(await sessionRow(ref.sessionId)).toBeUndefined();
  });
});
