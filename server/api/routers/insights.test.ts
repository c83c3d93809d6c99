import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PolicySetting } from "@/db/constants";
import { regionPolicySettings } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import {
  createMember,
  createSignedInUser,
  type SignedInTestUser,
} from "@/server/testing/factories";
import { addDays, shanghaiDay, shiftMonth } from "../../rules/calendar-day";
import { insuranceYearOf, leaveCalculationFacts } from "../../rules/leave-calculator";
import { stepSentence } from "../../rules/step-sentences";
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
    // 西安 keeps the national defaults: credited monthly, so a leaver's credits stop.
    const { id } = await callerFor(xianWorker).enquiries.create(
      filing({
        symptom: "mismatch",
        reportedBalanceFen: 12_000,
        description: "离职后个账不再增加",
        triage: { leftEmployer: true, leaveDate: "2025-10-15", reductionFiled: true },
      }),
    );
    const rows = await suggestionsOf(id);
    expect(rows[0]).toMatchObject({ rank: 1, cause: "resignation", accepted: true });
    expect(rows.filter((r) => r.accepted)).toHaveLength(1);
    const [facts] =
      await testDb.client`select facts, insurance_scheme, person_category from enquiry_triage_facts where enquiry_id = ${id}`;
    expect(facts).toEqual({
      facts: {
        leftEmployer: true,
        leaveDate: "2025-10-15",
        reductionFiled: true,
      },
      insurance_scheme: "employee",
      person_category: "active",
    });

    const insights = await callerFor(xianWorker).insights.forEnquiry({ id });
    expect(insights.stored).toBe(true);
    expect(insights.suggestions[0]?.reason).toContain("离职");
    expect(insights.suggestions[0]?.steps).toContain("compute_real_credit");
  });

  it("keeps `accepted` right when the causes are retagged later", async () => {
    const caller = callerFor(xianWorker);
    const { id } = await caller.enquiries.create(
      filing({
        symptom: "sudden_drop",
        reportedBalanceFen: 50_000,
        causes: [],
        triage: { boundRelatives: 2 },
      }),
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
      insurance: { scheme: "resident", category: null },
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
    // The other filings' description (离职后…) brings 离职减员 among their suggestions too.
    expect(resignation).toMatchObject({ accepted: 1, topSuggested: 1, topAccepted: 1 });
    expect(resignation?.suggested).toBeGreaterThanOrEqual(1);
    expect(rows.find((r) => r.cause === "family_aid")?.suggested).toBeGreaterThanOrEqual(1);
    const leshan = await callerFor(leshanManager).analytics.triageAcceptance(filter);
    expect(leshan.every((r) => r.suggested === 0 && r.rate === null)).toBe(true);
  });

  it("gives managers, by month, how often the first suggestion named the primary cause", async () => {
    const month = today.slice(0, 7);
    const before = shiftMonth(month, -1);
    const rows = await callerFor(manager).analytics.triageFirstMatch({ from: before, to: month });
    expect(rows.map((row) => row.month)).toEqual([before, month]);
    expect(rows[0]).toEqual({ month: before, enquiries: 0, matched: 0, rate: null });
    const current = rows[1];
    // The leaver's enquiry was tagged as suggested; the retagged one ended elsewhere.
    expect(current?.enquiries).toBeGreaterThanOrEqual(2);
    expect(current?.matched).toBeGreaterThanOrEqual(1);
    expect(current?.matched).toBeLessThan(current?.enquiries ?? 0);
    expect(current?.rate).toBeCloseTo((current?.matched ?? 0) / (current?.enquiries ?? 1));
    const leshan = await callerFor(leshanManager).analytics.triageFirstMatch({
      from: month,
      to: month,
    });
    expect(leshan).toEqual([{ month, enquiries: 0, matched: 0, rate: null }]);
  });

  it("answers NOT_FOUND for an enquiry outside the caller's region", async () => {
    const { id } = await callerFor(xianWorker).enquiries.create(filing());
    expect(await errorOf(callerFor(leshanWorker).insights.forEnquiry({ id }))).toMatch(
      /^NOT_FOUND/,
    );
  });

  it("runs the rules on the 险种 and 人员类别 the caseworker verified, and stores them", async () => {
    const { id } = await callerFor(xianWorker).enquiries.create(
      filing({
        symptom: "zero",
        reportedBalanceFen: 0,
        causes: [],
        triage: { insurance: { scheme: "resident", category: null } },
      }),
    );
    const [stored] = await testDb.client`
      select insurance_scheme, person_category from enquiry_triage_facts where enquiry_id = ${id}`;
    expect(stored).toEqual({ insurance_scheme: "resident", person_category: null });
    expect((await suggestionsOf(id))[0]).toMatchObject({
      cause: "other",
      sub_reason: "no_personal_account",
    });
    const insights = await callerFor(xianWorker).insights.forEnquiry({ id });
    expect(insights.insurance).toEqual({ scheme: "resident", category: null });
  });

  it("refuses a verified 人员类别 that does not go with the 险种", async () => {
    const mismatched = [
      { scheme: "employee", category: null },
      { scheme: "resident", category: "retired" },
    ] as const;
    for (const insurance of mismatched) {
      const filed = callerFor(xianWorker).enquiries.create(filing({ triage: { insurance } }));
      expect(await errorOf(filed)).toMatch(/^BAD_REQUEST/);
    }
  });
});

