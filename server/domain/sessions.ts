import { randomBytes } from "node:crypto";
import { and, eq, isNull, lt } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import type { SessionEndReason } from "@/db/constants";
import { userSessions } from "@/db/schema";
import { recordAudit } from "./audit";

// Server-side sessions. The cookie's signature proves who issued it; the row says whether it
// may still be used: a session ends at sign-out, after 30 minutes without a request, and 12
// hours after sign-in whatever happens (a shared counter PC is the case in point).
export const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 30 * 60 * 1000;
// last_seen_at is rewritten at most this often, so most requests only read.
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;
// Ended and expired rows are kept this long (who was signed in from where), then dropped.
export const SESSION_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;

export type SessionClient = { userAgent: string | null; clientAddress: string | null };

export async function startSession(
  db: Executor,
  userId: number,
  client: SessionClient,
  now = new Date(),
): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db
    .delete(userSessions)
    .where(lt(userSessions.createdAt, new Date(now.getTime() - SESSION_RETENTION_MS)));
  await db.insert(userSessions).values({
    id,
    userId,
    createdAt: now,
    lastSeenAt: now,
    userAgent: client.userAgent?.slice(0, 256) ?? null,
    clientAddress: client.clientAddress?.slice(0, 64) ?? null,
  });
  return id;
}

// Why a still-open session can no longer be used at `now`, or null while it can.
export function sessionTimeout(
  session: { createdAt: Date; lastSeenAt: Date },
  now: Date,
): SessionEndReason | null {
  if (now.getTime() - session.createdAt.getTime() >= SESSION_MAX_AGE_MS) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_IDLE_MS) return "idle";
  return null;
}

// Ends an open session; ending one twice keeps the first time and reason.
export async function endSession(
  db: Executor,
  sessionId: string,
  reason: SessionEndReason,
  now = new Date(),
): Promise<boolean> {
  const ended = await db
    .update(userSessions)
    .set({ endedAt: now, endedReason: reason })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.endedAt)))
    .returning({ id: userSessions.id });
  return ended.length > 0;
}

// Sign-out, by whichever path (the user menu, Auth.js's own endpoint): the session named by a
// signed cookie ends, audited once. The user id must match the row, so a cookie can only end
// its own session; a session already ended is left as it was and not audited again.
export async function endSessionAtSignOut(
  db: Database,
  ref: { userId: number; sessionId: string },
  requestId?: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const ended = await tx
      .update(userSessions)
      .set({ endedAt: new Date(), endedReason: "sign_out" })
      .where(
        and(
          eq(userSessions.id, ref.sessionId),
          eq(userSessions.userId, ref.userId),
          isNull(userSessions.endedAt),
        ),
      )
      .returning({ id: userSessions.id });
    if (ended.length === 0) return false;
    await recordAudit(
      tx,
      { actorId: ref.userId, requestId },
      { action: "user.sign_out", entity: "user", entityId: ref.userId },
    );
    return true;
  });
}

// The condition on last_seen_at keeps concurrent requests of one page from all writing.
export async function touchSession(db: Executor, sessionId: string, now: Date): Promise<void> {
  await db
    .update(userSessions)
    .set({ lastSeenAt: now })
    .where(
      and(
        eq(userSessions.id, sessionId),
        isNull(userSessions.endedAt),
        lt(userSessions.lastSeenAt, new Date(now.getTime() - SESSION_TOUCH_INTERVAL_MS)),
      ),
    );
}
