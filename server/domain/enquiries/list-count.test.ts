import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedBulk } from "@/server/cli/seed/bulk";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { DEMO_NOW, seedTestDemo } from "@/server/testing/demo";
import { nationwideManager } from "../../testing/actors";
import type { Actor } from "../users";
import { COUNT_CAP, countEnquiries } from "./count";
import { listEnquiries } from "./list";

let testDb: TestDatabase;
const manager = nationwideManager;
// 西安市: one of the seeded cities.
const xian: Actor = { ...manager, regionScope: "610100", regionScopeName: "西安市" };

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedTestDemo(testDb.db, { enquiries: 300 });
  const piiKey = process.env.PII_KEY as string;
  await seedBulk(testDb.client, { piiKey, now: DEMO_NOW, enquiries: 1_200 });
});

afterAll(async () => {
  await testDb?.drop();
});

async function sqlCount(where: string): Promise<number> {
  const [row] = await testDb.client.unsafe<{ n: number }[]>(
    `select count(*)::int as n from enquiries e where ${where}`,
  );
  return row?.n ?? 0;
}

// Every page of the list, for comparing with the count.
async function allIds(actor: Actor, input: Parameters<typeof countEnquiries>[2]) {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const page = await listEnquiries(testDb.db, actor, { ...input, limit: 100, cursor });
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

describe("countEnquiries", () => {
  it("stops at the cap and says so", async () => {
    expect(await sqlCount("true")).toBeGreaterThan(COUNT_CAP);
    expect(await countEnquiries(testDb.db, manager, {})).toEqual({
      total: COUNT_CAP,
      capped: true,
    });
  });

  it("counts a cause within a region scope as the rows the list pages through", async () => {
    const input = { cause: ["resignation" as const], status: ["followed_up" as const] };
    const expected = await sqlCount(
      `e.region_code between '610100' and '610199' and e.status = 'followed_up'
       and exists (select 1 from enquiry_causes c where c.enquiry_id = e.id and c.cause = 'resignation')`,
    );
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(COUNT_CAP);
    expect(await countEnquiries(testDb.db, xian, input)).toEqual({
      total: expected,
      capped: false,
    });
    expect(await allIds(xian, input)).toHaveLength(expected);
  });

  it("counts a sub-reason like the list, and only enquiries tagged with it", async () => {
    const input = { cause: ["policy_reform" as const], subReason: ["outpatient_reform" as const] };
    const expected = await sqlCount(
      `exists (select 1 from enquiry_causes c where c.enquiry_id = e.id
         and c.cause = 'policy_reform' and c.sub_reason = 'outpatient_reform')`,
    );
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(COUNT_CAP);
    expect(await countEnquiries(testDb.db, manager, input)).toEqual({
      total: expected,
      capped: false,
    });
    const page = await listEnquiries(testDb.db, manager, { ...input, limit: 100 });
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) {
      expect(item.causes).toContainEqual(
        expect.objectContaining({ cause: "policy_reform", subReason: "outpatient_reform" }),
      );
    }
  });

  it("counts a two-character search and a longer one like the list", async () => {
    for (const q of ["负数", "离职后", "个账"]) {
      const ids = await allIds(xian, { q });
      const count = await countEnquiries(testDb.db, xian, { q });
      expect({ q, total: count.total }).toEqual({ q, total: Math.min(ids.length, COUNT_CAP) });
      expect(ids.length).toBeGreaterThan(0);
    }
  });
});

describe("listEnquiries paging", () => {
  it("neither skips nor repeats rows that share a millisecond", async () => {
    // Five rows a microsecond apart: a millisecond cursor would stop inside the group.
    const picked = await testDb.client<{ id: number }[]>`
      select id::int as id from enquiries where region_code between '610100' and '610199'
      order by id limit 5`;
    const ids = picked.map((row) => row.id);
    await testDb.client`
      update enquiries set opened_at = '2030-01-01T00:00:00.123400Z'::timestamptz
        + (id - ${Math.min(...ids)}) * interval '1 microsecond'
      where id = any(${ids})`;
    const seen: number[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 5; page++) {
      const result = await listEnquiries(testDb.db, xian, { limit: 1, cursor });
      seen.push(...result.items.map((item) => item.id));
      cursor = result.nextCursor;
    }
    expect(seen).toEqual([...ids].sort((a, b) => b - a));
  });
});
