/**
 * The tRPC setup, in the order a request meets it:
 * 1. context — database, PII codec, session reference, a correlation id and the clock;
 * 2. initialisation — superjson and an error formatter that turns zod errors into field
 *    messages and hides internal details behind the correlation id;
 * 3. procedures — public, protected (signed in, actor re-read from the database) and one
 *    builder per role.
 */
import { randomUUID } from "node:crypto";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { Database } from "@/db";
import type { Role } from "@/db/constants";
import type { PiiCodec } from "@/db/pii";
import type { SessionRef } from "../auth/session-ref";
import { type Clock, systemClock } from "../clock";
import { getDb, getPii } from "../db";
import { loadActor } from "../domain/users";
import { DomainError, INVALID_DATA_MESSAGE, isDataError } from "../errors";
import { databaseUnavailable, isDatabaseUnavailable } from "./unavailable";

// 1. CONTEXT

export type TRPCContext = {
  db: Database;
  pii: PiiCodec;
  session: SessionRef | null;
  requestId: string;
  clock: Clock;
};

export function createTRPCContext(opts: {
  session: SessionRef | null;
  requestId?: string;
  db?: Database;
  pii?: PiiCodec;
  clock?: Clock;
}): TRPCContext {
  return {
    db: opts.db ?? getDb(),
    pii: opts.pii ?? getPii(),
    session: opts.session,
    requestId: opts.requestId ?? randomUUID(),
    clock: opts.clock ?? systemClock,
  };
}

// 2. INITIALISATION

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const requestId = ctx?.requestId ?? null;
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    const message = internal
      ? `系统繁忙，请稍后重试（错误编号：${requestId ?? "无"}）`
      : zodError
        ? `输入有误：${zodError.issues[0]?.message ?? "请检查填写内容"}`
        : shape.message;
    return {
      message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        requestId,
        fieldErrors: zodError ? z.flattenError(zodError).fieldErrors : null,
        field: error.cause instanceof DomainError ? (error.cause.field ?? null) : null,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

// 3. PROCEDURES

// Domain functions throw DomainError; this is the one place it becomes a transport error.
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  if (!result.ok && isDataError(result.error.cause)) {
    throw new TRPCError({ code: "BAD_REQUEST", message: INVALID_DATA_MESSAGE });
  }
  // An exhausted pool or a lost connection is temporary: 503 with a retry hint, never a 500.
  if (!result.ok && isDatabaseUnavailable(result.error.cause)) {
    throw databaseUnavailable(result.error.cause);
  }
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors);

// A password set by an administrator is known to two people; until its holder replaces it,
// the account can say who it is and change the password, nothing else.
const OPEN_BEFORE_PASSWORD_CHANGE = new Set(["viewer.me", "account.changePassword"]);

export const protectedProcedure = publicProcedure.use(async ({ ctx, next, path }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "请先登录" });
  const actor = await loadActor(ctx.db, ctx.session);
  if (!actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "登录已失效，请重新登录" });
  if (actor.mustChangePassword && !OPEN_BEFORE_PASSWORD_CHANGE.has(path)) {
    throw new TRPCError({ code: "FORBIDDEN", message: "请先修改初始密码" });
  }
  return next({ ctx: { ...ctx, actor } });
});

function roleProcedure(roles: readonly Role[]) {
  return protectedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.actor.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "当前账号无权执行此操作" });
    }
    return next();
  });
}

export const caseworkerProcedure = roleProcedure(["caseworker"]);
export const managerProcedure = roleProcedure(["manager", "admin"]);
// Decisions of the desk (派单): the manager's own, not the administrator's.
export const managerOnlyProcedure = roleProcedure(["manager"]);
export const adminProcedure = roleProcedure(["admin"]);
// Handling members' own records: caseworkers, and admins for corrections; managers read
// figures, not identities.
export const caseworkerOrAdminProcedure = roleProcedure(["caseworker", "admin"]);
