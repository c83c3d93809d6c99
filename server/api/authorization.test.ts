import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { createPiiCodec } from "@/db/pii";
import {
  enquiries,
  enquiryCauses,
  enquiryLinks,
  memberRegionReviews,
  policyEvents,
} from "@/db/schema";
import { buildIdNumber } from "@/server/rules/id-number";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import {
  createLetter,
  createMember,
  createSession,
  createUnlinkedWorkOrder,
  createUser,
} from "@/server/testing/factories";
import type { SessionRef } from "../auth/session-ref";
import { addDays } from "../rules/calendar-day";
import { appRouter, createCaller } from "./root";
import { createTRPCContext } from "./trpc";

// Every procedure of appRouter, called by every kind of caller. A procedure added without an
// entry here fails the first test, so access rules are decided, not inherited by accident.

const XIAN = "610100";
const LESHAN = "511100";
const pii = createPiiCodec(process.env.PII_KEY as string);

type Who = "anonymous" | "caseworkerA" | "caseworkerB" | "manager" | "admin" | "disabled";
type Outcome = "OK" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST";

let testDb: TestDatabase;
const ids: Partial<Record<Who, number>> = {};
const sessions: Partial<Record<Who, SessionRef>> = {};
let xianMemberId = 0;
let xianMemberIdNumber = "";
let sequence = 0;

// A fresh 西安 enquiry per call, so writes by one caller never depend on another's.
async function freshEnquiry() {
  const [row] = await testDb.db
    .insert(enquiries)
    .values({
      memberId: xianMemberId,
      regionCode: XIAN,
      channel: "counter",
      symptom: "negative",
      description: "授权矩阵测试",
      status: "in_progress",
      createdBy: ids.caseworkerA as number,
      dueAt: new Date(Date.now() + 86_400_000),
    })
    .returning({ id: enquiries.id, version: enquiries.version });
  if (!row) throw new Error("insert failed");
  return row;
}

// An open 参保地核查 item on a member of its own, so each call has one to close.
async function freshRegionReview() {
  const member = await createMember(testDb.db, pii, { regionCode: XIAN });
  const [row] = await testDb.db
    .insert(memberRegionReviews)
    .values({
      memberId: member.id,
      requestedBy: ids.caseworkerB as number,
      requestedRegionCode: LESHAN,
    })
    .returning({ id: memberRegionReviews.id });
  if (!row) throw new Error("insert failed");
  return row.id;
}

async function freshPolicyEvent() {
  const [row] = await testDb.db
    .insert(policyEvents)
    .values({ effectiveOn: "2025-04-01", label: "矩阵测试", createdBy: ids.admin as number })
    .returning({ id: policyEvents.id });
  if (!row) throw new Error("insert failed");
  return row.id;
}

// A hotline order of its own number per call, dispatched an hour ago.
function dispatchInput(memberId: number, regionCode: string) {
  sequence += 1;
  return {
    idempotencyKey: randomUUID(),
    platform: "hotline_12345",
    externalNumber: `AUTH-${sequence}`,
    dispatchingCity: regionCode,
    dispatchingUnit: "市12345政务服务便民热线",
    dispatchedAt: new Date(Date.now() - 3_600_000),
    classification: "consult",
    priority: "normal",
    regionCode,
    memberId,
    symptom: "zero",
    description: "授权矩阵测试",
  };
}

const filter = { from: "2025-01", to: "2026-12" };
const ALL: Who[] = ["anonymous", "caseworkerA", "caseworkerB", "manager", "admin", "disabled"];
const SIGNED_IN: Who[] = ["caseworkerA", "caseworkerB", "manager", "admin"];
const CASEWORKERS: Who[] = ["caseworkerA", "caseworkerB"];
const MANAGERS: Who[] = ["manager", "admin"];

type Entry = {
  allowed: Who[];
  input: () => Promise<unknown> | unknown;
  // Outcomes for allowed callers that differ from OK (region scope, out-of-scope regions).
  overrides?: Partial<Record<Who, Outcome>>;
};

