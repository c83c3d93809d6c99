import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb } from "@/db";
import { createPiiCodec } from "@/db/pii";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createMember, createUser } from "@/server/testing/factories";
import { adminClient } from "@/server/testing/urls";
import { startSession } from "../domain/sessions";
import type { CreateEnquiryInput } from "../schemas/enquiries";
import { actualRollups, expectedRollups } from "../testing/analytics";
import { callOverHttp } from "../testing/http";
import { createTRPCContext } from "./trpc";
import { BUSY_MESSAGE } from "./unavailable";

// PostgreSQL restarts, fails over or has its backends terminated by an operator: every
// connection of the pool dies, some of them mid-transaction. Under a steady load of enquiry
// creations over HTTP, a write either succeeds (and is then in the database) or gets a clear
// 503; the pool reconnects by itself; and retrying the failed writes with their idempotency
// keys never files an enquiry twice, even when the lost answer was for a committed write.
const WRITERS = 6;
const TERMINATIONS = 4;
const MIN_ACKNOWLEDGED = 10;
const DEADLINE_MS = 60_000;
const POOL_MAX = 4;
const pii = createPiiCodec(process.env.PII_KEY as string);

let testDb: TestDatabase;
let app: ReturnType<typeof createDb>;
let admin: ReturnType<typeof adminClient>;
let session: { userId: number; sessionVersion: number; sessionId: string };
let memberId: number;

const context = async () =>
  createTRPCContext({ db: app.db, pii, session, requestId: randomUUID() });

const input = (idempotencyKey: string): CreateEnquiryInput => ({
  idempotencyKey,
  memberId,
  channel: "hotline_12393",
  symptom: "sudden_drop",
  reportedBalanceFen: 12_000,
  disputedAmountFen: 3_000,
  description: "数据库重启期间提交的咨询",
  causes: [{ cause: "system_delay", subReason: null, isPrimary: true }],
});

type Attempt = { key: string; status: number; id: number | null; message: string | null };

async function create(key: string): Promise<Attempt> {
  const answer = await callOverHttp(context, (trpc) => trpc.enquiries.create.mutate(input(key)));
  return {
    key,
    status: answer.status,
    id: answer.data?.id ?? null,
    message: answer.error?.message ?? null,
  };
}

async function terminateAll(database: string): Promise<number> {
  const rows = await admin`
    select pg_terminate_backend(pid) as done from pg_stat_activity
    where datname = ${database} and pid <> pg_backend_pid()`;
  return rows.length;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  admin = adminClient(inject("testServerUrl"));
  const user = await createUser(testDb.db, { role: "caseworker", regionScope: "610100" });
  memberId = (await createMember(testDb.db, pii, { regionCode: "610102" })).id;
  const sessionId = await startSession(testDb.db, user.id, {
    userAgent: "recovery test",
    clientAddress: null,
  });
  session = { userId: user.id, sessionVersion: user.sessionVersion, sessionId };
  app = createDb(testDb.url, { max: POOL_MAX, acquireTimeoutMs: 2000 });
});
afterAll(async () => {
  await app?.client.end();
  await admin?.end();
  await testDb?.drop();
});

