import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import {
  createMember,
  createSignedInUser,
  type SignedInTestUser,
} from "@/server/testing/factories";
import { shanghaiDay } from "../../rules/calendar-day";
import type { CreateEnquiryInput } from "../../schemas/enquiries";
import { callerWith, errorOf, testPii as pii } from "../../testing/callers";
import { testClock } from "../../testing/clock";

const XIAN = "610100";
const LESHAN = "511100";
// Enquiries are filed on the test clock's Beijing day.
const today = shanghaiDay(testClock.now());

let testDb: TestDatabase;
let xianWorker: SignedInTestUser;
let leshanWorker: SignedInTestUser;
let manager: SignedInTestUser;
let leshanManager: SignedInTestUser;
let member: Awaited<ReturnType<typeof createMember>>;

const callerFor = (user: SignedInTestUser) => callerWith(testDb.db, user.session);

function filing(overrides: Partial<CreateEnquiryInput> = {}): CreateEnquiryInput {
  return {
    idempotencyKey: randomUUID(),
    memberId: member.id,
    channel: "counter",
    symptom: "negative",
    reportedBalanceFen: -35_620,
    disputedAmountFen: 35_620,
    description: "离职后个账显示负数",
    causes: [{ cause: "resignation", subReason: null, isPrimary: true }],
    ...overrides,
  };
}

const suggestionsOf = (enquiryId: number) =>
  testDb.client<{ rank: number; cause: string; sub_reason: string | null; accepted: boolean }[]>`
    select rank, cause, sub_reason, accepted from enquiry_suggestions
    where enquiry_id = ${enquiryId} order by rank`;

beforeAll(async () => {
  testDb = await createTestDatabase();
  xianWorker = await createSignedInUser(testDb.db, { role: "caseworker", regionScope: XIAN });
  leshanWorker = await createSignedInUser(testDb.db, { role: "caseworker", regionScope: LESHAN });
  manager = await createSignedInUser(testDb.db, { role: "manager" });
  leshanManager = await createSignedInUser(testDb.db, { role: "manager", regionScope: LESHAN });
  member = await createMember(testDb.db, pii, { regionCode: XIAN, name: "赵离职" });
});
afterAll(() => testDb.drop());

