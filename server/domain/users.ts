import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import type { Role } from "@/db/constants";
import { regions, users } from "@/db/schema";
import { dummyPasswordHash, verifyPassword } from "../auth/password";
import { recordAudit } from "./audit";
import { isWithinScope } from "./region-scope";

// Who is acting, as read from the database on every request: a role change, a new region
// scope or a disabled account takes effect on the caller's very next request.
export type Actor = {
  id: number;
  displayName: string;
  login: string;
  role: Role;
  regionScope: string | null;
  regionScopeName: string | null;
};

export async function loadActor(
  db: Database,
  userId: number,
  sessionVersion: number,
): Promise<Actor | null> {
  const [row] = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      login: users.login,
      role: users.role,
      regionScope: users.regionScope,
      regionScopeName: regions.name,
      active: users.active,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .leftJoin(regions, eq(regions.code, users.regionScope))
    .where(eq(users.id, userId));
  if (!row?.active || row.sessionVersion !== sessionVersion) return null;
  const { active: _active, sessionVersion: _version, ...actor } = row;
  return actor;
}

export type SignedInUser = { id: number; displayName: string; sessionVersion: number };

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
      after: ok ? null : { login: input.login.slice(0, 64) },
    },
  );
  if (!ok || !user) return null;
  return { id: user.id, displayName: user.displayName, sessionVersion: user.sessionVersion };
}

// Caseworkers who may take enquiries of a region: active, and scoped to cover it.
export async function listAssignees(db: Database, regionCode: string | null) {
  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      regionScope: users.regionScope,
      regionScopeName: regions.name,
    })
    .from(users)
    .leftJoin(regions, eq(regions.code, users.regionScope))
    .where(sql`${users.role} = 'caseworker' and ${users.active}`)
    .orderBy(users.displayName);
  return rows.filter((row) => !regionCode || isWithinScope(regionCode, row.regionScope));
}
