import { TRPCError } from "@trpc/server";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createPiiCodec } from "@/db/pii";
import { users } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createSession, createUser } from "@/server/testing/factories";
import { hashPassword } from "../auth/password";
import type { SessionRef } from "../auth/session-ref";
import { verifyCredentials } from "../domain/users";
import {
  adminProcedure,
  caseworkerProcedure,
  createCallerFactory,
  createTRPCContext,
  createTRPCRouter,
  managerProcedure,
  protectedProcedure,
  publicProcedure,
} from "./trpc";

let testDb: TestDatabase;
const pii = createPiiCodec(process.env.PII_KEY as string);

const probeRouter = createTRPCRouter({
  open: publicProcedure.query(() => "ok"),
  signedIn: protectedProcedure.query(({ ctx }) => ctx.actor.role),
  caseworker: caseworkerProcedure.query(() => "ok"),
  manager: managerProcedure.query(() => "ok"),
  admin: adminProcedure.query(() => "ok"),
  crash: publicProcedure.query(() => {
    throw new Error('relation "secret_table" does not exist');
  }),
  // A value PostgreSQL refuses as data (SQLSTATE class 22), the kind no schema foresaw.
  badData: publicProcedure.query(({ ctx }) =>
    ctx.db.execute(sql`select ${"12345678901234567890"}::int as value`),
  ),
  validated: publicProcedure
    .input(z.strictObject({ amount: z.number().int("金额必须是整数") }))
    .query(({ input }) => input.amount),
});
const createProbeCaller = createCallerFactory(probeRouter);

function callerFor(session: SessionRef | null) {
  return createProbeCaller(
    createTRPCContext({ db: testDb.db, pii, session, requestId: "req-test-1" }),
  );
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : "UNKNOWN";
  }
}

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.drop());

describe("role builders", () => {
  it("reject signed-out callers with UNAUTHORIZED and wrong roles with FORBIDDEN", async () => {
    const expected = {
      anonymous: {
        signedIn: "UNAUTHORIZED",
        caseworker: "UNAUTHORIZED",
        manager: "UNAUTHORIZED",
        admin: "UNAUTHORIZED",
      },
      caseworker: { signedIn: "OK", caseworker: "OK", manager: "FORBIDDEN", admin: "FORBIDDEN" },
      manager: { signedIn: "OK", caseworker: "FORBIDDEN", manager: "OK", admin: "FORBIDDEN" },
      admin: { signedIn: "OK", caseworker: "FORBIDDEN", manager: "OK", admin: "OK" },
    } as const;
    for (const [who, row] of Object.entries(expected)) {
      const session =
        who === "anonymous"
          ? null
          : await createSession(
              testDb.db,
              await createUser(testDb.db, { role: who as "caseworker" | "manager" | "admin" }),
            );
      const caller = callerFor(session);
      expect(await codeOf(caller.open())).toBe("OK");
      for (const [procedure, code] of Object.entries(row)) {
        const result = await codeOf(caller[procedure as keyof typeof row]());
        expect(`${who}.${procedure}=${result}`).toBe(`${who}.${procedure}=${code}`);
      }
    }
  });

  it("reject a disabled user and a stale session version on the next call", async () => {
    const user = await createUser(testDb.db, { role: "manager" });
    const caller = callerFor(await createSession(testDb.db, user));
    expect(await caller.signedIn()).toBe("manager");

    await testDb.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(await codeOf(caller.signedIn())).toBe("UNAUTHORIZED");

    const older = callerFor(await createSession(testDb.db, user));
    await testDb.db
      .update(users)
      .set({ active: true, sessionVersion: 2 })
      .where(eq(users.id, user.id));
    expect(await codeOf(caller.signedIn())).toBe("UNAUTHORIZED");
    expect(await codeOf(older.signedIn())).toBe("UNAUTHORIZED");
    const current = await createSession(testDb.db, { id: user.id, sessionVersion: 2 });
    expect(await callerFor(current).signedIn()).toBe("manager");
  });

  it("read a role change on the next call", async () => {
    const user = await createUser(testDb.db, { role: "caseworker" });
    const caller = callerFor(await createSession(testDb.db, user));
    expect(await codeOf(caller.manager())).toBe("FORBIDDEN");
    await testDb.db.update(users).set({ role: "manager" }).where(eq(users.id, user.id));
    expect(await codeOf(caller.manager())).toBe("OK");
  });
});

describe("error formatting", () => {
  it("hides internal messages behind the correlation id", async () => {
    const response = await probeRouter
      .createCaller(createTRPCContext({ db: testDb.db, pii, session: null, requestId: "req-42" }))
      .crash()
      .catch((error: TRPCError) => error);
    expect(response).toBeInstanceOf(TRPCError);
    // The caller sees the raw error; the formatter (used over HTTP) is checked below.
    const { getErrorShape } = await import("@trpc/server/unstable-core-do-not-import");
    const shape = getErrorShape({
      config: probeRouter._def._config,
      error: response as TRPCError,
      type: "query",
      path: "crash",
      input: undefined,
      ctx: { requestId: "req-42" } as never,
    });
    expect(shape.message).toContain("req-42");
    expect(JSON.stringify(shape)).not.toContain("secret_table");
    expect(JSON.stringify(shape)).not.toContain("stack");
  });

  it("turns PostgreSQL data errors into BAD_REQUEST with a Chinese message, no value", async () => {
    const error = await callerFor(null)
      .badData()
      .catch((e: TRPCError) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toBe("输入内容无法处理，请检查后重试");
    expect((error as TRPCError).message).not.toContain("1234567890");
  });

  it("turns zod errors into BAD_REQUEST with field messages", async () => {
    const error = await callerFor(null)
      .validated({ amount: 1.5 })
      .catch((e: TRPCError) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect(await codeOf(callerFor(null).validated({ amount: 1, extra: true } as never))).toBe(
      "BAD_REQUEST",
    );
  });
});

describe("sign-in", () => {
  it("accepts the right password and rejects a wrong one, an unknown login and a disabled account alike", async () => {
    const passwordHash = await hashPassword("correct-horse-battery");
    const user = await createUser(testDb.db, { login: "Signin_Test", passwordHash });
    const ok = await verifyCredentials(testDb.db, {
      login: "signin_test",
      password: "correct-horse-battery",
    });
    expect(ok).toMatchObject({ id: user.id, sessionVersion: 1 });
    expect(
      await verifyCredentials(testDb.db, { login: "signin_test", password: "wrong" }),
    ).toBeNull();
    expect(await verifyCredentials(testDb.db, { login: "nobody", password: "wrong" })).toBeNull();
    await testDb.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(
      await verifyCredentials(testDb.db, {
        login: "signin_test",
        password: "correct-horse-battery",
      }),
    ).toBeNull();

    const audit = await testDb.client<{ action: string; after: unknown }[]>`
      select action, after from audit_events where entity = 'user' order by id`;
    expect(audit.map((a) => a.action)).toEqual([
      "user.sign_in",
      "user.sign_in_failed",
      "user.sign_in_failed",
      "user.sign_in_failed",
    ]);
    expect(JSON.stringify(audit)).not.toContain("correct-horse-battery");
  });
});
