import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { AppClient } from "@/server/cli/bench/http";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import {
  createMember,
  createSignedInUser,
  type SignedInTestUser,
} from "@/server/testing/factories";
import { lookupMember } from "../../domain/member-lookup";
import { loadActor } from "../../domain/users";
import {
  EXACT_LOOKUP_IN_SEARCH_MESSAGE,
  EXACT_LOOKUP_LIMIT_MESSAGE,
  MANAGER_NAME_ONLY_MESSAGE,
} from "../../schemas/member-query";
import { callerWith, errorOf, failureOf, testPii as pii } from "../../testing/callers";
import { callOverHttp } from "../../testing/http";
import { createTRPCContext } from "../trpc";

const XIAN = "610100";
const LESHAN = "511100";

let testDb: TestDatabase;
let xianCaseworker: SignedInTestUser;
let manager: SignedInTestUser;
let admin: SignedInTestUser;
let member: Awaited<ReturnType<typeof createMember>>;
let leshanMember: Awaited<ReturnType<typeof createMember>>;

const callerAs = (user: SignedInTestUser, requestId = "req-lookup") =>
  callerWith(testDb.db, user.session, requestId);

type LookupAudit = { action: string; actor_id: number; entity_id: string | null; after: unknown };
const lookupAudit = (actorId: number) =>
  testDb.client<LookupAudit[]>`
    select action, actor_id::int as actor_id, entity_id, after from audit_events
    where action like 'member.lookup%' and actor_id = ${actorId} order by id`;

// A valid ID number that nobody holds, one per call, as an attacker's guesses would be.
let guesses = 0;
const unknownIdNumber = () => {
  guesses += 1;
  return `${member.idNumber.slice(0, 14)}${String(guesses).padStart(3, "0")}X`;
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  xianCaseworker = await createSignedInUser(testDb.db, { role: "caseworker", regionScope: XIAN });
  manager = await createSignedInUser(testDb.db, { role: "manager" });
  admin = await createSignedInUser(testDb.db, { role: "admin" });
  member = await createMember(testDb.db, pii, { name: "杜精确", regionCode: XIAN });
  leshanMember = await createMember(testDb.db, pii, { regionCode: LESHAN });
});
afterAll(() => testDb.drop());
afterEach(() => vi.unstubAllEnvs());

describe("full numbers never travel in a URL", () => {
  const context = (user: SignedInTestUser) => async () =>
    createTRPCContext({ db: testDb.db, pii, session: user.session, requestId: "req-http" });

  it("refuses the exact lookup over GET and answers it over POST", async () => {
    const input = { term: member.idNumber };
    // What a link would send if the procedure were read with GET, as a query is.
    const asQuery = (trpc: AppClient) =>
      (trpc.members.lookup as unknown as { query(input: unknown): Promise<unknown> }).query(input);
    const overGet = await callOverHttp(context(xianCaseworker), asQuery);
    expect(overGet.status).toBe(405);
    const overPost = await callOverHttp(context(xianCaseworker), (trpc) =>
      trpc.members.lookup.mutate(input),
    );
    expect(overPost.status).toBe(200);
    expect(overPost.data?.items.map((item) => item.id)).toEqual([member.id]);
    expect(JSON.stringify(overPost.data)).not.toContain(member.idNumber);
  });

  it("refuses a full ID number or phone number as a search term", async () => {
    for (const query of [member.idNumber, member.idNumber.toLowerCase(), member.phone ?? ""]) {
      const answer = await callOverHttp(context(xianCaseworker), (trpc) =>
        trpc.members.search.query({ query }),
      );
      expect(answer.status, query).toBe(400);
      expect(JSON.stringify(answer)).not.toContain("杜精确");
      expect(await failureOf(callerAs(xianCaseworker).members.search({ query }))).toEqual({
        code: "BAD_REQUEST",
        message: EXACT_LOOKUP_IN_SEARCH_MESSAGE,
      });
    }
    // Names and the last four digits of a phone stay a search.
    expect(await errorOf(callerAs(xianCaseworker).members.search({ query: "杜精确" }))).toBe("OK");
    expect(await errorOf(callerAs(xianCaseworker).members.search({ query: "1234" }))).toBe("OK");
  });
});

