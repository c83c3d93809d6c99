import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, policyEvents } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createSignedInUser, type SignedInTestUser } from "@/server/testing/factories";
import { seedPolicySettings } from "../../cli/seed/policy-settings";
import { callerWith, errorCode } from "../../testing/callers";

// 政策节点: admins add and delete them (audited), managers see them as chart markers.

let testDb: TestDatabase;
let admin: SignedInTestUser;
let manager: SignedInTestUser;
let caseworker: SignedInTestUser;

const callerFor = (user: SignedInTestUser) => callerWith(testDb.db, user.session);

const auditOf = (action: string, id: number) =>
  testDb.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, String(id))));

beforeAll(async () => {
  testDb = await createTestDatabase();
  admin = await createSignedInUser(testDb.db, { role: "admin" });
  manager = await createSignedInUser(testDb.db, { role: "manager" });
  caseworker = await createSignedInUser(testDb.db, { role: "caseworker", regionScope: "610100" });
  await seedPolicySettings(testDb.db);
});
afterAll(() => testDb.drop());

describe("policy events", () => {
  it("are added by an admin, with an audit row in the same write", async () => {
    const created = await callerFor(admin).policyEvents.create({
      effectiveOn: "2025-07-01",
      regionCode: "320200",
      label: "缴费基数调整",
      description: "无锡市 2025 年度职工医保缴费基数下限上调",
    });
    expect(created).toMatchObject({ regionName: "无锡市", createdBy: admin.id });
    const [audit] = await auditOf("policy_event.create", created.id);
    expect(audit).toMatchObject({
      actorId: admin.id,
      entity: "policy_event",
      after: {
        effectiveOn: "2025-07-01",
        region: "无锡市",
        label: "缴费基数调整",
        description: "无锡市 2025 年度职工医保缴费基数下限上调",
      },
    });
    const listed = await callerFor(admin).policyEvents.list();
    expect(
      listed.map((event) => [event.label, event.regionName, event.createdByName]),
    ).toContainEqual(["缴费基数调整", "无锡市", admin.displayName]);
  });

  it("are refused to managers and caseworkers", async () => {
    const valid = { effectiveOn: "2025-01-01", regionCode: null, label: "测试" };
    expect(await errorCode(callerFor(manager).policyEvents.create(valid))).toBe("FORBIDDEN");
    expect(await errorCode(callerFor(caseworker).policyEvents.list())).toBe("FORBIDDEN");
    expect(await errorCode(callerFor(manager).policyEvents.delete({ id: 1 }))).toBe("FORBIDDEN");
    const stored = await testDb.db
      .select()
      .from(policyEvents)
      .where(eq(policyEvents.label, "测试"));
    expect(stored).toEqual([]);
  });

  it("need a province or city that exists and a real date", async () => {
    const caller = callerFor(admin);
    const base = { effectiveOn: "2025-03-01", label: "地区校验" };
    expect(await errorCode(caller.policyEvents.create({ ...base, regionCode: "990100" }))).toBe(
      "BAD_REQUEST",
    );
    expect(await errorCode(caller.policyEvents.create({ ...base, regionCode: "320205" }))).toBe(
      "BAD_REQUEST",
    );
    expect(
      await errorCode(
        caller.policyEvents.create({ ...base, effectiveOn: "2025-02-30", regionCode: null }),
      ),
    ).toBe("BAD_REQUEST");
  });

  it("are deleted by an admin with the deleted values in the audit row", async () => {
    const caller = callerFor(admin);
    const created = await caller.policyEvents.create({
      effectiveOn: "2024-01-01",
      regionCode: null,
      label: "退休人员划入调整",
    });
    await caller.policyEvents.delete({ id: created.id });
    const [audit] = await auditOf("policy_event.delete", created.id);
    expect(audit).toMatchObject({
      actorId: admin.id,
      before: { effectiveOn: "2024-01-01", region: "全国", label: "退休人员划入调整" },
    });
    expect(await errorCode(caller.policyEvents.delete({ id: created.id }))).toBe("NOT_FOUND");
    expect((await caller.policyEvents.list()).map((event) => event.id)).not.toContain(created.id);
  });
});

describe("policy markers on the monthly chart", () => {
  it("mark each region's own reform date and the month its insurance year starts", async () => {
    const builtIn = async (regionCode?: string) =>
      (
        await callerFor(manager).analytics.policyMarkers({
          from: "2021-06",
          to: "2023-06",
          regionCode,
        })
      )
        .filter((m) => m.builtIn)
        .map((m) => [m.month, m.label, m.regionName]);
    // 上海's year runs from April; 乐山 (四川省) from July; 苏州 (江苏省) by calendar year.
    expect(await builtIn("310100")).toEqual([
      ["2021-12", "门诊共济改革", "上海市"],
      ["2022-04", "医保年度切换", "上海市"],
      ["2023-04", "医保年度切换", "上海市"],
    ]);
    expect(await builtIn("511100")).toEqual([
      ["2021-07", "医保年度切换", "乐山市"],
      ["2022-07", "门诊共济改革", "四川省"],
      ["2022-07", "医保年度切换", "乐山市"],
    ]);
    expect((await builtIn("320500")).map(([month, label]) => `${month} ${label}`)).toEqual([
      "2022-01 门诊共济改革",
      "2022-01 医保年度切换",
      "2023-01 医保年度切换",
    ]);
    // The whole country: every province's reform date, and the national default's year turn.
    const national = await builtIn();
    expect(national.filter(([, label]) => label === "门诊共济改革").length).toBeGreaterThan(5);
    expect(
      national.filter(([, label]) => label === "医保年度切换").map(([month]) => month),
    ).toEqual(["2022-01", "2023-01"]);
  });

  it("show a city's event on its province and itself, not elsewhere", async () => {
    const caller = callerFor(manager);
    const period = { from: "2025-01", to: "2025-12" };
    const labels = async (regionCode?: string) =>
      (await caller.analytics.policyMarkers({ ...period, regionCode }))
        .filter((marker) => !marker.builtIn)
        .map((marker) => marker.label);
    expect(await labels()).toContain("缴费基数调整");
    expect(await labels("320000")).toContain("缴费基数调整");
    expect(await labels("320200")).toContain("缴费基数调整");
    expect(await labels("510000")).not.toContain("缴费基数调整");
    expect(await labels("320500")).not.toContain("缴费基数调整");
    const outside = await caller.analytics.policyMarkers({ from: "2024-01", to: "2024-12" });
    expect(outside.map((marker) => marker.label)).not.toContain("缴费基数调整");
  });
});
