import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AppClient } from "@/server/cli/bench/http";
import { buildIdNumber } from "@/server/rules/id-number";
import { testPii } from "@/server/testing/callers";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createSignedInUser, type SignedInTestUser } from "@/server/testing/factories";
import { callOverHttp } from "@/server/testing/http";
import { createTRPCContext } from "./trpc";

// Requests that fail inside the server, carrying a recognisable ID number, phone and name:
// whatever the server logs must hold none of them, nor the SQL it ran (drizzle's error message
// quotes the statement and its parameters), only the error's class, SQLSTATE, constraint and
// the request id.

const ID_NUMBER = buildIdNumber("610113", "19870612", 731);
const PHONE = "13912345678";
const NAME = "欧阳泄露";
const EMPLOYER = "日志测试单位";

let testDb: TestDatabase;
let caseworker: SignedInTestUser;
let logged: string[] = [];

function call<T>(requestId: string, run: (trpc: AppClient) => Promise<T>) {
  return callOverHttp(
    async () =>
      createTRPCContext({ db: testDb.db, pii: testPii, session: caseworker.session, requestId }),
    run,
  );
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  caseworker = await createSignedInUser(testDb.db, { role: "caseworker", regionScope: "610100" });
  // A rule the schema does not know, so registering this member fails inside the database.
  await testDb.client.unsafe(
    `alter table members add constraint members_log_test_check check (employer_name <> '${EMPLOYER}')`,
  );
});
afterAll(() => testDb.drop());

beforeEach(() => {
  logged = [];
  const capture = (...args: unknown[]) => {
    logged.push(args.map((arg) => (typeof arg === "string" ? arg : String(arg))).join(" "));
  };
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation(capture);
  }
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, "write").mockImplementation((chunk: unknown) => {
      capture(chunk);
      return true;
    });
  }
});
afterEach(() => vi.restoreAllMocks());

describe("the server's logs", () => {
  it("never carry personal data or SQL from a failed request", async () => {
    const register = await call("req-register", (trpc) =>
      trpc.members.create.mutate({
        name: NAME,
        idNumber: ID_NUMBER,
        phone: PHONE,
        insuranceScheme: "employee",
        personCategory: "active",
        regionCode: "610113",
        employerName: EMPLOYER,
      }),
    );
    expect(register.error?.code).toBe("INTERNAL_SERVER_ERROR");

    const badMember = await call("req-bad-member", (trpc) =>
      trpc.enquiries.create.mutate({
        idempotencyKey: randomUUID(),
        memberId: 2_000_000_000,
        channel: "counter",
        symptom: "zero",
        reportedBalanceFen: 0,
        disputedAmountFen: null,
        description: `${NAME} ${PHONE} ${ID_NUMBER}`,
        causes: [],
      }),
    );
    expect(badMember.error?.code).toBe("NOT_FOUND");

    // Exact lookups and a name search that fail in the database: the column they read is gone.
    await testDb.client.unsafe("alter table members rename column name to name_gone");
    for (const term of [ID_NUMBER, PHONE]) {
      const lookup = await call(`req-search-${term.length}`, (trpc) =>
        trpc.members.lookup.mutate({ term }),
      );
      expect(lookup.error?.code).toBe("INTERNAL_SERVER_ERROR");
    }
    const search = await call(`req-search-${NAME.length}`, (trpc) =>
      trpc.members.search.query({ query: NAME }),
    );
    expect(search.error?.code).toBe("INTERNAL_SERVER_ERROR");
    await testDb.client.unsafe("alter table members rename column name_gone to name");

    const output = logged.join("\n");
    expect(output).toContain("req-register");
    expect(output).toContain("members_log_test_check");
    expect(output).toContain("23514");
    expect(output).toContain("req-search-11");
    for (const secret of [
      ID_NUMBER,
      ID_NUMBER.slice(0, 14),
      testPii.hash(ID_NUMBER),
      PHONE,
      testPii.hash(PHONE),
      NAME,
      EMPLOYER,
      caseworker.session.sessionId,
    ]) {
      expect(output).not.toContain(secret);
    }
    expect(output).not.toMatch(/select |insert into|\$1|params:/i);
  });
});