const MATRIX: Record<string, Entry> = {
  "viewer.me": { allowed: SIGNED_IN, input: () => undefined },
  "viewer.overview": { allowed: SIGNED_IN, input: () => undefined },
  "regions.options": { allowed: SIGNED_IN, input: () => undefined },
  "regions.transferTargets": { allowed: ["manager"], input: () => undefined },
  "enquiries.list": { allowed: SIGNED_IN, input: () => ({}) },
  "enquiries.count": { allowed: SIGNED_IN, input: () => ({}) },
  "enquiries.byId": {
    allowed: SIGNED_IN,
    input: async () => ({ id: (await freshEnquiry()).id }),
    overrides: { caseworkerB: "NOT_FOUND" },
  },
  "enquiries.assignees": { allowed: SIGNED_IN, input: () => ({}) },
  "enquiries.create": {
    allowed: CASEWORKERS,
    input: () => ({
      idempotencyKey: randomUUID(),
      memberId: xianMemberId,
      regionCode: XIAN,
      channel: "counter",
      symptom: "zero",
      reportedBalanceFen: 0,
      disputedAmountFen: null,
      description: "授权矩阵测试",
      causes: [],
    }),
    // The member is 西安's: it does not exist for 乐山, before the region is even looked at.
    overrides: { caseworkerB: "NOT_FOUND" },
  },
  "enquiries.transition": {
    allowed: CASEWORKERS,
    input: async () => ({ ...(await freshEnquiry()), action: "await_recheck" }),
    overrides: { caseworkerB: "NOT_FOUND" },
  },
  "workOrders.dispatch": {
    allowed: ["manager"],
    input: () => dispatchInput(xianMemberId, XIAN),
  },
  "workOrders.linkMember": {
    allowed: CASEWORKERS,
    input: async () => ({
      ...(await createUnlinkedWorkOrder(testDb.db, {
        regionCode: XIAN,
        createdBy: ids.caseworkerA as number,
      })),
      memberId: xianMemberId,
    }),
    overrides: { caseworkerB: "NOT_FOUND" },
  },
  "enquiries.setCauses": {
    allowed: CASEWORKERS,
    input: async () => ({
      ...(await freshEnquiry()),
      causes: [{ cause: "system_delay", subReason: null, isPrimary: true }],
    }),
    overrides: { caseworkerB: "NOT_FOUND" },
  },
  "enquiries.assign": {
    allowed: CASEWORKERS,
    input: async () => ({ ...(await freshEnquiry()), assigneeId: null }),
    overrides: { caseworkerB: "NOT_FOUND" },
  },
  "enquiries.addStep": {
    allowed: CASEWORKERS,
    input: async () => ({ ...(await freshEnquiry()), kind: "check_contributions" }),
    overrides: { caseworkerB: "NOT_FOUND" },
  },
  "insights.forEnquiry": {
    allowed: SIGNED_IN,
    input: async () => ({ id: (await freshEnquiry()).id }),
    overrides: { caseworkerB: "NOT_FOUND" },
  },
  "letters.preview": {
    allowed: SIGNED_IN,
    input: async () => ({ id: (await freshEnquiry()).id }),
    overrides: { caseworkerB: "NOT_FOUND" },
  },
  "letters.issue": {
    allowed: CASEWORKERS,
    input: async () => ({ id: (await freshEnquiry()).id }),
    overrides: { caseworkerB: "NOT_FOUND" },
  },
  "letters.forEnquiry": {
    allowed: SIGNED_IN,
    input: async () => ({ id: (await freshEnquiry()).id }),
    overrides: { caseworkerB: "NOT_FOUND" },
  },
  "letters.byId": {
    allowed: SIGNED_IN,
    input: async () => ({
      id: (
        await createLetter(
          testDb.db,
          { id: (await freshEnquiry()).id, regionCode: XIAN },
          ids.caseworkerA as number,
        )
      ).id,
    }),
    overrides: { caseworkerB: "NOT_FOUND" },
  },
  "insights.leaveCalculation": {
    allowed: SIGNED_IN,
    input: async () => ({
      id: (await freshEnquiry()).id,
      calculation: { leaveDate: "2025-12-15", reductionMonth: "2025-12", monthlyCreditFen: 20_000 },
    }),
    overrides: { caseworkerB: "NOT_FOUND" },
  },
  "insights.saveLeaveCalculation": {
    allowed: CASEWORKERS,
    input: async () => {
      const row = await freshEnquiry();
      await testDb.db
        .insert(enquiryCauses)
        .values({ enquiryId: row.id, cause: "resignation", isPrimary: true });
      return {
        ...row,
        calculation: {
          leaveDate: "2025-12-15",
          reductionMonth: "2025-12",
          monthlyCreditFen: 20_000,
          cardSpendingFen: 155_620,
        },
      };
    },
    overrides: { caseworkerB: "NOT_FOUND" },
  },
  "insights.link": {
    allowed: CASEWORKERS,
    input: async () => ({
      id: (await freshEnquiry()).id,
      relatedEnquiryId: (await freshEnquiry()).id,
    }),
    overrides: { caseworkerB: "NOT_FOUND" },
  },
  "insights.unlink": {
    allowed: CASEWORKERS,
    input: async () => {
      const [earlier, later] = [await freshEnquiry(), await freshEnquiry()];
      await testDb.db.insert(enquiryLinks).values({
        enquiryId: later.id,
        relatedEnquiryId: earlier.id,
        createdBy: ids.caseworkerA as number,
      });
      return { id: later.id, relatedEnquiryId: earlier.id };
    },
    overrides: { caseworkerB: "NOT_FOUND" },
  },
  "members.search": { allowed: SIGNED_IN, input: () => ({ query: "测试" }) },
  "members.byId": {
    allowed: SIGNED_IN,
    input: () => ({ id: xianMemberId }),
    overrides: { caseworkerB: "NOT_FOUND" },
  },
  "members.create": {
    allowed: CASEWORKERS,
    input: () => ({
      name: "矩阵测试",
      idNumber: buildIdNumber("610113", "19800101", ++sequence),
      insuranceScheme: "employee",
      personCategory: "active",
      regionCode: XIAN,
    }),
    overrides: { caseworkerB: "BAD_REQUEST" },
  },
  // Exact lookups answer an empty list outside the caller's region, as for an unknown number.
  "members.lookup": {
    allowed: [...CASEWORKERS, "admin"],
    input: () => ({ term: xianMemberIdNumber }),
  },
  "regionReviews.list": { allowed: ["admin"], input: () => ({}) },
  "regionReviews.resolve": {
    allowed: ["admin"],
    input: async () => ({
      id: await freshRegionReview(),
      resolution: "declined",
      note: "矩阵测试",
    }),
  },
  "members.revealIdNumber": {
    allowed: [...CASEWORKERS, "admin"],
    input: () => ({ id: xianMemberId, reason: "核实来电人身份" }),
    overrides: { caseworkerB: "NOT_FOUND" },
  },
  "analytics.byMonth": { allowed: MANAGERS, input: () => filter },
  "analytics.byRegion": { allowed: MANAGERS, input: () => filter },
  "analytics.heatmap": { allowed: MANAGERS, input: () => ({ filter }) },
  "analytics.causeShare": { allowed: MANAGERS, input: () => filter },
  "analytics.kpis": { allowed: MANAGERS, input: () => filter },
  "analytics.triageAcceptance": { allowed: MANAGERS, input: () => filter },
  "analytics.triageFirstMatch": { allowed: MANAGERS, input: () => filter },
  "analytics.spikes": { allowed: MANAGERS, input: () => filter },
  "analytics.policyMarkers": { allowed: MANAGERS, input: () => filter },
  "policyEvents.list": { allowed: ["admin"], input: () => undefined },
  "policyEvents.create": {
    allowed: ["admin"],
    input: () => ({ effectiveOn: "2025-03-01", regionCode: XIAN, label: "矩阵测试节点" }),
  },
  "policyEvents.delete": {
    allowed: ["admin"],
    input: async () => ({ id: await freshPolicyEvent() }),
  },
  "insights.sameSymptomNearby": {
    allowed: CASEWORKERS,
    input: () => ({ regionCode: XIAN, symptom: "negative" }),
    overrides: { caseworkerB: "NOT_FOUND" },
  },
  "policySettings.forRegion": {
    allowed: SIGNED_IN,
    input: () => ({ regionCode: XIAN }),
    overrides: { caseworkerB: "NOT_FOUND" },
  },
  "policySettings.list": { allowed: ["admin"], input: () => ({ regionCode: XIAN }) },
  "policySettings.add": {
    allowed: ["admin"],
    input: () => ({
      regionCode: XIAN,
      setting: "member_hotline",
      value: { text: "029-12345 转医保" },
      effectiveFrom: addDays("2030-01-01", ++sequence),
      sourceNote: "授权矩阵测试",
      verified: false,
    }),
  },
  "users.list": { allowed: ["admin"], input: () => ({}) },
  "users.options": { allowed: ["admin"], input: () => undefined },
  "users.create": {
    allowed: ["admin"],
    input: () => ({
      login: `matrix_${++sequence}`,
      displayName: "矩阵测试",
      role: "caseworker",
      regionScope: XIAN,
      password: "Matrix-Test-Pass-2026",
    }),
  },
  "users.update": {
    allowed: ["admin"],
    input: async () => ({
      id: (await createUser(testDb.db, { regionScope: XIAN })).id,
      displayName: "矩阵测试改名",
      role: "manager",
      regionScope: null,
    }),
  },
  "users.setActive": {
    allowed: ["admin"],
    input: async () => ({ id: (await createUser(testDb.db)).id, active: false }),
  },
  "users.resetPassword": {
    allowed: ["admin"],
    input: async () => ({ id: (await createUser(testDb.db)).id, password: "Matrix-Reset-2026" }),
  },
  "auditLog.list": { allowed: ["admin"], input: () => ({}) },
  // Open to every signed-in user; the test accounts have no real password, so the call is
  // refused on the current password rather than changing it mid-test.
  "account.changePassword": {
    allowed: SIGNED_IN,
    input: () => ({
      currentPassword: "not-the-password",
      newPassword: "Matrix-New-Pass-2026",
      confirmPassword: "Matrix-New-Pass-2026",
    }),
    overrides: {
      caseworkerA: "BAD_REQUEST",
      caseworkerB: "BAD_REQUEST",
      manager: "BAD_REQUEST",
      admin: "BAD_REQUEST",
    },
  },
};

