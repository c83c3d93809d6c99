import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { regions } from "./schema";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.drop());

describe("migrations", () => {
  it("apply to an empty database and create every table", async () => {
    const tables = await testDb.client<{ table_name: string }[]>`
      select table_name from information_schema.tables where table_schema = 'public' order by 1`;
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining([
        "audit_events",
        "enquiries",
        "enquiry_causes",
        "members",
        "regions",
        "resolution_steps",
        "users",
      ]),
    );
  });

  it("load every province and city of GB/T 2260", async () => {
    const byLevel = await testDb.db
      .select({ level: regions.level, n: count() })
      .from(regions)
      .groupBy(regions.level);
    const n = Object.fromEntries(byLevel.map((r) => [r.level, r.n]));
    expect(n.province).toBe(31);
    expect(n.city).toBeGreaterThan(330);
    expect(n.district).toBeGreaterThan(2800);
    const [leshan] = await testDb.db.select().from(regions).where(eq(regions.code, "511100"));
    expect(leshan).toMatchObject({ name: "乐山市", level: "city", parentCode: "510000" });
    const [shanghai] = await testDb.db.select().from(regions).where(eq(regions.code, "310100"));
    expect(shanghai?.name).toBe("上海市");
  });
});