describe("members.lookup", () => {
  it("finds by full ID number or phone and audits the masked term and whether it found", async () => {
    const user = await createSignedInUser(testDb.db, { role: "caseworker", regionScope: XIAN });
    const caller = callerAs(user);
    const typed = `${member.idNumber.slice(0, 6)} ${member.idNumber.slice(6).toLowerCase()}`;
    const byId = await caller.members.lookup({ term: typed });
    expect(byId).toMatchObject({ matchedBy: "id_number", items: [{ id: member.id }] });
    const byPhone = await caller.members.lookup({ term: member.phone ?? "" });
    expect(byPhone).toMatchObject({ matchedBy: "phone", items: [{ id: member.id }] });
    const missing = unknownIdNumber();
    expect((await caller.members.lookup({ term: missing })).items).toEqual([]);
    // Another region's member is not found, and counts as a failed lookup.
    expect((await caller.members.lookup({ term: leshanMember.idNumber })).items).toEqual([]);

    const phoneMasked = `${member.phone?.slice(0, 3)}****${member.phone?.slice(-4)}`;
    expect(await lookupAudit(user.id)).toEqual([
      {
        action: "member.lookup",
        actor_id: user.id,
        entity_id: String(member.id),
        after: { lookupBy: "身份证号", term: member.idNumberMasked, found: true },
      },
      {
        action: "member.lookup",
        actor_id: user.id,
        entity_id: String(member.id),
        after: { lookupBy: "手机号", term: phoneMasked, found: true },
      },
      {
        action: "member.lookup",
        actor_id: user.id,
        entity_id: null,
        after: {
          lookupBy: "身份证号",
          term: `${missing.slice(0, 6)}********${missing.slice(-4)}`,
          found: false,
        },
      },
      {
        action: "member.lookup",
        actor_id: user.id,
        entity_id: null,
        after: { lookupBy: "身份证号", term: leshanMember.idNumberMasked, found: false },
      },
    ]);
    const trail = JSON.stringify(await lookupAudit(user.id));
    expect(trail).not.toContain(member.idNumber);
    expect(trail).not.toContain(member.phone);
  });

  it("accepts only a full ID number or phone number", async () => {
    for (const term of ["杜精确", "1234", "12345678", ""]) {
      expect(await errorOf(callerAs(xianCaseworker).members.lookup({ term })), term).toMatch(
        /^BAD_REQUEST/,
      );
    }
  });

  it("refuses a user after the set number of failed lookups in an hour, and audits the refusal", async () => {
    vi.stubEnv("EXACT_LOOKUP_LIMIT_PER_HOUR", "3");
    const user = await createSignedInUser(testDb.db, { role: "caseworker", regionScope: XIAN });
    const caller = callerAs(user);
    // Lookups that find someone do not count.
    for (let i = 0; i < 4; i++) await caller.members.lookup({ term: member.idNumber });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => errorOf(caller.members.lookup({ term: unknownIdNumber() }))),
    );
    expect(results.filter((r) => r === "OK")).toHaveLength(3);
    expect(
      results.filter((r) => r === `TOO_MANY_REQUESTS ${EXACT_LOOKUP_LIMIT_MESSAGE}`),
    ).toHaveLength(2);
    // Once refused, a lookup that would find someone is refused too: the refusal reveals nothing.
    expect(await errorOf(caller.members.lookup({ term: member.idNumber }))).toBe(
      `TOO_MANY_REQUESTS ${EXACT_LOOKUP_LIMIT_MESSAGE}`,
    );
    const trail = await lookupAudit(user.id);
    expect(trail.filter((row) => row.action === "member.lookup_blocked")).toHaveLength(3);
    expect(trail.at(-1)).toMatchObject({
      action: "member.lookup_blocked",
      after: { lookupBy: "身份证号", term: member.idNumberMasked },
    });
    // Another user is not held back, and the hour passes.
    expect(await errorOf(callerAs(xianCaseworker).members.lookup({ term: member.idNumber }))).toBe(
      "OK",
    );
    const actor = await loadActor(testDb.db, user.session);
    if (!actor) throw new Error("actor not loaded");
    const later = await lookupMember(
      testDb.db,
      pii,
      actor,
      { term: member.idNumber },
      { limitPerHour: 3, now: new Date(Date.now() + 61 * 60 * 1000) },
    );
    expect(later.items.map((item) => item.id)).toEqual([member.id]);
  });

  it("defaults to 30 failed lookups an hour", async () => {
    const user = await createSignedInUser(testDb.db, { role: "caseworker", regionScope: XIAN });
    const caller = callerAs(user);
    for (let i = 0; i < 30; i++) await caller.members.lookup({ term: unknownIdNumber() });
    expect(await errorOf(caller.members.lookup({ term: unknownIdNumber() }))).toBe(
      `TOO_MANY_REQUESTS ${EXACT_LOOKUP_LIMIT_MESSAGE}`,
    );
  });

  it("is refused to managers, who search by name only; admins may look up", async () => {
    expect(await errorOf(callerAs(manager).members.lookup({ term: member.idNumber }))).toMatch(
      /^FORBIDDEN/,
    );
    expect(await errorOf(callerAs(manager).members.search({ query: "1234" }))).toBe(
      `FORBIDDEN ${MANAGER_NAME_ONLY_MESSAGE}`,
    );
    expect(await errorOf(callerAs(manager).members.search({ query: "杜精确" }))).toBe("OK");
    expect(await lookupAudit(manager.id)).toEqual([]);
    const byAdmin = await callerAs(admin).members.lookup({ term: member.idNumber });
    expect(byAdmin.items.map((item) => item.id)).toEqual([member.id]);
    expect(await lookupAudit(admin.id)).toHaveLength(1);
  });
});
