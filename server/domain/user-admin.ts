import { and, asc, count, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { ROLE_LABELS, type Role } from "@/db/constants";
import { regions, users } from "@/db/schema";
import { hashPassword } from "../auth/password";
import { badRequest } from "../errors";
import { passwordLoginProblem } from "../schemas/auth";
import {
  type CreateUserData,
  DUPLICATE_LOGIN_MESSAGE,
  type ListUsersInput,
  listUsersInput,
  type UpdateUserInput,
} from "../schemas/users";
import { type AuditContext, recordAudit } from "./audit";
import { isWithinScope } from "./region-scope";
import { findRegion } from "./regions";
import { loadUserInScope, staffManagedBy } from "./scoped-rows";
import { escapeLike } from "./sql";
import type { Actor } from "./users";

// Account administration (系统管理 → 用户管理). Every change that alters what an open session
// may do (role, region scope, disabling, a new password) bumps session_version, so that
// session ends on its next request. A display name alone does not: it is re-read on every
// request anyway. Audit rows hold the changed fields only, in words, and never a password.

type Audit = Omit<AuditContext, "actorId">;

const listed = {
  id: users.id,
  login: users.login,
  displayName: users.displayName,
  role: users.role,
  regionScope: users.regionScope,
  regionScopeName: regions.name,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

export async function listUsers(db: Database, actor: Actor, rawInput: ListUsersInput) {
  const input = listUsersInput.parse(rawInput);
  const where: SQL[] = [staffManagedBy(actor.regionScope)];
  if (input.role) where.push(eq(users.role, input.role));
  if (input.status) where.push(eq(users.active, input.status === "active"));
  if (input.q) {
    const pattern = `%${escapeLike(input.q)}%`;
    where.push(or(ilike(users.login, pattern), ilike(users.displayName, pattern)) as SQL);
  }
  const condition = and(...where);
  const [items, [total]] = await Promise.all([
    db
      .select(listed)
      .from(users)
      .leftJoin(regions, eq(regions.code, users.regionScope))
      .where(condition)
      .orderBy(asc(users.login))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(users).where(condition),
  ]);
  return { items, total: total?.n ?? 0 };
}

export type UserRow = Awaited<ReturnType<typeof listUsers>>["items"][number];

// Every account the administrator manages, for pickers such as the audit log's 操作人 filter.
export function userOptions(db: Database, actor: Actor) {
  return db
    .select({ id: users.id, login: users.login, displayName: users.displayName })
    .from(users)
    .where(staffManagedBy(actor.regionScope))
    .orderBy(asc(users.login));
}

async function scopeLabel(db: Executor, code: string | null): Promise<string> {
  if (!code) return "全辖区";
  return (await findRegion(db, code))?.name ?? code;
}

// A new scope is a province or a city; districts are too small for a caseworker's desk. It lies
// within the administrator's own scope: nobody grants a reach they do not have.
async function checkedScopeLabel(
  db: Executor,
  actor: Pick<Actor, "regionScope"> | null,
  code: string | null,
): Promise<string> {
  const granted = actor?.regionScope ?? null;
  if (granted && (!code || !isWithinScope(code, granted))) {
    throw badRequest("只能授予本人管辖地区以内的地区", "regionScope");
  }
  if (!code) return "全辖区";
  const region = await findRegion(db, code);
  if (!region || region.level === "district") {
    throw badRequest("管辖地区须为省或地市", "regionScope");
  }
  return region.name;
}

const lockUser = (db: Executor, actor: Actor, id: number) =>
  loadUserInScope(db, actor, id, { lock: true, manage: true });

const bumpSession = { sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` };

// `actor` is null for the first administrator, created with `npm run user:create`.
export async function createUser(
  db: Database,
  actor: Pick<Actor, "id" | "regionScope"> | null,
  input: CreateUserData,
  audit: Audit = {},
): Promise<{ id: number; login: string }> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const region = await checkedScopeLabel(tx, actor, input.regionScope);
    const [created] = await tx
      .insert(users)
      .values({
        login: input.login,
        displayName: input.displayName,
        role: input.role,
        regionScope: input.regionScope,
        passwordHash,
        mustChangePassword: true,
      })
      // The unique index is on lower(login); a concurrent create of the same login lands here.
      .onConflictDoNothing()
      .returning({ id: users.id, login: users.login });
    if (!created) throw badRequest(DUPLICATE_LOGIN_MESSAGE, "login");
    await recordAudit(
      tx,
      { ...audit, actorId: actor?.id ?? null },
      {
        action: "user.create",
        entity: "user",
        entityId: created.id,
        after: {
          login: input.login,
          displayName: input.displayName,
          role: ROLE_LABELS[input.role],
          regionScope: region,
        },
      },
    );
    return created;
  });
}

export async function updateUser(
  db: Database,
  actor: Actor,
  input: UpdateUserInput,
  audit: Audit = {},
): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    const row = await lockUser(tx, actor, input.id);
    const roleChanged = row.role !== input.role;
    const scopeChanged = row.regionScope !== input.regionScope;
    if (row.id === actor.id && roleChanged) {
      throw badRequest("不能修改自己的角色，请由其他系统管理员操作", "role");
    }
    if (row.id === actor.id && scopeChanged) {
      throw badRequest("不能修改自己的管辖地区，请由其他系统管理员操作", "regionScope");
    }
    const before: Record<string, string> = {};
    const after: Record<string, string> = {};
    if (row.displayName !== input.displayName) {
      before.displayName = row.displayName;
      after.displayName = input.displayName;
    }
    if (roleChanged) {
      before.role = ROLE_LABELS[row.role as Role];
      after.role = ROLE_LABELS[input.role];
    }
    if (scopeChanged) {
      before.regionScope = await scopeLabel(tx, row.regionScope);
      after.regionScope = await checkedScopeLabel(tx, actor, input.regionScope);
    }
    if (Object.keys(after).length === 0) return { changed: false };

    await tx
      .update(users)
      .set({
        displayName: input.displayName,
        role: input.role,
        regionScope: input.regionScope,
        ...(roleChanged || scopeChanged ? bumpSession : { updatedAt: sql`now()` }),
      })
      .where(eq(users.id, row.id));
    await recordAudit(
      tx,
      { ...audit, actorId: actor.id },
      {
        action: roleChanged ? "user.role_change" : "user.update",
        entity: "user",
        entityId: row.id,
        before,
        after,
      },
    );
    return { changed: true };
  });
}

const STATUS_LABEL = (active: boolean) => (active ? "启用" : "停用");

export async function setUserActive(
  db: Database,
  actor: Actor,
  input: { id: number; active: boolean },
  audit: Audit = {},
): Promise<{ changed: boolean }> {
  if (input.id === actor.id && !input.active) {
    throw badRequest("不能停用自己的账号，请由其他系统管理员操作");
  }
  return db.transaction(async (tx) => {
    const row = await lockUser(tx, actor, input.id);
    if (row.active === input.active) return { changed: false };
    await tx
      .update(users)
      .set({ active: input.active, ...bumpSession })
      .where(eq(users.id, row.id));
    await recordAudit(
      tx,
      { ...audit, actorId: actor.id },
      {
        action: input.active ? "user.enable" : "user.disable",
        entity: "user",
        entityId: row.id,
        before: { status: STATUS_LABEL(row.active) },
        after: { status: STATUS_LABEL(input.active) },
      },
    );
    return { changed: true };
  });
}

// The administrator chooses a temporary password and tells the user out of band; the user
// must replace it at the next sign-in.
export async function resetPassword(
  db: Database,
  actor: Actor,
  input: { id: number; password: string },
  audit: Audit = {},
): Promise<void> {
  if (input.id === actor.id) {
    throw badRequest("请在「修改密码」页面修改自己的密码", "password");
  }
  const target = await loadUserInScope(db, actor, input.id, { manage: true });
  const problem = passwordLoginProblem(input.password, target.login);
  if (problem) throw badRequest(problem, "password");
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const row = await lockUser(tx, actor, input.id);
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, ...bumpSession })
      .where(eq(users.id, row.id));
    await recordAudit(
      tx,
      { ...audit, actorId: actor.id },
      {
        action: "user.reset_password",
        entity: "user",
        entityId: row.id,
        after: { password: "已重置为临时密码，下次登录须修改" },
      },
    );
  });
}
