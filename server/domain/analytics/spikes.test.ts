import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeedSummary } from "@/server/cli/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { seedTestDemo } from "@/server/testing/demo";
import { shiftMonth } from "../../rules/calendar-day";
import { isWorkingDay } from "../../rules/working-days";
import { nationwideManager } from "../../testing/actors";
import { spikes } from "./spikes";

// The demo data holds one data-sync incident (a 系统延迟 burst in 无锡, db/seed-plan.ts) and
// otherwise only seasonal swings and noise: the alerts must find the one and stay quiet on the
// rest, whatever the filter.

let testDb: TestDatabase;
let summary: SeedSummary;

beforeAll(async () => {
  testDb = await createTestDatabase();
  summary = await seedTestDemo(testDb.db);
});
afterAll(() => testDb.drop());

describe("spike alerts on the demo data", () => {
  it("find the 无锡 系统延迟 burst and nothing else over the whole period", async () => {
    const result = await spikes(testDb.db, nationwideManager, {
      from: summary.fromMonth,
      to: summary.toMonth,
    });
    expect(result.rows.map((row) => [row.month, row.regionName, row.cause])).toEqual([
      [summary.burst.month, "无锡市", "system_delay"],
    ]);
    const [burst] = result.rows;
    expect(burst?.regionCode).toBe(summary.burst.regionCode);
    // No policy marker that month in 无锡: an anomaly, not a known policy effect.
    expect(burst?.policyMarker).toBeNull();
    expect(burst?.count).toBeGreaterThanOrEqual(5);
    expect(burst?.count).toBeGreaterThan(5 * Math.max(1, burst?.baseline ?? 0));
    expect(burst?.count).toBeGreaterThan(burst?.threshold ?? Number.POSITIVE_INFINITY);
  });

  it("count exactly the cause tags behind the flagged cell", async () => {
    const result = await spikes(testDb.db, nationwideManager, {
      from: summary.burst.month,
      to: summary.burst.month,
    });
    const [truth] = await testDb.client<{ n: number }[]>`
      select count(*)::int as n from enquiry_causes c join enquiries e on e.id = c.enquiry_id
      where c.cause = 'system_delay' and e.region_code = ${summary.burst.regionCode}
        and to_char(e.opened_at at time zone 'Asia/Shanghai', 'YYYY-MM') = ${summary.burst.month}`;
    expect(result.rows[0]?.count).toBe(truth?.n);
  });

  it("judge no month whose six months before lie partly before the records", async () => {
    const result = await spikes(testDb.db, nationwideManager, {
      from: summary.fromMonth,
      to: shiftMonth(summary.fromMonth, 5),
    });
    expect(result.rows).toEqual([]);
  });

  it("follow the dashboard's filters and the caller's scope", async () => {
    const period = { from: shiftMonth(summary.toMonth, -11), to: summary.toMonth };
    const jiangsu = await spikes(testDb.db, nationwideManager, { ...period, regionCode: "320000" });
    expect(jiangsu.rows.map((row) => row.regionName)).toEqual(["无锡市"]);
    const delays = await spikes(testDb.db, nationwideManager, {
      ...period,
      causes: ["system_delay"],
    });
    expect(delays.rows).toHaveLength(1);

    const quiet = [
      await spikes(testDb.db, nationwideManager, { ...period, regionCode: "510000" }),
      await spikes(testDb.db, nationwideManager, {
        ...period,
        causes: ["policy_reform", "resignation"],
      }),
      await spikes(testDb.db, nationwideManager, {
        from: shiftMonth(summary.burst.month, 1),
        to: summary.toMonth,
      }),
      await spikes(
        testDb.db,
        { ...nationwideManager, regionScope: "510000", regionScopeName: "四川省" },
        period,
      ),
    ];
    expect(quiet.map((result) => result.rows.length)).toEqual([0, 0, 0, 0]);
  });
});

describe("re-check dates and due dates in the same demo data", () => {
  it("are set on open 系统延迟 enquiries without a recorded 复查, and only there", async () => {
    const rows = await testDb.client<{ pending: boolean; dated: boolean; n: number }[]>`
      select (bd_is_open(e.status)
              and exists (select 1 from enquiry_causes c
                          where c.enquiry_id = e.id and c.cause = 'system_delay')
              and not exists (select 1 from resolution_steps s
                              where s.enquiry_id = e.id and s.kind = 'recheck')) as pending,
             e.recheck_due_on is not null as dated, count(*)::int as n
      from enquiries e group by 1, 2`;
    expect(rows.filter((row) => row.pending !== row.dated)).toEqual([]);
    expect(rows.find((row) => row.dated)?.n).toBeGreaterThan(0);
  });

  it("fall on working days", async () => {
    const rows = await testDb.client<{ due: string; recheck: string | null }[]>`
      select due_at as due, recheck_due_on::text as recheck from enquiries`;
    const notWorking = rows.filter(
      (row) =>
        !isWorkingDay(new Date(row.due)) || (row.recheck !== null && !isWorkingDay(row.recheck)),
    );
    expect(notWorking).toEqual([]);
  });
});

describe("spike alerts on a demo period whose burst falls in July", () => {
  it("find the burst; any other alert is the burst's own or a July 政策改革 peak", async () => {
    const other = await createTestDatabase();
    try {
      const july = await seedTestDemo(other.db, { now: new Date("2025-12-30T10:00:00+08:00") });
      const result = await spikes(other.db, nationwideManager, {
        from: july.fromMonth,
        to: july.toMonth,
      });
      expect(result.rows).toContainEqual(
        expect.objectContaining({
          month: july.burst.month,
          regionName: "无锡市",
          cause: "system_delay",
        }),
      );
      // The incident also brings the causes tagged beside 系统延迟 (an inactive card, identity
      // data) in that city and month; anything else is the July peak of 政策改革.
      const rest = result.rows.filter(
        (row) =>
          row.cause !== "system_delay" &&
          !(row.regionName === "无锡市" && row.month === july.burst.month),
      );
      for (const row of rest) {
        expect([row.cause, row.month.slice(5)]).toEqual(["policy_reform", "07"]);
      }
    } finally {
      await other.drop();
    }
  });
});