describe("the 离职减员 calculation", () => {
  // 乐山 pre-allocates a July–June year; 西安 keeps the national defaults (monthly, calendar
  // year). The enquiries are filed on the test clock's day.
  const calculation = {
    leaveDate: "2025-12-15",
    reductionMonth: "2025-12",
    monthlyCreditFen: 20_000,
    cardSpendingFen: 140_000,
    familyAidFen: 10_000,
    deductionsFen: 5_620,
    reportedBalanceFen: -35_620,
  };
  let leshanMember: Awaited<ReturnType<typeof createMember>>;
  let leshanRows: Record<string, number>;

  beforeAll(async () => {
    leshanMember = await createMember(testDb.db, pii, { regionCode: LESHAN, name: "钱预划" });
    const setting = (
      setting: PolicySetting,
      value: unknown,
      verified: boolean,
      effectiveFrom = "2000-01-01",
    ) => ({ regionCode: LESHAN, setting, value, effectiveFrom, sourceNote: "测试", verified });
    const rows = await testDb.db
      .insert(regionPolicySettings)
      .values([
        setting("insurance_year_start", { month: 7 }, true),
        setting("crediting_mode", { mode: "pre_allocation" }, true),
        setting("monthly_deductions", { items: [{ name: "大病保险", monthlyFen: 800 }] }, false),
        // A version from the day after filing does not apply to these enquiries.
        setting(
          "monthly_deductions",
          { items: [{ name: "大病保险", monthlyFen: 1_000 }] },
          true,
          addDays(today, 1),
        ),
      ])
      .returning({ id: regionPolicySettings.id, setting: regionPolicySettings.setting });
    leshanRows = Object.fromEntries(rows.slice(0, 3).map((row) => [row.setting, row.id]));
  });

  const leshanFiling = () =>
    callerFor(leshanWorker).enquiries.create(filing({ memberId: leshanMember.id }));

  it("previews with the region's settings of the filing day, marking unverified ones", async () => {
    const { id } = await leshanFiling();
    const settingsOnly = await callerFor(leshanWorker).insights.leaveCalculation({ id });
    expect(settingsOnly.result).toBeNull();
    expect(settingsOnly.policyDay).toBe(today);
    expect(settingsOnly.creditingMode).toBe("pre_allocation");
    expect(settingsOnly.settings.map((s) => [s.setting, s.id, s.mark])).toEqual([
      ["insurance_year_start", leshanRows.insurance_year_start, null],
      ["crediting_mode", leshanRows.crediting_mode, null],
      ["contribution_base", expect.any(Number), "示例（未核实）"],
      ["monthly_deductions", leshanRows.monthly_deductions, "示例（未核实）"],
    ]);
    expect(settingsOnly.settings[3]?.text).toBe("大病保险 每月 8.00 元");

    // Managers read it too, like the enquiry itself.
    const preview = await callerFor(manager).insights.leaveCalculation({ id, calculation });
    if (!preview.result?.ok) throw new Error("expected a result");
    expect(preview.result.value).toMatchObject({
      creditingMode: "pre_allocation",
      insuranceYear: { start: "2025-07-01", firstMonth: "2025-07", lastMonth: "2026-06" },
      removedFen: 120_000,
      realCreditFen: 120_000,
      spentBeforeLeaveFen: 155_620,
      expectedBalanceFen: -35_620,
      unexplainedFen: 0,
      deductionSuggestion: { fen: 4_800, text: "大病保险 8.00 元/月 × 6个月 = 48.00 元" },
    });
    expect(preview.result.value.months).toHaveLength(12);

    // A figure the rule refuses is an answer for the form, not an error.
    const refused = await callerFor(leshanWorker).insights.leaveCalculation({
      id,
      calculation: { ...calculation, yearlyTotalFen: 100_000 },
    });
    expect(refused.result).toMatchObject({ ok: false, field: "yearlyTotalFen" });
    expect(
      await errorOf(callerFor(xianWorker).insights.leaveCalculation({ id, calculation })),
    ).toMatch(/^NOT_FOUND/);
  });

  it("takes nothing back where the region credits monthly", async () => {
    const { id } = await callerFor(xianWorker).enquiries.create(filing());
    const { creditingMode, result } = await callerFor(xianWorker).insights.leaveCalculation({
      id,
      calculation,
    });
    expect(creditingMode).toBe("monthly");
    if (!result?.ok) throw new Error("expected a result");
    expect(result.value).toMatchObject({
      insuranceYear: { start: "2025-01-01", end: "2025-12-31" },
      preAllocatedFen: null,
      removedFen: 0,
      realCreditFen: 12 * 20_000,
      expectedBalanceFen: 240_000 - 155_620,
    });
    expect(result.value.lines[1]).toContain("减员后不扣回已划入的资金");
  });

  it("records 计算实际划入资金 with the explanation and the figures as facts, audited", async () => {
    const { id } = await leshanFiling();
    const caller = callerFor(leshanWorker);
    const { step, enquiry } = await caller.insights.saveLeaveCalculation({
      id,
      version: 1,
      calculation,
    });
    expect(step?.kind).toBe("compute_real_credit");
    expect(step?.note).toContain(
      "实际划入资金 = 预划资金 2,400.00 元 − 减员后至医保年度末（2026年6月30日）的预划资金 1,200.00 元 = 1,200.00 元",
    );
    expect(step?.note).toContain("与计算结果一致");
    expect(step?.note).toContain("大病保险 每月 8.00 元（示例（未核实））");
    expect(enquiry.status).toBe("in_progress");

    const [stored] =
      await testDb.client`select facts from resolution_steps where id = ${step?.id as number}`;
    const facts = leaveCalculationFacts.parse(stored?.facts);
    expect(facts).toEqual({
      kind: "leave_calculation",
      creditingMode: "pre_allocation",
      insuranceYear: { start: "2025-07-01", end: insuranceYearOf("2025-07-01", 7).end },
      leaveDate: "2025-12-15",
      reductionMonth: "2025-12",
      creditStartMonth: "2025-07",
      creditedMonths: ["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"],
      removedMonths: ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"],
      monthlyCreditFen: 20_000,
      preAllocatedFen: 240_000,
      removedFen: 120_000,
      realCreditFen: 120_000,
      openingBalanceFen: 0,
      cardSpendingFen: 140_000,
      familyAidFen: 10_000,
      deductionsFen: 5_620,
      expectedBalanceFen: -35_620,
      shortfallFen: 35_620,
      reportedBalanceFen: -35_620,
      policySettingIds: [
        leshanRows.insurance_year_start,
        leshanRows.crediting_mode,
        expect.any(Number),
        leshanRows.monthly_deductions,
      ],
      unverifiedSettings: ["contribution_base", "monthly_deductions"],
    });
    // A letter reads the same facts for its sentence to the member.
    expect(
      stepSentence({ kind: "compute_real_credit", doneOn: today, dueOn: null, facts }),
    ).toContain("扣回减员后的预划资金 1,200.00 元，实际划入资金 1,200.00 元");
    const audit = await testDb.client`
      select after from audit_events where entity = 'enquiry' and entity_id = ${String(id)} and action = 'enquiry.step'`;
    expect(audit[0]?.after).toMatchObject({ step: "计算实际划入资金" });

    // Steps written by hand carry no facts.
    const { step: manual } = await caller.enquiries.addStep({
      id,
      version: enquiry.version,
      kind: "check_leave_dates",
      note: "离职日期与减员日期一致",
    });
    const [plain] =
      await testDb.client`select facts from resolution_steps where id = ${manual?.id as number}`;
    expect(plain?.facts).toBeNull();
  });

  it("refuses without 离职减员, with bad figures, stale versions and across regions", async () => {
    const caller = callerFor(leshanWorker);
    const { id: untagged } = await caller.enquiries.create(
      filing({ memberId: leshanMember.id, causes: [] }),
    );
    expect(
      await errorOf(
        caller.insights.saveLeaveCalculation({ id: untagged, version: 1, calculation }),
      ),
    ).toBe("BAD_REQUEST 请先将原因分类设为「离职减员」，再保存计算结果");
    const { id } = await leshanFiling();
    expect(
      await errorOf(
        caller.insights.saveLeaveCalculation({
          id,
          version: 1,
          calculation: { ...calculation, reductionMonth: "2025-05" },
        }),
      ),
    ).toBe("BAD_REQUEST 减员生效月份不能早于2025年6月（本医保年度起划月份的上一个月）");
    expect(
      await errorOf(caller.insights.saveLeaveCalculation({ id, version: 7, calculation })),
    ).toMatch(/^CONFLICT/);
    expect(
      await errorOf(
        callerFor(xianWorker).insights.saveLeaveCalculation({ id, version: 1, calculation }),
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
      and entity_id in (${String(earlier)}, ${String(later)}) order by entity_id::bigint`;
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
      and entity_id in (${String(a)}, ${String(b)}) order by entity_id::bigint`;
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
