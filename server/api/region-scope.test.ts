import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Role } from "@/db/constants";
import {
  auditEvents,
  enquiries,
  enquiryLinks,
  memberRegionReviews,
  policyEvents,
} from "@/db/schema";
import { callerWith, errorCode, testPii } from "@/server/testing/callers";
import { testClock } from "@/server/testing/clock";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import {
  createLetter,
  createMember,
  createSignedInUser,
  createUnlinkedWorkOrder,
  createUser,
} from "@/server/testing/factories";
import type { SessionRef } from "../auth/session-ref";
import { addDays } from "../rules/calendar-day";
import { appRouter } from "./root";

// Region scope by construction: every input field that names a scoped row (a member, an
// enquiry, a user, a policy event, a 参保地 review) is listed here per procedure, and each is tried by a user of
// 西安 with a row of 乐山, which must not exist for them (NOT_FOUND). Fields are found in the
// router's input schemas by name (…id, …Id, …Ids), so a new procedure or a new field without an
// entry fails the first test. Fields that name no row say why.

const XIAN = "610100";
const LESHAN = "511100";

type Kind = "member" | "enquiry" | "user" | "policyEvent" | "regionReview" | "letter" | "region";
type Entry =
  | { none: true }
  | {
      // Who calls: the 西安 user of this role.
      as: Role;
      // A valid input naming 西安's rows; each listed field is then replaced by 乐山's row.
      input: () => Promise<Record<string, unknown>>;
      refs: Record<string, Kind>;
      // Fields that look like row ids but name none, with the reason.
      notRows?: Record<string, string>;
    };

let testDb: TestDatabase;
const sessions = {} as Record<Role, SessionRef>;
const a = { memberId: 0, caseworkerId: 0 };
const b = {} as Record<Exclude<Kind, "region">, number>;

async function insertEnquiry(memberId: number, regionCode: string, createdBy: number) {
  const [row] = await testDb.db
    .insert(enquiries)
    .values({
      memberId,
      regionCode,
      channel: "counter",
      symptom: "negative",
      description: "地区范围测试",
      status: "in_progress",
      createdBy,
      dueAt: new Date(Date.now() + 86_400_000),
    })
    .returning({ id: enquiries.id, version: enquiries.version });
  if (!row) throw new Error("insert failed");
  return row;
}

async function insertReview(memberId: number, requestedBy: number, requestedRegionCode: string) {
  const [row] = await testDb.db
    .insert(memberRegionReviews)
    .values({ memberId, requestedBy, requestedRegionCode })
    .returning({ id: memberRegionReviews.id });
  if (!row) throw new Error("insert failed");
  return row.id;
}

const freshEnquiry = () => insertEnquiry(a.memberId, XIAN, a.caseworkerId);
const byId = async () => ({ id: (await freshEnquiry()).id });
const _filter = { from: "2025-01", to: "2026-12" };
const NONE = { none: true } as const;
const leaveFigures = {
  leaveDate: "2025-12-15",
  reductionMonth: "2025-12",
  monthlyCreditFen: 20_000,
  cardSpendingFen: 155_620,
};
let settingVersions = 0;