function callerFor(who: Who) {
  return createCaller(
    createTRPCContext({
      db: testDb.db,
      pii,
      session: sessions[who] ?? null,
      requestId: randomUUID(),
    }),
  );
}

async function outcome(who: Who, path: string, input: unknown): Promise<string> {
  // biome-ignore lint/suspicious/noExplicitAny: walking the caller by a runtime path
  const procedure = path.split(".").reduce<any>((node, key) => node[key], callerFor(who));
  try {
    await procedure(input);
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : `UNEXPECTED ${String(error)}`;
  }
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  ids.caseworkerA = (await createUser(testDb.db, { role: "caseworker", regionScope: XIAN })).id;
  ids.caseworkerB = (await createUser(testDb.db, { role: "caseworker", regionScope: LESHAN })).id;
  ids.manager = (await createUser(testDb.db, { role: "manager" })).id;
  ids.admin = (await createUser(testDb.db, { role: "admin" })).id;
  ids.disabled = (await createUser(testDb.db, { role: "manager", active: false })).id;
  for (const [who, id] of Object.entries(ids)) {
    sessions[who as Who] = await createSession(testDb.db, { id });
  }
  const xianMember = await createMember(testDb.db, pii, { regionCode: XIAN });
  xianMemberId = xianMember.id;
  xianMemberIdNumber = xianMember.idNumber;
});
afterAll(() => testDb.drop());

