import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CAUSE_CODES } from "@/db/constants";
import { RESOLVE_HOURS_EDGES } from "@/db/rollup";
import type { SeedSummary } from "@/server/cli/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { seedTestDemo } from "@/server/testing/demo";
import type { AnalyticsFilter } from "../../schemas/analytics";
import { nationwideManager } from "../../testing/actors";
import type { Actor } from "../users";
import { byMonth, byRegion, causeShare, heatmap, kpis } from "./index";

// The demo data through the rollups must give what a GROUP BY over the base tables gives.

const sichuan: Actor = { ...nationwideManager, regionScope: "510000", regionScopeName: "四川省" };

let testDb: TestDatabase;
let summary: SeedSummary;

beforeAll(async () => {
  testDb = await createTestDatabase();
  summary = await seedTestDemo(testDb.db);
});
afterAll(() => testDb.drop());

type TagRow = { month: string; province: string; city: string; cause: string; n: number };

// Cause tags straight from the base tables, months in Beijing time.
async function tagRows(): Promise<TagRow[]> {
  return testDb.client<TagRow[]>`
    select to_char(e.opened_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
      substr(e.region_code, 1, 2) || '0000' as province,
      substr(e.region_code, 1, 4) || '00' as city, c.cause::text, count(*)::int as n
    from enquiry_causes c join enquiries e on e.id = c.enquiry_id
    group by 1, 2, 3, 4`;
}

const sumWhere = (rows: TagRow[], keep: (row: TagRow) => boolean) =>
  rows.filter(keep).reduce((sum, row) => sum + row.n, 0);

describe("analytics on the demo data", () => {
  it("count cause tags per month, region and cause as the base tables do", async () => {
    const filter: AnalyticsFilter = { from: summary.fromMonth, to: summary.toMonth };
    const truth = await tagRows();
    expect(truth.reduce((sum, row) => sum + row.n, 0)).toBe(summary.causes);

    const months = await byMonth(testDb.db, nationwideManager, filter);
    expect(months.months).toHaveLength(24);
    for (const row of months.rows) {
      for (const cause of CAUSE_CODES) {
        expect([row.month, cause, row.counts[cause]]).toEqual([
          row.month,
          cause,
          sumWhere(truth, (t) => t.month === row.month && t.cause === cause),
        ]);
      }
    }

    const provinces = await byRegion(testDb.db, nationwideManager, filter);
    const provinceCodes = [...new Set(truth.map((t) => t.province))];
    expect(provinces.rows.map((r) => r.regionCode).sort()).toEqual(provinceCodes.sort());
    for (const row of provinces.rows) {
      expect(row.tags).toBe(sumWhere(truth, (t) => t.province === row.regionCode));
    }

    const shares = await causeShare(testDb.db, nationwideManager, filter);
    for (const share of shares) {
      expect(share.count).toBe(sumWhere(truth, (t) => t.cause === share.cause));
      expect(share.share).toBeCloseTo(share.count / summary.causes, 12);
    }

    const burst = await heatmap(testDb.db, nationwideManager, {
      filter: { ...filter, regionCode: summary.burst.regionCode.slice(0, 2).padEnd(6, "0") },
      cause: "system_delay",
    });
    const cell = burst.cells.find(
      (c) => c.regionCode === summary.burst.regionCode && c.month === summary.burst.month,
    );
    expect(cell?.count).toBe(
      sumWhere(
        truth,
        (t) =>
          t.city === summary.burst.regionCode &&
          t.month === summary.burst.month &&
          t.cause === "system_delay",
      ),
    );
    expect(burst.max).toBe(cell?.count);
  });

  it("work out the key figures as the base tables do, for a province and a filter", async () => {
    const filter: AnalyticsFilter = {
      from: "2025-04",
      to: "2026-03",
      causes: ["resignation", "system_delay"],
      symptoms: ["negative", "sudden_drop", "zero"],
    };
    const result = await kpis(testDb.db, sichuan, filter);
    const [truth] = await testDb.client<
      {
        enquiries: number;
        previous: number;
        backlog: number;
        resolved: number;
        onTime: number;
        followedUp: number;
        satisfied: number;
        median: number;
      }[]
    >`
      with scoped as (
        select e.*, to_char(e.opened_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
          extract(epoch from e.resolved_at - e.opened_at) / 3600 as hours
        from enquiries e join enquiry_causes c on c.enquiry_id = e.id and c.is_primary
        where e.region_code between '510000' and '519999'
          and c.cause in ('resignation', 'system_delay')
          and e.symptom in ('negative', 'sudden_drop', 'zero')
      ), current as (select * from scoped where month between '2025-04' and '2026-03')
      select (select count(*) from current)::int as enquiries,
        (select count(*) from scoped where month between '2024-04' and '2025-03')::int as previous,
        (select count(*) from scoped
          where bd_is_open(status))::int as backlog,
        (select count(resolved_at) from current)::int as resolved,
        (select count(*) from current where resolved_at <= due_at)::int as "onTime",
        (select count(satisfaction) from current)::int as "followedUp",
        (select count(*) from current
          where satisfaction in ('satisfied', 'mostly_satisfied'))::int as satisfied,
        (select percentile_cont(0.5) within group (order by hours) from current)::float8 as median`;
    if (!truth) throw new Error("no truth row");
    expect(truth.enquiries).toBeGreaterThan(20);
    expect(truth.resolved).toBeGreaterThan(10);
    expect(result).toMatchObject({
      enquiries: truth.enquiries,
      previousEnquiries: truth.previous,
      openBacklog: truth.backlog,
      onTimeShare: truth.onTime / truth.resolved,
      satisfactionRate: truth.satisfied / truth.followedUp,
    });
    expect(result.change).toBeCloseTo((truth.enquiries - truth.previous) / truth.previous, 12);
    // The histogram keeps buckets, not values: the estimate lies in the exact median's bucket.
    const bucket = RESOLVE_HOURS_EDGES.findLastIndex((edge) => truth.median >= edge);
    const lower = RESOLVE_HOURS_EDGES[bucket] ?? 0;
    const upper = RESOLVE_HOURS_EDGES[bucket + 1] ?? Number.POSITIVE_INFINITY;
    expect(result.medianResolveHours).toBeGreaterThanOrEqual(lower);
    expect(result.medianResolveHours).toBeLessThanOrEqual(upper);

    const months = await byMonth(testDb.db, sichuan, filter);
    const tagsByMonth = await testDb.client<{ month: string; n: number }[]>`
      select to_char(e.opened_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
        count(*)::int as n
      from enquiry_causes c join enquiries e on e.id = c.enquiry_id
      where e.region_code between '510000' and '519999'
        and c.cause in ('resignation', 'system_delay')
        and e.symptom in ('negative', 'sudden_drop', 'zero')
      group by 1`;
    for (const row of months.rows) {
      const expected = tagsByMonth.find((t) => t.month === row.month)?.n ?? 0;
      expect([row.month, row.tags]).toEqual([row.month, expected]);
    }
  });
});
