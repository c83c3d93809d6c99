import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import type { Role } from "@/db/constants";
import { regions, userSessions, users } from "@/db/schema";
import { dummyPasswordHash, verifyPassword } from "../auth/password";
import type { SessionRef } from "../auth/session-ref";
import { notFound } from "../errors";
import { recordAudit } from "./audit";
import { isWithinScope } from "./region-scope";
import { staffInScope } from "./scoped-rows";
import { endSession, SESSION_TOUCH_INTERVAL_MS, sessionTimeout, touchSession } from "./sessions";

// Who is acting, as read from the database on every request: a role change, a new region
// scope or a disabled account takes effect on the caller's very next request.
export type Actor = {
  id: number;
  displayName: string;
  login: string;
  role: Role;
  regionScope: string | null;
  regionScopeName: string | null;
  // The password was set by an administrator; until the user picks their own, only the
  // password change is open to them.
  mustChangePassword: boolean;
};

// One indexed read per request: the session row (by its primary key) with its user. The
// session must be open, within its absolute and idle limits, and issued for the user's
// current session version; a session found unusable is ended, so it stays ended.
export async function loadActor(
  db: Database,
  session: SessionRef,
  now = new Date(),
): Promise<Actor | null> {
  const [row] = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      login: users.login,
      role: users.role,
      regionScope: users.regionScope,
      regionScopeName: regions.name,
      mustChangePassword: users.mustChangePassword,
      active: users.active,
      sessionVersion: users.sessionVersion,
      sessionCreatedAt: userSessions.createdAt,
      sessionLastSeenAt: userSessions.lastSeenAt,
      sessionEndedAt: userSessions.endedAt,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .leftJoin(regions, eq(regions.code, users.regionScope))
    .where(and(eq(userSessions.id, session.sessionId), eq(userSessions.userId, session.userId)));
  if (!row || row.sessionEndedAt) return null;
  const {
    active,
    sessionVersion,
    sessionCreatedAt,
    sessionLastSeenAt,
    sessionEndedAt: _ended,
    ...actor
  } = row;
  const timeout = sessionTimeout(
    { createdAt: sessionCreatedAt, lastSeenAt: sessionLastSeenAt },
    now,
  );
  const revoked = !active || sessionVersion !== session.sessionVersion;
  if (timeout || revoked) {
    await endSession(db, session.sessionId, timeout ?? "revoked", now);
    return null;
  }
  if (now.getTime() - sessionLastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS) {
    await touchSession(db, session.sessionId, now);
  }
  return actor;
}

export type SignedInUser = { id: number; displayName: string; sessionVersion: number };

// What the audit keeps of a typed login: the account's own login when there is one, otherwise
// only that it was not one — people type passwords into the login field too.
export async function typedLoginForAudit(
  db: Database,
  typed: string,
): Promise<{ entityId: number | null; after: { login: string } | { loginKnown: false } }> {
  const [user] = await db
    .select({ id: users.id, login: users.login })
    .from(users)
    .where(eq(sql`lower(${users.login})`, typed.trim().toLowerCase()));
  return user
    ? { entityId: user.id, after: { login: user.login } }
    : { entityId: null, after: { loginKnown: false } };
}

// One answer (null) for an unknown login, a wrong password and a disabled account, so the
// sign-in page cannot be used to find out which logins exist.
export async function verifyCredentials(
  db: Database,
  input: { login: string; password: string },
  requestId?: string,
): Promise<SignedInUser | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.login})`, input.login.trim().toLowerCase()));
  const passwordOk = await verifyPassword(
    user?.passwordHash ?? (await dummyPasswordHash()),
    input.password,
  );
  const ok = Boolean(user && passwordOk && user.active);
  await recordAudit(
    db,
    { actorId: user?.id ?? null, requestId },
    {
      action: ok ? "user.sign_in" : "user.sign_in_failed",
      entity: "user",
      entityId: user?.id ?? null,
      // What was typed is kept only when it is a login: people type passwords there too.
      after: ok ? null : user ? { login: user.login } : { loginKnown: false },
    },
  );
  if (!ok || !user) return null;
  return { id: user.id, displayName: user.displayName, sessionVersion: user.sessionVersion };
}

// Caseworkers who may take enquiries of a region (active, scoped to cover it), or without a
// region every caseworker inside the actor's scope. A region outside the actor's scope does
// not exist for them, as for rows (server/domain/scoped-rows.ts).
export async function listAssignees(db: Database, actor: Actor, regionCode?: string | null) {
  if (regionCode && !isWithinScope(regionCode, actor.regionScope)) throw notFound("地区");
  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      regionScope: users.regionScope,
      regionScopeName: regions.name,
    })
    .from(users)
    .leftJoin(regions, eq(regions.code, users.regionScope))
    .where(
      and(eq(users.role, "caseworker"), eq(users.active, true), staffInScope(actor.regionScope)),
    )
    .orderBy(users.displayName);
  return rows.filter((row) => !regionCode || isWithinScope(regionCode, row.regionScope));
}