describe("the authorization matrix", () => {
  it("has an entry for every procedure of appRouter", () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  for (const [path, entry] of Object.entries(MATRIX)) {
    it(`${path}: each caller gets the expected result`, async () => {
      const results: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const who of ALL) {
        expected[who] =
          who === "anonymous" || who === "disabled"
            ? "UNAUTHORIZED"
            : !entry.allowed.includes(who)
              ? "FORBIDDEN"
              : (entry.overrides?.[who] ?? "OK");
        results[who] = await outcome(who, path, await entry.input());
      }
      expect(results).toEqual(expected);
    });
  }
});

// Malformed and random inputs must be refused as BAD_REQUEST (or, when a mutation happens to
// stay valid, handled normally) — never an internal error.
describe("input hardening", () => {
  let seed = 20_261_123;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const junk = [
    null,
    -1,
    1.5,
    0,
    2 ** 53,
    "",
    "x".repeat(100_000),
    "'; drop table enquiries; --",
    "😀",
    [],
    [1, 2],
    {},
    { nested: { deeper: [null] } },
    true,
    "2026-13",
    "9999999",
  ];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

  function mutate(valid: unknown): unknown {
    if (!valid || typeof valid !== "object" || Array.isArray(valid)) return pick(junk);
    const copy: Record<string, unknown> = { ...(valid as Record<string, unknown>) };
    const keys = Object.keys(copy);
    const roll = random();
    if (roll < 0.2) copy[`unknown_${Math.floor(random() * 100)}`] = pick(junk);
    else if (roll < 0.35 && keys.length) delete copy[pick(keys)];
    else if (keys.length) copy[pick(keys)] = pick(junk);
    else return pick(junk);
    return copy;
  }

  for (const [path, entry] of Object.entries(MATRIX)) {
    it(`${path}: refuses malformed input`, async () => {
      const who = entry.allowed[0] as Who;
      const valid = await entry.input();
      if (valid !== undefined) {
        for (const bad of [null, 42, "text", [], { unexpected: true }]) {
          expect(`${path} ${JSON.stringify(bad)} → ${await outcome(who, path, bad)}`).toBe(
            `${path} ${JSON.stringify(bad)} → BAD_REQUEST`,
          );
        }
      }
      for (let i = 0; i < 25; i++) {
        const input = mutate(valid ?? {});
        const result = await outcome(who, path, input);
        expect(["OK", "BAD_REQUEST", "NOT_FOUND", "CONFLICT"], `${path} ${result}`).toContain(
          result,
        );
      }
    });
  }
});

