import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/db";
import { createPiiCodec } from "@/db/pii";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createUser } from "@/server/testing/factories";
import { startSession } from "../domain/sessions";
import { checkDatabase } from "../health";
import { callOverHttp } from "../testing/http";
import { createTRPCContext } from "./trpc";
import { BUSY_MESSAGE, RETRY_AFTER_SECONDS } from "./unavailable";

// A pool of two connections, both held by slow statements: the next request must be refused
// within the acquire timeout (503, Chinese message, Retry-After), readiness must say so, and
// once the statements end the same request must succeed again.
const ACQUIRE_TIMEOUT_MS = 800;
const pii = createPiiCodec(process.env.PII_KEY as string);

let testDb: TestDatabase;
let app: ReturnType<typeof createDb>;
let session: { userId: number; sessionVersion: number; sessionId: string };

const context = async () =>
  createTRPCContext({ db: app.db, pii, session, requestId: randomUUID() });
const listPage = () => callOverHttp(context, (trpc) => trpc.enquiries.list.query({ limit: 5 }));

beforeAll(async () => {
  testDb = await createTestDatabase();
  const user = await createUser(testDb.db, { role: "caseworker", regionScope: "610100" });
  const sessionId = await startSession(testDb.db, user.id, {
    userAgent: "pool test",
    clientAddress: null,
  });
  session = { userId: user.id, sessionVersion: user.sessionVersion, sessionId };
  app = createDb(testDb.url, { max: 2, acquireTimeoutMs: ACQUIRE_TIMEOUT_MS });
});
afterAll(async () => {
  await app?.client.end();
  await testDb?.drop();
});

describe("an exhausted pool", () => {
  it("answers 503 within the acquire timeout, then recovers", async () => {
    expect((await listPage()).status).toBe(200);
    expect(await checkDatabase(app)).toMatchObject({ ok: true });

    const held = Promise.all([app.client`select pg_sleep(3)`, app.client`select pg_sleep(3)`]);
    await expect.poll(() => app.gate?.inUse).toBe(2);

    const started = performance.now();
    const refused = await listPage();
    const waited = performance.now() - started;
    expect(refused.status).toBe(503);
    expect(refused.retryAfter).toBe(String(RETRY_AFTER_SECONDS));
    expect(refused.error).toEqual({ message: BUSY_MESSAGE, code: "SERVICE_UNAVAILABLE" });
    expect(waited).toBeGreaterThanOrEqual(ACQUIRE_TIMEOUT_MS - 20);
    expect(waited).toBeLessThan(ACQUIRE_TIMEOUT_MS + 600);

    // A write is refused the same way, before it starts its transaction.
    const write = callOverHttp(context, (trpc) =>
      trpc.enquiries.create.mutate({
        idempotencyKey: randomUUID(),
        memberId: 1,
        channel: "counter",
        symptom: "negative",
        reportedBalanceFen: null,
        disputedAmountFen: null,
        description: "连接池耗尽时提交",
        causes: [{ cause: "resignation", subReason: null, isPrimary: true }],
      }),
    );
    // Once that request has waited a while for a connection, readiness says busy at once.
    await expect.poll(() => app.gate?.oldestWaitMs ?? 0).toBeGreaterThanOrEqual(250);
    const readiness = performance.now();
    expect(await checkDatabase(app)).toEqual({ ok: false, reason: "busy" });
    expect(performance.now() - readiness).toBeLessThan(50);
    expect((await write).status).toBe(503);

    await held;
    const again = await listPage();
    expect(again.status).toBe(200);
    expect(again.retryAfter).toBeNull();
    expect(await checkDatabase(app)).toMatchObject({ ok: true });
  });
});

describe("a reserved connection", () => {
  it("counts against the pool until it is released", async () => {
    const reserved = await app.client.reserve();
    expect(app.gate?.inUse).toBe(1);
    await reserved`select 1`;
    reserved.release();
    expect(app.gate?.inUse).toBe(0);
  });
});