const TABLE: Record<string, Entry> = {
  "viewer.me": NONE,
  "viewer.overview": NONE,
  "regions.options": NONE,
  "regions.transferTargets": NONE,
  "enquiries.list": {
    as: "caseworker",
    input: async () => ({ memberId: a.memberId, assigneeId: a.caseworkerId }),
    refs: { memberId: "member", assigneeId: "user" },
  },
  "enquiries.count": {
    as: "caseworker",
    input: async () => ({ memberId: a.memberId, assigneeId: a.caseworkerId }),
    refs: { memberId: "member", assigneeId: "user" },
  },
  "enquiries.byId": { as: "caseworker", input: byId, refs: { id: "enquiry" } },
  "enquiries.assignees": {
    as: "caseworker",
    input: async () => ({ regionCode: XIAN }),
    refs: { regionCode: "region" },
  },
  "enquiries.create": {
    as: "caseworker",
    input: async () => ({
      idempotencyKey: randomUUID(),
      memberId: a.memberId,
      channel: "counter",
      symptom: "zero",
      reportedBalanceFen: 0,
      disputedAmountFen: null,
      description: "地区范围测试",
      causes: [],
      relatedEnquiryIds: [(await freshEnquiry()).id],
    }),
    refs: { memberId: "member", relatedEnquiryIds: "enquiry" },
  },
  "enquiries.transition": {
    as: "caseworker",
    input: async () => ({ ...(await freshEnquiry()), action: "await_recheck" }),
    refs: { id: "enquiry" },
  },
  "workOrders.dispatch": {
    as: "manager",
    input: async () => ({
      idempotencyKey: randomUUID(),
      platform: "hotline_12393",
      externalNumber: `SCOPE-${randomUUID().slice(0, 8)}`,
      dispatchingCity: XIAN,
      dispatchingUnit: "12393医保服务热线",
      dispatchedAt: new Date(testClock.now().getTime() - 3_600_000),
      classification: "help",
      priority: "normal",
      regionCode: XIAN,
      assigneeId: a.caseworkerId,
      memberId: a.memberId,
      symptom: "zero",
      description: "地区范围测试",
    }),
    refs: { memberId: "member", assigneeId: "user" },
  },
  "workOrders.linkMember": {
    as: "caseworker",
    input: async () => ({
      ...(await createUnlinkedWorkOrder(testDb.db, {
        regionCode: XIAN,
        createdBy: a.caseworkerId,
      })),
      memberId: a.memberId,
    }),
    refs: { id: "enquiry", memberId: "member" },
  },
  "enquiries.setCauses": {
    as: "caseworker",
    input: async () => ({ ...(await freshEnquiry()), causes: [] }),
    refs: { id: "enquiry" },
  },
  "enquiries.assign": {
    as: "caseworker",
    input: async () => ({ ...(await freshEnquiry()), assigneeId: a.caseworkerId }),
    refs: { id: "enquiry", assigneeId: "user" },
  },
  "enquiries.addStep": {
    as: "caseworker",
    input: async () => ({ ...(await freshEnquiry()), kind: "check_contributions" }),
    refs: { id: "enquiry" },
  },
  "insights.forEnquiry": { as: "caseworker", input: byId, refs: { id: "enquiry" } },
  "letters.preview": { as: "caseworker", input: byId, refs: { id: "enquiry" } },
  "letters.issue": { as: "caseworker", input: byId, refs: { id: "enquiry" } },
  "letters.forEnquiry": { as: "caseworker", input: byId, refs: { id: "enquiry" } },
  "letters.byId": {
    as: "caseworker",
    input: async () => ({
      id: (
        await createLetter(
          testDb.db,
          await freshEnquiry().then((row) => ({ id: row.id, regionCode: XIAN })),
          a.caseworkerId,
        )
      ).id,
    }),
    refs: { id: "letter" },
  },
  "insights.leaveCalculation": {
    as: "caseworker",
    input: async () => ({ id: (await freshEnquiry()).id, calculation: leaveFigures }),
    refs: { id: "enquiry" },
  },
  "insights.saveLeaveCalculation": {
    as: "caseworker",
    input: async () => ({ ...(await freshEnquiry()), calculation: leaveFigures }),
    refs: { id: "enquiry" },
  },
  "insights.link": {
    as: "caseworker",
    input: async () => ({ id: (await freshEnquiry()).id, relatedEnquiryId: (await byId()).id }),
    refs: { id: "enquiry", relatedEnquiryId: "enquiry" },
  },
  "insights.unlink": {
    as: "caseworker",
    input: async () => {
      const [earlier, later] = [await freshEnquiry(), await freshEnquiry()];
      await testDb.db.insert(enquiryLinks).values({
        enquiryId: later.id,
        relatedEnquiryId: earlier.id,
        createdBy: a.caseworkerId,
      });
      return { id: later.id, relatedEnquiryId: earlier.id };
    },
    refs: { id: "enquiry", relatedEnquiryId: "enquiry" },
  },
  "members.search": NONE,
  "members.byId": {
    as: "caseworker",
    input: async () => ({ id: a.memberId }),
    refs: { id: "member" },
  },
  "members.create": NONE,
  "members.revealIdNumber": {
    as: "caseworker",
    input: async () => ({ id: a.memberId, reason: "核实来电人身份" }),
    refs: { id: "member" },
  },
  "analytics.byMonth": NONE,
  "analytics.byRegion": NONE,
  "analytics.heatmap": NONE,
  "analytics.causeShare": NONE,
  "analytics.kpis": NONE,
  "analytics.triageAcceptance": NONE,
  "analytics.triageFirstMatch": NONE,
  "analytics.spikes": NONE,
  "analytics.policyMarkers": NONE,
  "policyEvents.list": NONE,
  "policyEvents.create": NONE,
  "policyEvents.delete": {
    as: "admin",
    input: async () => {
      const [row] = await testDb.db
        .insert(policyEvents)
        .values({
          effectiveOn: "2025-04-01",
          regionCode: XIAN,
          label: "西安节点",
          createdBy: a.caseworkerId,
        })
        .returning({ id: policyEvents.id });
      return { id: row?.id };
    },
    refs: { id: "policyEvent" },
  },
  "users.list": NONE,
  "users.options": NONE,
  "users.create": NONE,
  "users.update": {
    as: "admin",
    input: async () => ({
      id: (await createUser(testDb.db, { regionScope: XIAN })).id,
      displayName: "地区范围测试",
      role: "caseworker",
      regionScope: XIAN,
    }),
    refs: { id: "user" },
  },
  "users.setActive": {
    as: "admin",
    input: async () => ({
      id: (await createUser(testDb.db, { regionScope: XIAN })).id,
      active: true,
    }),
    refs: { id: "user" },
  },
  "users.resetPassword": {
    as: "admin",
    input: async () => ({
      id: (await createUser(testDb.db, { regionScope: XIAN })).id,
      password: "Region-Scope-Reset-2026",
    }),
    refs: { id: "user" },
  },
  "auditLog.list": {
    as: "admin",
    input: async () => ({ actorId: a.caseworkerId }),
    refs: { actorId: "user" },
    notRows: { entityId: "自由文本，与审计记录比对，不读取任何行" },
  },
  "account.changePassword": NONE,
  // The term is a full number, not a row id; another region's number answers as not found
  // (server/api/routers/member-lookup.test.ts).
  "members.lookup": NONE,
  "regionReviews.list": NONE,
  "insights.sameSymptomNearby": {
    as: "caseworker",
    input: async () => ({ regionCode: XIAN, symptom: "negative" }),
    refs: { regionCode: "region" },
  },
  "policySettings.forRegion": {
    as: "caseworker",
    input: async () => ({ regionCode: XIAN }),
    refs: { regionCode: "region" },
  },
  "policySettings.list": {
    as: "admin",
    input: async () => ({ regionCode: XIAN }),
    refs: { regionCode: "region" },
  },
  "policySettings.add": {
    as: "admin",
    input: async () => ({
      regionCode: XIAN,
      setting: "member_hotline",
      value: { text: "029-12345 转医保" },
      effectiveFrom: addDays("2031-01-01", ++settingVersions),
      sourceNote: "地区范围测试",
      verified: false,
    }),
    refs: { regionCode: "region" },
  },
  "regionReviews.resolve": {
    as: "admin",
    input: async () => ({
      id: await insertReview(a.memberId, a.caseworkerId, LESHAN),
      resolution: "declined",
      note: "地区范围测试：参保地不变",
    }),
    refs: { id: "regionReview" },
  },
};