// Every string and date field of every procedure, found by walking the router's input schemas:
// a NUL byte, a lone surrogate (neither can be stored as UTF-8 text) and dates outside
// 1900–2100 are refused as BAD_REQUEST, never reach PostgreSQL as a 500.
describe("text and date fields", () => {
  type Field = { path: (string | number)[]; kind: "text" | "date" | "day" | "month" };

  // Calendar days and months travel as strings; a field is one if it takes a real day (month)
  // and refuses an impossible one.
  function stringKind(schema: z.ZodType): Field["kind"] {
    const takes = (value: string) => schema.safeParse(value).success;
    if (takes("2000-01-01") && !takes("2000-02-30")) return "day";
    if (takes("2000-01") && !takes("2000-13")) return "month";
    return "text";
  }

  function fieldsOf(schema: z.ZodType, path: Field["path"] = [], out: Field[] = []): Field[] {
    const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
    const inner = (key: string) => fieldsOf(def[key] as z.ZodType, path, out);
    switch (def.type) {
      case "object":
        for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>)) {
          fieldsOf(child, [...path, key], out);
        }
        break;
      case "optional":
      case "nullable":
      case "default":
      case "prefault":
      case "readonly":
      case "nonoptional":
        inner("innerType");
        break;
      case "pipe":
        inner("in");
        break;
      case "array":
        fieldsOf(def.element as z.ZodType, [...path, 0], out);
        break;
      case "union":
        for (const option of def.options as z.ZodType[]) fieldsOf(option, path, out);
        break;
      case "string":
        if (!out.some((f) => f.path.join(".") === path.join("."))) {
          out.push({ path, kind: stringKind(schema) });
        }
        break;
      case "date":
        out.push({ path, kind: "date" });
        break;
    }
    return out;
  }

  const beijing = (day: string) => new Date(`${day}T00:00:00+08:00`);
  const BAD: Record<Field["kind"], unknown[]> = {
    text: ["a\u0000", "\u0000\u0000", "\ud800", "a\udc00b"],
    day: ["2000-01-0\u0000", "\ud800", "1899-12-31", "2101-01-01"],
    month: ["2000-0\u0000", "\ud800", "1899-12", "2101-01"],
    date: [beijing("1899-12-31"), beijing("2101-01-01")],
  };

  function withValue(base: unknown, path: Field["path"], value: unknown): unknown {
    if (path.length === 0) return value;
    const [key, ...rest] = path as [string | number, ...(string | number)[]];
    if (typeof key === "number") {
      const list = Array.isArray(base) ? [...base] : [];
      list[0] = withValue(list[0] ?? {}, rest, value);
      return list;
    }
    const object = base && typeof base === "object" ? { ...(base as object) } : {};
    return { ...object, [key]: withValue((object as Record<string, unknown>)[key], rest, value) };
  }

  for (const [path, entry] of Object.entries(MATRIX)) {
    const procedure = appRouter._def.procedures[path as keyof typeof appRouter._def.procedures];
    const [input] = (procedure as unknown as { _def: { inputs: z.ZodType[] } })._def.inputs;
    if (!input) continue;
    const fields = fieldsOf(input);
    if (fields.length === 0) continue;
    it(`${path}: ${fields.map((f) => f.path.join(".")).join(", ")}`, async () => {
      const who = entry.allowed[0] as Who;
      for (const field of fields) {
        for (const bad of BAD[field.kind]) {
          const valid = await entry.input();
          // Appended to a valid value where there is one, so only the bad character is wrong.
          const current = field.path.reduce<unknown>(
            (node, key) => (node as Record<string | number, unknown> | undefined)?.[key],
            valid,
          );
          const value = field.kind === "text" && typeof current === "string" ? current + bad : bad;
          const label = `${path} ${field.path.join(".")}=${JSON.stringify(value)}`;
          const result = await outcome(who, path, withValue(valid, field.path, value));
          expect(`${label} → ${result}`).toBe(`${label} → BAD_REQUEST`);
        }
      }
    });
  }
});