describe("all connections terminated under a write load", () => {
  it("loses no acknowledged write and recovers without a restart", async () => {
    const database = new URL(testDb.url).pathname.slice(1);
    const attempts: Attempt[] = [];
    let running = true;
    const writer = async () => {
      while (running) attempts.push(await create(randomUUID()));
    };
    const writers = Array.from({ length: WRITERS }, writer);

    // Rounds of termination driven by progress, not by the clock, so a slow machine runs the
    // same test: before each round the writers must have got writes through again (the pool
    // reconnected); rounds go on until every round is done and at least one write was caught,
    // then the load runs until enough writes were acknowledged. The deadline only turns a pool
    // that never recovers into a failure instead of a hang.
    const acknowledgedSoFar = () => attempts.filter((a) => a.status === 200).length;
    const caughtSoFar = () => attempts.some((a) => a.status !== 200);
    const started = performance.now();
    const beforeDeadline = () => performance.now() - started < DEADLINE_MS;
    let terminated = 0;
    let rounds = 0;
    while (
      beforeDeadline() &&
      (rounds < TERMINATIONS || !caughtSoFar() || acknowledgedSoFar() <= MIN_ACKNOWLEDGED)
    ) {
      const progress = acknowledgedSoFar() + WRITERS / 2;
      while (beforeDeadline() && acknowledgedSoFar() < progress) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      if (rounds < TERMINATIONS || !caughtSoFar()) {
        terminated += await terminateAll(database);
        rounds += 1;
      }
    }
    running = false;
    await Promise.all(writers);

    expect(terminated).toBeGreaterThanOrEqual(TERMINATIONS);
    const acknowledged = attempts.filter((a) => a.status === 200);
    const failed = attempts.filter((a) => a.status !== 200);
    expect(acknowledged.length).toBeGreaterThan(MIN_ACKNOWLEDGED);
    expect(failed.length).toBeGreaterThan(0);
    // Failures are a clear 503 with the Chinese message, never a 500 or the SQL behind it.
    for (const attempt of failed) {
      expect({ status: attempt.status, message: attempt.message }).toEqual({
        status: 503,
        message: BUSY_MESSAGE,
      });
    }

    // Every acknowledged write is stored, under the id the caller was given.
    const ids = acknowledged.map((a) => a.id as number);
    const stored = await testDb.client<{ id: number; key: string }[]>`
      select id::int as id, idempotency_key as key from enquiries where id = any(${ids})`;
    expect(new Map(stored.map((r) => [r.id, r.key]))).toEqual(
      new Map(acknowledged.map((a) => [a.id, a.key])),
    );

    // The pool reconnected: the failed writes go through when retried with the same key, and
    // each key ends up as exactly one enquiry (a write committed before its answer was lost is
    // returned, not repeated).
    for (const attempt of failed) {
      const retry = await create(attempt.key);
      expect(retry.status).toBe(200);
    }
    const [counts] = await testDb.client<{ rows: number; keys: number }[]>`
      select count(*)::int as rows, count(distinct idempotency_key)::int as keys
      from enquiries where created_by = ${session.userId}`;
    expect(counts).toEqual({ rows: attempts.length, keys: attempts.length });

    // No connection was left stuck behind a lost one: as many statements as the pool has
    // connections run at once, each on a backend of its own, and requests are served.
    // An idle connection killed in the last round learns of it on its next statement, so the
    // check is repeated until every connection has been through one (at most once each).
    let backends: number[] = [];
    for (let attempt = 0; attempt <= POOL_MAX && backends.length === 0; attempt += 1) {
      const answers = await Promise.allSettled(
        Array.from(
          { length: POOL_MAX },
          () => app.client<{ pid: number }[]>`select pg_backend_pid() as pid, pg_sleep(0.2)`,
        ),
      );
      if (answers.every((answer) => answer.status === "fulfilled")) {
        backends = answers.map((answer) => answer.value[0]?.pid ?? 0);
      }
    }
    expect(new Set(backends).size).toBe(POOL_MAX);
    const pages = await Promise.all(
      Array.from({ length: 8 }, () =>
        callOverHttp(context, (trpc) => trpc.enquiries.list.query({ limit: 5 })),
      ),
    );
    expect(pages.map((p) => p.status)).toEqual(Array(8).fill(200));
    // Nor is a statement of an abandoned transaction still waiting: the pool closes at once
    // (end() waits for pending statements, up to the timeout, before it forces them).
    const closing = performance.now();
    await app.client.end({ timeout: 5 });
    expect(performance.now() - closing).toBeLessThan(4000);

    const [expected, actual] = await Promise.all([
      expectedRollups(testDb.db),
      actualRollups(testDb.db),
    ]);
    expect(actual).toEqual(expected);
  }, 120_000);
});