// The input fields whose name says they identify a row: id, memberId, relatedEnquiryIds…
function rowFields(path: string): string[] {
  const procedure = appRouter._def.procedures[path as keyof typeof appRouter._def.procedures];
  const inputs = (procedure as unknown as { _def: { inputs: z.ZodType[] } })._def.inputs;
  const shape = (inputs[0]?._zod.def as { shape?: Record<string, unknown> } | undefined)?.shape;
  return Object.keys(shape ?? {}).filter((key) => /(^id|Id|Ids)$/.test(key));
}

function callerAs(role: Role) {
  return callerWith(testDb.db, sessions[role]);
}

async function outcome(role: Role, path: string, input: unknown): Promise<string> {
  // biome-ignore lint/suspicious/noExplicitAny: walking the caller by a runtime path
  const procedure = path.split(".").reduce<any>((node, key) => node[key], callerAs(role));
  return errorCode(procedure(input));
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  for (const role of ["caseworker", "manager", "admin"] as const) {
    const user = await createSignedInUser(testDb.db, { role, regionScope: XIAN });
    sessions[role] = user.session;
    if (role === "caseworker") a.caseworkerId = user.id;
  }
  a.memberId = (await createMember(testDb.db, testPii, { regionCode: XIAN })).id;

  const leshanWorker = await createUser(testDb.db, { role: "caseworker", regionScope: LESHAN });
  b.user = leshanWorker.id;
  b.member = (await createMember(testDb.db, testPii, { regionCode: LESHAN })).id;
  b.enquiry = (await insertEnquiry(b.member, LESHAN, leshanWorker.id)).id;
  const [event] = await testDb.db
    .insert(policyEvents)
    .values({ effectiveOn: "2025-04-01", regionCode: LESHAN, label: "乐山节点", createdBy: b.user })
    .returning({ id: policyEvents.id });
  b.policyEvent = event?.id as number;
  b.regionReview = await insertReview(b.member, leshanWorker.id, XIAN);
  b.letter = (
    await createLetter(testDb.db, { id: b.enquiry, regionCode: LESHAN }, leshanWorker.id)
  ).id;
});
afterAll(() => testDb.drop());