describe("triage suggestions stored at filing", () => {
  it("stores the facts and the ranked suggestions, accepted where the causes agree", async () => {
    const { id } = await callerFor(xianWorker).enquiries.create(
      filing({
        triage: {
          leftEmployer: true,
          leaveDate: "2025-12-15",
          reductionFiled: true,
          boundRelatives: 1,
        },
      }),
    );
    const rows = await suggestionsOf(id);
    expect(rows[0]).toMatchObject({ rank: 1, cause: "resignation", accepted: true });
    expect(rows.filter((r) => r.accepted)).toHaveLength(1);
    const [facts] =
      await testDb.client`select facts, insurance_type from enquiry_triage_facts where enquiry_id = ${id}`;
    expect(facts).toEqual({
      facts: {
        leftEmployer: true,
        leaveDate: "2025-12-15",
        reductionFiled: true,
        boundRelatives: 1,
      },
      insurance_type: "employee",
    });

    const insights = await callerFor(xianWorker).insights.forEnquiry({ id });
    expect(insights.stored).toBe(true);
    expect(insights.suggestions[0]?.reason).toContain("离职");
    expect(insights.suggestions[0]?.steps).toContain("compute_real_credit");
  });

  it("keeps `accepted` right when the causes are retagged later", async () => {
    const caller = callerFor(xianWorker);
    const { id } = await caller.enquiries.create(
      filing({ symptom: "sudden_drop", causes: [], triage: { boundRelatives: 2 } }),
    );
    expect((await suggestionsOf(id)).every((r) => !r.accepted)).toBe(true);
    const detail = await caller.enquiries.byId({ id });
    await caller.enquiries.setCauses({
      id,
      version: detail.enquiry.version,
      causes: [{ cause: "family_aid", subReason: null, isPrimary: true }],
    });
    expect((await suggestionsOf(id)).find((r) => r.cause === "family_aid")?.accepted).toBe(true);
    await caller.enquiries.setCauses({
      id,
      version: detail.enquiry.version + 1,
      causes: [{ cause: "other", subReason: "medical_spending", isPrimary: true }],
    });
    const after = await suggestionsOf(id);
    expect(after.find((r) => r.cause === "family_aid")?.accepted).toBe(false);
    expect(after.find((r) => r.sub_reason === "medical_spending")?.accepted ?? true).toBe(true);
  });

  it("stores suggestions from the symptom alone when no facts are given", async () => {
    const resident = await createMember(testDb.db, pii, {
      regionCode: XIAN,
      insuranceType: "resident",
    });
    const { id } = await callerFor(xianWorker).enquiries.create(
      filing({ memberId: resident.id, symptom: "zero", reportedBalanceFen: 0, causes: [] }),
    );
    expect((await suggestionsOf(id))[0]).toMatchObject({
      cause: "other",
      sub_reason: "no_personal_account",
    });
  });

  it("gives managers the acceptance rate per cause within their scope", async () => {
    const month = today.slice(0, 7);
    const filter = { from: month, to: month };
    const rows = await callerFor(manager).analytics.triageAcceptance(filter);
    const resignation = rows.find((r) => r.cause === "resignation");
    expect(resignation).toMatchObject({
      suggested: 1,
      accepted: 1,
      rate: 1,
      topSuggested: 1,
      topAccepted: 1,
    });
    expect(rows.find((r) => r.cause === "family_aid")?.suggested).toBeGreaterThanOrEqual(2);
    const leshan = await callerFor(leshanManager).analytics.triageAcceptance(filter);
    expect(leshan.every((r) => r.suggested === 0 && r.rate === null)).toBe(true);
  });

  it("answers NOT_FOUND for an enquiry outside the caller's region", async () => {
    const { id } = await callerFor(xianWorker).enquiries.create(filing());
    expect(await errorOf(callerFor(leshanWorker).insights.forEnquiry({ id }))).toMatch(
      /^NOT_FOUND/,
    );
  });
});

describe("the 离职减员 calculation saved as a step", () => {
  const calculation = {
    periodStart: "2025-07",
    leaveDate: "2025-12-15",
    preAllocatedFen: 240_000,
    spentBeforeLeaveFen: 155_620,
    reportedBalanceFen: -35_620,
  };

  it("records 计算实际划入资金 with the explanation, audited", async () => {
    const caller = callerFor(xianWorker);
    const { id } = await caller.enquiries.create(filing());
    const { step, enquiry } = await caller.insights.saveLeaveCalculation({
      id,
      version: 1,
      calculation,
    });
    expect(step?.kind).toBe("compute_real_credit");
    expect(step?.note).toContain(
      "实际划入资金 = 预划资金 2,400.00 元 − 离职后至6月底预划资金 1,200.00 元 = 1,200.00 元",
    );
    expect(step?.note).toContain("与计算结果一致");
    expect(enquiry.status).toBe("in_progress");
    const audit = await testDb.client`
      select after from audit_events where entity = 'enquiry' and entity_id = ${String(id)} and action = 'enquiry.step'`;
    expect(audit[0]?.after).toMatchObject({ step: "计算实际划入资金" });
  });

  it("refuses without 离职减员, with bad figures, stale versions and across regions", async () => {
    const caller = callerFor(xianWorker);
    const { id: untagged } = await caller.enquiries.create(filing({ causes: [] }));
    expect(
      await errorOf(
        caller.insights.saveLeaveCalculation({ id: untagged, version: 1, calculation }),
      ),
    ).toBe("BAD_REQUEST 请先将原因分类设为「离职减员」，再保存计算结果");
    const { id } = await caller.enquiries.create(filing());
    expect(
      await errorOf(
        caller.insights.saveLeaveCalculation({
          id,
          version: 1,
          calculation: { ...calculation, leaveDate: "2025-05-01" },
        }),
      ),
    ).toBe("BAD_REQUEST 离职日期早于预划起始月份，请核对");
    expect(
      await errorOf(caller.insights.saveLeaveCalculation({ id, version: 7, calculation })),
    ).toMatch(/^CONFLICT/);
    expect(
      await errorOf(
        callerFor(leshanWorker).insights.saveLeaveCalculation({ id, version: 1, calculation }),
      ),
    ).toMatch(/^NOT_FOUND/);
    const [steps] =
      await testDb.client`select count(*)::int as n from resolution_steps where enquiry_id in (${id}, ${untagged})`;
    expect(steps?.n).toBe(0);
  });
});

