import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { TRPCClientError } from "@trpc/client";
import { createDb } from "@/db";
import type { RouterInputs } from "@/server/api/root";
import { BrowserSession } from "@/server/cli/bench/http";
import { type AppServer, startAppServer } from "@/server/cli/bench/server";
import { actualRollups, expectedRollups } from "@/server/testing/analytics";
import { DEMO_PASSWORD, E2E_STATE_FILE } from "./config";

// Two app instances behind one load balancer, on one database: the e2e build started twice
// more (ports 3111 and 3112) with one AUTH_SECRET, next to the suite's own server. Everything
// that must hold across instances lives in PostgreSQL (sessions, versions, idempotency keys,
// rollups); these checks would catch state kept in one process's memory.
test.describe.configure({ mode: "serial" });

const PORTS = [3111, 3112] as const;
const state = JSON.parse(readFileSync(E2E_STATE_FILE, "utf8")) as {
  databaseUrl: string;
  piiKey: string;
};
const connection = createDb(state.databaseUrl, { max: 2 });
const servers: AppServer[] = [];
let first: BrowserSession;
let second: BrowserSession;

// The HTTP status of a call: 200, or the one the server's error carries (server/api/trpc.ts).
async function statusOf(call: Promise<unknown>): Promise<number> {
  try {
    await call;
    return 200;
  } catch (error) {
    const status = error instanceof TRPCClientError ? error.data?.httpStatus : undefined;
    if (typeof status !== "number") throw error;
    return status;
  }
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const authSecret = randomBytes(32).toString("base64url");
  for (const port of PORTS) {
    servers.push(
      await startAppServer({
        port,
        databaseUrl: state.databaseUrl,
        piiKey: state.piiKey,
        authSecret,
        logName: `e2e-instance-${port}.log`,
        log: () => {},
      }),
    );
  }
  const [a, b] = servers as [AppServer, AppServer];
  first = new BrowserSession(a.baseUrl);
  await first.signIn("xa_caseworker", DEMO_PASSWORD);
  second = first.at(b.baseUrl);
});

test.afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await connection.client.end();
});

test("a session signed in on one instance is valid on the other", async () => {
  for (const session of [first, second]) {
    const me = await session.trpc.viewer.me.query();
    expect(me?.login).toBe("xa_caseworker");
  }
});

test("concurrent edits of one enquiry through both instances: one saves, one conflicts", async () => {
  const [row] = await connection.client<{ id: number }[]>`
    select e.id::int as id from enquiries e
    where e.region_code between '610100' and '610199' and e.status in ('open', 'in_progress')
    order by e.id limit 1`;
  if (!row) throw new Error("no open enquiry of 西安市 in the demo data");
  const detail = await first.trpc.enquiries.byId.query({ id: row.id });
  const step = (session: BrowserSession, note: string) =>
    session.trpc.enquiries.addStep.mutate({
      id: row.id,
      version: detail.enquiry.version,
      kind: "free_text",
      note,
    });
  const statuses = await Promise.all([
    statusOf(step(first, "实例一：电话联系参保人")),
    statusOf(step(second, "实例二：电话联系参保人")),
  ]);
  expect(statuses.sort()).toEqual([200, 409]);
  const [saved] = await connection.client<{ version: number; steps: number }[]>`
    select version, (select count(*)::int from resolution_steps s
      where s.enquiry_id = e.id and s.note like '实例%：电话联系参保人') as steps
    from enquiries e where id = ${row.id}`;
  expect(saved).toEqual({ version: detail.enquiry.version + 1, steps: 1 });
});

test("the same submission sent to both instances files one enquiry", async () => {
  const [member] = await connection.client<{ id: number }[]>`
    select id::int as id from members where region_code between '610100' and '610199' limit 1`;
  if (!member) throw new Error("no member of 西安市 in the demo data");
  const input: RouterInputs["enquiries"]["create"] = {
    idempotencyKey: randomUUID(),
    memberId: member.id,
    channel: "counter",
    symptom: "negative",
    reportedBalanceFen: -8_800,
    disputedAmountFen: 8_800,
    description: "双实例重复提交测试",
    causes: [{ cause: "resignation", subReason: null, isPrimary: true }],
  };
  const answers = await Promise.all(
    [first, second].map((session) => session.trpc.enquiries.create.mutate(input)),
  );
  expect(answers[0]?.id).toBe(answers[1]?.id);
  const [stored] = await connection.client<{ n: number }[]>`
    select count(*)::int as n from enquiries where idempotency_key = ${input.idempotencyKey}`;
  expect(stored?.n).toBe(1);
});

test("the analytics rollups stay exact after writes through both instances", async () => {
  // One snapshot for both sides, so writes of other tests in between cannot skew them.
  const [expected, actual] = await connection.db.transaction(
    async (tx) => [await expectedRollups(tx), await actualRollups(tx)] as const,
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  expect(actual).toEqual(expected);
});