describe("region scope of every input that names a row", () => {
  it("has an entry for every procedure, listing every field that names a row", () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(Object.keys(TABLE).sort()).toEqual(procedures);
    for (const path of procedures) {
      const entry = TABLE[path] as Entry;
      const listed =
        "none" in entry ? [] : [...Object.keys(entry.refs), ...Object.keys(entry.notRows ?? {})];
      const named = rowFields(path);
      expect({ path, fields: listed.filter((f) => named.includes(f)).sort() }).toEqual({
        path,
        fields: named.sort(),
      });
    }
  });

  for (const [path, entry] of Object.entries(TABLE)) {
    if ("none" in entry) continue;
    for (const [field, kind] of Object.entries(entry.refs)) {
      it(`${path}.${field}: another region's ${kind} does not exist`, async () => {
        const valid = await entry.input();
        expect(`${path} own region → ${await outcome(entry.as, path, valid)}`).not.toMatch(
          /NOT_FOUND$/,
        );
        const foreign = kind === "region" ? LESHAN : b[kind];
        const input = {
          ...(await entry.input()),
          [field]: Array.isArray(valid[field]) ? [foreign] : foreign,
        };
        expect(`${path}.${field} → ${await outcome(entry.as, path, input)}`).toBe(
          `${path}.${field} → NOT_FOUND`,
        );
      });
    }
  }

  it("enquiries.assignees lists only staff inside the caller's region", async () => {
    const listed = await callerAs("caseworker").enquiries.assignees({});
    expect(listed.map((user) => user.id)).toContain(a.caseworkerId);
    expect(listed.map((user) => user.id)).not.toContain(b.user);
    expect(listed.every((user) => user.regionScope === XIAN)).toBe(true);
  });

  it("an administrator of a region lists, picks and reads the trail of their own staff only", async () => {
    const province = await createUser(testDb.db, { role: "caseworker", regionScope: "610000" });
    const everywhere = await createUser(testDb.db, { role: "admin", regionScope: null });
    for (const actorId of [a.caseworkerId, b.user, province.id, everywhere.id]) {
      await testDb.db.insert(auditEvents).values({
        actorId,
        action: "user.update",
        entity: "user",
        entityId: String(actorId),
        after: { displayName: "地区范围测试" },
      });
    }
    const admin = callerAs("admin");
    const outside = [b.user, province.id, everywhere.id];

    const listed = (await admin.users.list({ pageSize: 100 })).items.map((user) => user.id);
    expect(listed).toContain(a.caseworkerId);
    for (const id of outside) expect(listed).not.toContain(id);

    const options = (await admin.users.options()).map((user) => user.id);
    expect(options).toContain(a.caseworkerId);
    for (const id of outside) expect(options).not.toContain(id);

    const trail = (await admin.auditLog.list({ limit: 100 })).items.map((row) => row.actorId);
    expect(trail).toContain(a.caseworkerId);
    for (const id of outside) expect(trail).not.toContain(id);
    expect(trail).not.toContain(null);
  });

  it("an administrator of a region neither manages broader staff nor grants a broader scope", async () => {
    const admin = callerAs("admin");
    const province = await createUser(testDb.db, { role: "caseworker", regionScope: "610000" });
    expect(
      await errorCode(admin.users.resetPassword({ id: province.id, password: "Wider-Reach-2026" })),
    ).toBe("NOT_FOUND");
    for (const regionScope of [null, "610000", LESHAN]) {
      const failure = admin.users.create({
        login: `scope_${randomUUID().slice(0, 8)}`,
        displayName: "越权测试",
        role: regionScope ? "caseworker" : "manager",
        regionScope,
        password: "Wider-Reach-2026",
      });
      await expect(failure).rejects.toThrow("只能授予本人管辖地区以内的地区");
    }
    const own = await createUser(testDb.db, { role: "caseworker", regionScope: XIAN });
    const widen = admin.users.update({
      id: own.id,
      displayName: "越权测试",
      role: "caseworker",
      regionScope: "610000",
    });
    await expect(widen).rejects.toThrow("只能授予本人管辖地区以内的地区");
  });
});
