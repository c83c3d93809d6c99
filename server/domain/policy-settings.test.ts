import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POLICY_SETTING_CODES } from "@/db/constants";
import { emptyDemoTables } from "@/db/reset";
import { auditEvents, regionPolicySettings } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createSignedInUser, type SignedInTestUser } from "@/server/testing/factories";
import { NATIONAL_DEFAULTS } from "@/server/testing/policy";
import { seedPolicySettings } from "../cli/seed/policy-settings";
import { DEMO_POLICY_SETTINGS } from "../cli/seed/policy-values";
import { callerWith, failureOf } from "../testing/callers";
import { loadPolicy } from "./policy-settings";

const SUZHOU = "320500";
const SHANGHAI_HUANGPU = "310101";

let testDb: TestDatabase;
let admin: SignedInTestUser;
let suzhouAdmin: SignedInTestUser;

beforeAll(async () => {
  testDb = await createTestDatabase();
  admin = await createSignedInUser(testDb.db, { role: "admin", regionScope: null });
  suzhouAdmin = await createSignedInUser(testDb.db, { role: "admin", regionScope: SUZHOU });
  await seedPolicySettings(testDb.db);
});
afterAll(() => testDb.drop());

describe("regional policy settings in the database", () => {
  it("has a national default for every setting from the migrations, each fitting its schema", async () => {
    const rows = await testDb.db.select().from(regionPolicySettings);
    const national = rows.filter((row) => row.regionCode === null).map((row) => row.setting);
    expect(national.sort()).toEqual([...POLICY_SETTING_CODES].sort());
    // The policy the tests build without a database is the one the migration writes.
    for (const row of rows.filter((r) => r.regionCode === null)) {
      expect(row.value, row.setting).toEqual(NATIONAL_DEFAULTS[row.setting]);
    }
    // Resolving checks every value against its schema.
    await loadPolicy(testDb.db, "650100", "2026-01-01");
  });

  it("stores every demo value, with its source or as an unverified example", async () => {
    const rows = await testDb.db.select().from(regionPolicySettings);
    expect(rows.filter((row) => row.regionCode !== null)).toHaveLength(DEMO_POLICY_SETTINGS.length);
    const suzhou2025 = rows.find(
      (row) => row.regionCode === SUZHOU && row.effectiveFrom === "2025-01-01",
    );
    expect(suzhou2025).toMatchObject({
      verified: true,
      value: { kind: "fixed", monthlyFen: 3_000 },
    });
    expect(rows.filter((row) => !row.verified).every((row) => row.sourceNote.length > 0)).toBe(
      true,
    );
  });

  it("answers each demo city's own rules on a day", async () => {
    const before = await loadPolicy(testDb.db, SUZHOU, "2024-12-31");
    const after = await loadPolicy(testDb.db, SUZHOU, "2025-01-01");
    expect(before.retiree_allocation.value).toEqual({ kind: "fixed", monthlyFen: 5_000 });
    expect(after.retiree_allocation.value).toEqual({ kind: "fixed", monthlyFen: 3_000 });
    const shanghai = await loadPolicy(testDb.db, SHANGHAI_HUANGPU, "2026-01-01");
    expect(shanghai.insurance_year_start.value.month).toBe(4);
    expect(shanghai.reform_start.value.date).not.toBeNull();
    expect(
      (await loadPolicy(testDb.db, "340100", "2026-01-01")).member_hotline.value.text,
    ).toContain("0551");
  });

  it("adds a version from its date, audited in words, leaving the earlier one as it was", async () => {
    const { id } = await callerWith(testDb.db, admin.session).policySettings.add({
      regionCode: SUZHOU,
      setting: "monthly_deductions",
      value: { items: [{ name: "大额医疗补助", monthlyFen: 1_500 }] },
      effectiveFrom: "2027-01-01",
      sourceNote: "苏州市医保局2026年第12号通知",
      verified: true,
    });
    expect(
      (await loadPolicy(testDb.db, SUZHOU, "2026-12-31")).monthly_deductions.value.items,
    ).toEqual([]);
    expect((await loadPolicy(testDb.db, SUZHOU, "2027-01-01")).monthly_deductions.id).toBe(id);
    const [audit] = await testDb.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, String(id)));
    expect(audit).toMatchObject({
      action: "policy_setting.create",
      entity: "policy_setting",
      after: expect.objectContaining({ region: "苏州市", value: "大额医疗补助 每月 15.00 元" }),
    });
  });

  it("refuses a value that does not fit, a second version on the same day, and a wider reach", async () => {
    const base = {
      regionCode: SUZHOU,
      setting: "insurance_year_start" as const,
      value: { month: 7 },
      effectiveFrom: "2028-07-01",
      sourceNote: "测试用来源说明",
      verified: false,
    };
    const asAdmin = callerWith(testDb.db, admin.session).policySettings;
    const asSuzhou = callerWith(testDb.db, suzhouAdmin.session).policySettings;
    expect(await failureOf(asAdmin.add({ ...base, value: { month: 3 } }))).toEqual({
      code: "BAD_REQUEST",
      message: "医保年度起始月须为1月、4月或7月",
    });
    await asAdmin.add(base);
    expect(await failureOf(asAdmin.add(base))).toEqual({
      code: "BAD_REQUEST",
      message: "该地区此参数在这一天已有版本，请选择其他生效日期",
    });
    expect((await failureOf(asSuzhou.add({ ...base, regionCode: null }))).message).toBe(
      "全国默认值只能由全辖区的系统管理员修改",
    );
    expect((await failureOf(asSuzhou.add({ ...base, regionCode: "320200" }))).code).toBe(
      "NOT_FOUND",
    );
  });

  // Last: it empties the database.
  it("keeps the national defaults through the demo reset and drops every other version", async () => {
    await emptyDemoTables(testDb.client);
    const rows = await testDb.db.select().from(regionPolicySettings);
    expect(rows.map((row) => row.setting).sort()).toEqual([...POLICY_SETTING_CODES].sort());
    expect(rows.every((row) => row.regionCode === null && row.createdBy === null)).toBe(true);
    await seedPolicySettings(testDb.db);
  });
});