describe("repeat enquiries", () => {
  it("links at filing, shows the link from both ends and audits both", async () => {
    const caller = callerFor(xianWorker);
    const { id: earlier } = await caller.enquiries.create(filing());
    const { id: later } = await caller.enquiries.create(filing({ relatedEnquiryIds: [earlier] }));
    const fromLater = await caller.insights.forEnquiry({ id: later });
    expect(fromLater.links).toMatchObject([{ id: earlier, direction: "earlier" }]);
    expect(fromLater.links[0]?.causes).toEqual([
      { cause: "resignation", subReason: null, isPrimary: true },
    ]);
    const fromEarlier = await caller.insights.forEnquiry({ id: earlier });
    expect(fromEarlier.links).toMatchObject([{ id: later, direction: "later" }]);
    const audit = await testDb.client`
      select entity_id, after from audit_events where action = 'enquiry.link'
      and entity_id in (${String(earlier)}, ${String(later)}) order by entity_id`;
    expect(audit.map((a) => a.after)).toEqual([
      { linkedEnquiry: `#${later}` },
      { linkedEnquiry: `#${earlier}` },
    ]);
  });

  it("links from the detail page once, and only the same member's enquiries in scope", async () => {
    const caller = callerFor(xianWorker);
    const { id: a } = await caller.enquiries.create(filing());
    const { id: b } = await caller.enquiries.create(filing());
    await caller.insights.link({ id: b, relatedEnquiryId: a });
    await caller.insights.link({ id: b, relatedEnquiryId: a });
    expect((await caller.insights.forEnquiry({ id: a })).links).toHaveLength(1);
    expect(
      await errorOf(callerFor(leshanWorker).insights.unlink({ id: a, relatedEnquiryId: b })),
    ).toMatch(/^NOT_FOUND/);
    // Removed from either end, both histories keep it; a second removal has nothing to remove.
    await caller.insights.unlink({ id: a, relatedEnquiryId: b });
    expect((await caller.insights.forEnquiry({ id: a })).links).toEqual([]);
    expect((await caller.insights.forEnquiry({ id: b })).links).toEqual([]);
    const unlinked = await testDb.client`
      select entity_id, before from audit_events where action = 'enquiry.unlink'
      and entity_id in (${String(a)}, ${String(b)}) order by entity_id`;
    expect(unlinked.map((row) => row.before)).toEqual([
      { linkedEnquiry: `#${b}` },
      { linkedEnquiry: `#${a}` },
    ]);
    expect(await errorOf(caller.insights.unlink({ id: a, relatedEnquiryId: b }))).toBe(
      "BAD_REQUEST 这两件咨询没有关联",
    );
    await caller.insights.link({ id: b, relatedEnquiryId: a });

    const stranger = await createMember(testDb.db, pii, { regionCode: XIAN });
    const { id: other } = await caller.enquiries.create(filing({ memberId: stranger.id }));
    expect(await errorOf(caller.insights.link({ id: b, relatedEnquiryId: other }))).toBe(
      "BAD_REQUEST 只能关联同一参保人的咨询",
    );
    expect(await errorOf(caller.insights.link({ id: b, relatedEnquiryId: b }))).toMatch(
      /^BAD_REQUEST/,
    );
    expect(
      await errorOf(callerFor(leshanWorker).insights.link({ id: b, relatedEnquiryId: a })),
    ).toMatch(/^NOT_FOUND/);
    expect(await errorOf(caller.enquiries.create(filing({ relatedEnquiryIds: [other] })))).toBe(
      "BAD_REQUEST 只能关联同一参保人的咨询",
    );
  });
});
