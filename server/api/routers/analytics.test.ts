import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CAUSE_CODES, type Cause } from "@/db/constants";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import {
  createMember,
  createSignedInUser,
  type SignedInTestUser,
} from "@/server/testing/factories";
import { shanghaiDayStart, shiftMonth } from "../../rules/calendar-day";
import type { AnalyticsFilter, CauseCounts } from "../../schemas/analytics";
import { defaultPeriod } from "../../schemas/analytics-params";
import { insertEnquiry } from "../../testing/analytics";
import { callerWith, errorCode, testPii as pii } from "../../testing/callers";
import { testClock } from "../../testing/clock";

const SICHUAN = "510000";
const CHENGDU = "510100";
const LESHAN = "511100";
const LESHAN_SHIZHONG = "511102";
const SHAANXI = "610000";
const XIAN = "610100";
const HOUR_MS = 3_600_000;

let testDb: TestDatabase;
let manager: SignedInTestUser;
let sichuanManager: SignedInTestUser;
let leshanManager: SignedInTestUser;
let admin: SignedInTestUser;
let caseworker: SignedInTestUser;
let memberId: number;

const callerFor = (user: SignedInTestUser) => callerWith(testDb.db, user.session);

const at = (beijing: string) => new Date(`${beijing}+08:00`);
const hoursAfter = (start: Date, hours: number) => new Date(start.getTime() + hours * HOUR_MS);

function counts(partial: Partial<CauseCounts>): CauseCounts {
  return { ...Object.fromEntries(CAUSE_CODES.map((c) => [c, 0])), ...partial } as CauseCounts;
}

// Nine enquiries with known figures. The period under test is 2025-01 … 2025-03; E7 and E8 lie
// in the three months before it, E9 after it. E2 is filed in a district of 乐山 (counts for the
// city) half an hour before February in Beijing; E3 ten minutes after, which is still January
// in UTC.
async function insertKnownData() {
  const base = { memberId, createdBy: admin.id };
  const e1 = at("2025-01-10T10:00:00");
  await insertEnquiry(testDb.db, {
    ...base,
    regionCode: LESHAN,
    openedAt: e1,
    symptom: "negative",
    channel: "counter",
    resolvedAt: hoursAfter(e1, 5),
    causes: ["resignation", "other"],
  });
  const e2 = at("2025-01-31T23:30:00");
  await insertEnquiry(testDb.db, {
    ...base,
    regionCode: LESHAN_SHIZHONG,
    openedAt: e2,
    symptom: "sudden_drop",
    channel: "hotline_12393",
    status: "followed_up",
    resolvedAt: hoursAfter(e2, 30),
    satisfaction: "satisfied",
    causes: ["family_aid"],
  });
  await insertEnquiry(testDb.db, {
    ...base,
    regionCode: CHENGDU,
    openedAt: at("2025-02-01T00:10:00"),
    symptom: "zero",
    channel: "online",
    causes: ["system_delay", "policy_reform"],
  });
  const e4 = at("2025-02-15T09:00:00");
  await insertEnquiry(testDb.db, {
    ...base,
    regionCode: CHENGDU,
    openedAt: e4,
    symptom: "negative",
    channel: "counter",
    status: "followed_up",
    dueAt: hoursAfter(e4, 48),
    resolvedAt: hoursAfter(e4, 100),
    satisfaction: "dissatisfied",
    causes: ["resignation"],
  });
  await insertEnquiry(testDb.db, {
    ...base,
    regionCode: XIAN,
    openedAt: at("2025-03-03T11:00:00"),
    symptom: "mismatch",
    channel: "counter",
    status: "in_progress",
    causes: ["policy_reform"],
  });
  await insertEnquiry(testDb.db, {
    ...base,
    regionCode: XIAN,
    openedAt: at("2025-03-20T15:00:00"),
    symptom: "unusable",
    channel: "online",
  });
  await insertEnquiry(testDb.db, {
    ...base,
    regionCode: XIAN,
    openedAt: at("2024-12-05T09:00:00"),
    symptom: "negative",
    channel: "counter",
    causes: ["resignation"],
  });
  const e8 = at("2024-11-11T14:00:00");
  await insertEnquiry(testDb.db, {
    ...base,
    regionCode: LESHAN,
    openedAt: e8,
    symptom: "zero",
    channel: "online",
    status: "followed_up",
    resolvedAt: hoursAfter(e8, 3),
    satisfaction: "mostly_satisfied",
    causes: ["other"],
  });
  await insertEnquiry(testDb.db, {
    ...base,
    regionCode: XIAN,
    openedAt: at("2025-04-02T10:00:00"),
    symptom: "zero",
    channel: "counter",
    causes: ["system_delay"],
  });
}

const period: AnalyticsFilter = { from: "2025-01", to: "2025-03" };

beforeAll(async () => {
  testDb = await createTestDatabase();
  manager = await createSignedInUser(testDb.db, { role: "manager" });
  sichuanManager = await createSignedInUser(testDb.db, { role: "manager", regionScope: SICHUAN });
  leshanManager = await createSignedInUser(testDb.db, { role: "manager", regionScope: LESHAN });
  admin = await createSignedInUser(testDb.db, { role: "admin" });
  caseworker = await createSignedInUser(testDb.db, { role: "caseworker", regionScope: LESHAN });
  memberId = (await createMember(testDb.db, pii, { regionCode: LESHAN })).id;
  await insertKnownData();
});
afterAll(() => testDb.drop());

describe("cause tags by month", () => {
  it("counts every tag in its Beijing month and fills empty months", async () => {
    const result = await callerFor(manager).analytics.byMonth(period);
    expect(result.months).toEqual(["2025-01", "2025-02", "2025-03"]);
    expect(result.rows).toEqual([
      {
        month: "2025-01",
        counts: counts({ resignation: 1, other: 1, family_aid: 1 }),
        tags: 3,
      },
      {
        month: "2025-02",
        counts: counts({ system_delay: 1, policy_reform: 1, resignation: 1 }),
        tags: 3,
      },
      { month: "2025-03", counts: counts({ policy_reform: 1 }), tags: 1 },
    ]);
  });

  it("applies the cause, symptom, channel, region and period filters", async () => {
    const tagsOf = async (filter: Partial<AnalyticsFilter>) =>
      (await callerFor(manager).analytics.byMonth({ ...period, ...filter })).rows.map(
        (row) => row.tags,
      );
    expect(await tagsOf({ causes: ["resignation"] })).toEqual([1, 1, 0]);
    expect(await tagsOf({ causes: ["resignation", "policy_reform"] })).toEqual([1, 2, 1]);
    expect(await tagsOf({ symptoms: ["negative"] })).toEqual([2, 1, 0]);
    expect(await tagsOf({ channels: ["online"] })).toEqual([0, 2, 0]);
    expect(await tagsOf({ regionCode: SICHUAN })).toEqual([3, 3, 0]);
    expect(await tagsOf({ regionCode: LESHAN })).toEqual([3, 0, 0]);
    expect(await tagsOf({ regionCode: XIAN, symptoms: ["mismatch", "unusable"] })).toEqual([
      0, 0, 1,
    ]);
    expect(await tagsOf({ from: "2024-11", to: "2024-12" })).toEqual([1, 1]);
    const filtered = await callerFor(manager).analytics.byMonth({
      ...period,
      causes: ["resignation"],
    });
    expect(filtered.rows[1]?.counts).toEqual(counts({ resignation: 1 }));
  });

  it("agrees with the enquiry list's count for one cause and one month", async () => {
    const m = callerFor(manager);
    const months = await m.analytics.byMonth(period);
    for (const row of months.rows) {
      for (const cause of CAUSE_CODES) {
        const list = await m.enquiries.count({
          cause: [cause],
          openedFrom: shanghaiDayStart(`${row.month}-01`),
          openedTo: shanghaiDayStart(`${shiftMonth(row.month, 1)}-01`),
        });
        expect({ month: row.month, cause, n: list.total }).toEqual({
          month: row.month,
          cause,
          n: row.counts[cause],
        });
      }
    }
  });
});

describe("cause tags by region", () => {
  it("rolls cities up to provinces when no region is chosen", async () => {
    const result = await callerFor(manager).analytics.byRegion(period);
    expect(result).toEqual({
      level: "province",
      rows: [
        {
          regionCode: SICHUAN,
          regionName: "四川省",
          counts: counts({
            resignation: 2,
            other: 1,
            family_aid: 1,
            system_delay: 1,
            policy_reform: 1,
          }),
          tags: 6,
        },
        {
          regionCode: SHAANXI,
          regionName: "陕西省",
          counts: counts({ policy_reform: 1 }),
          tags: 1,
        },
      ],
    });
  });

  it("lists a province's cities, a district counting for its city, or one city", async () => {
    const m = callerFor(manager);
    const cities = await m.analytics.byRegion({ ...period, regionCode: SICHUAN });
    expect(cities.level).toBe("city");
    expect(cities.rows.map((r) => [r.regionCode, r.regionName, r.tags])).toEqual([
      [CHENGDU, "成都市", 3],
      [LESHAN, "乐山市", 3],
    ]);
    const one = await m.analytics.byRegion({ ...period, regionCode: LESHAN });
    expect(one).toEqual({
      level: "city",
      rows: [
        {
          regionCode: LESHAN,
          regionName: "乐山市",
          counts: counts({ resignation: 1, other: 1, family_aid: 1 }),
          tags: 3,
        },
      ],
    });
    const resignations = await m.analytics.byRegion({ ...period, causes: ["resignation"] });
    expect(resignations.rows.map((r) => [r.regionCode, r.tags])).toEqual([[SICHUAN, 2]]);
  });

  it("rejects a district, which the rollups do not keep apart", async () => {
    expect(
      await errorCode(
        callerFor(manager).analytics.byRegion({ ...period, regionCode: LESHAN_SHIZHONG }),
      ),
    ).toBe("BAD_REQUEST");
  });
});

describe("heatmap", () => {
  it("counts all tags, or one cause's, per region and month", async () => {
    const m = callerFor(manager);
    const all = await m.analytics.heatmap({ filter: period });
    expect(all).toEqual({
      months: ["2025-01", "2025-02", "2025-03"],
      regions: [
        { code: SICHUAN, name: "四川省" },
        { code: SHAANXI, name: "陕西省" },
      ],
      cells: expect.arrayContaining([
        { regionCode: SICHUAN, month: "2025-01", count: 3 },
        { regionCode: SICHUAN, month: "2025-02", count: 3 },
        { regionCode: SHAANXI, month: "2025-03", count: 1 },
      ]),
      max: 3,
    });
    expect(all.cells).toHaveLength(3);

    const reform = await m.analytics.heatmap({ filter: period, cause: "policy_reform" });
    expect(reform.cells).toHaveLength(2);
    expect(reform.cells).toEqual(
      expect.arrayContaining([
        { regionCode: SICHUAN, month: "2025-02", count: 1 },
        { regionCode: SHAANXI, month: "2025-03", count: 1 },
      ]),
    );
    expect(reform.max).toBe(1);

    const cities = await m.analytics.heatmap({
      filter: { ...period, regionCode: SICHUAN, causes: ["resignation", "family_aid"] },
    });
    expect(cities.regions).toEqual([
      { code: LESHAN, name: "乐山市" },
      { code: CHENGDU, name: "成都市" },
    ]);
    expect(cities.cells).toEqual(
      expect.arrayContaining([
        { regionCode: LESHAN, month: "2025-01", count: 2 },
        { regionCode: CHENGDU, month: "2025-02", count: 1 },
      ]),
    );
    expect(cities.cells).toHaveLength(2);
  });
});

describe("cause share", () => {
  it("divides each cause's tags by all tags, largest first", async () => {
    const shares = await callerFor(manager).analytics.causeShare(period);
    expect(shares).toEqual([
      { cause: "resignation", count: 2, share: 2 / 7 },
      { cause: "policy_reform", count: 2, share: 2 / 7 },
      { cause: "system_delay", count: 1, share: 1 / 7 },
      { cause: "family_aid", count: 1, share: 1 / 7 },
      { cause: "other", count: 1, share: 1 / 7 },
    ]);
    const two = await callerFor(manager).analytics.causeShare({
      ...period,
      causes: ["other", "resignation"] as Cause[],
    });
    expect(two).toEqual([
      { cause: "resignation", count: 2, share: 2 / 3 },
      { cause: "other", count: 1, share: 1 / 3 },
    ]);
  });
});

describe("key figures", () => {
  it("count enquiries once, compare with the months before and read the histogram", async () => {
    const result = await callerFor(manager).analytics.kpis(period);
    expect(result).toEqual({
      enquiries: 6,
      previousEnquiries: 2,
      change: 2,
      // Open whenever filed: E3, E5, E6, E7 and E9.
      openBacklog: 5,
      // 5 h, 30 h and 100 h: the middle one lies in [24, 36), interpolated to its middle.
      medianResolveHours: 30,
      onTimeShare: 2 / 3,
      satisfactionRate: 1 / 2,
      meanResolveHours: 45,
    });
  });

  it("filter enquiries by their primary cause", async () => {
    const result = await callerFor(manager).analytics.kpis({ ...period, causes: ["resignation"] });
    expect(result).toEqual({
      enquiries: 2,
      previousEnquiries: 1,
      change: 1,
      openBacklog: 1,
      // 5 h and 100 h: half of the two lies at the top of the bucket [4, 8).
      medianResolveHours: 8,
      onTimeShare: 1 / 2,
      satisfactionRate: 0,
      meanResolveHours: 52.5,
    });
    // E3 is tagged 政策改革 but filed under its primary cause 系统延迟.
    const reform = await callerFor(manager).analytics.kpis({
      ...period,
      causes: ["policy_reform"],
    });
    expect(reform.enquiries).toBe(1);
  });

  it("leave out what cannot be computed", async () => {
    const result = await callerFor(manager).analytics.kpis({ from: "2023-01", to: "2023-06" });
    expect(result).toEqual({
      enquiries: 0,
      previousEnquiries: 0,
      change: null,
      openBacklog: 5,
      medianResolveHours: null,
      onTimeShare: null,
      satisfactionRate: null,
      meanResolveHours: null,
    });
  });
});

describe("region scope", () => {
  it("limits a province manager to the province", async () => {
    const m = callerFor(sichuanManager);
    const regions = await m.analytics.byRegion(period);
    expect(regions.rows.map((r) => [r.regionCode, r.tags])).toEqual([[SICHUAN, 6]]);
    const kpis = await m.analytics.kpis(period);
    expect(kpis).toMatchObject({ enquiries: 4, previousEnquiries: 1, openBacklog: 1 });
    expect((await m.analytics.causeShare(period)).reduce((sum, s) => sum + s.count, 0)).toBe(6);
    const cities = await m.analytics.heatmap({ filter: { ...period, regionCode: SICHUAN } });
    expect(cities.regions.map((r) => r.code).sort()).toEqual([CHENGDU, LESHAN]);
  });

  it("shows nothing for a region outside the scope", async () => {
    const m = callerFor(sichuanManager);
    const outside = { ...period, regionCode: XIAN };
    expect((await m.analytics.byMonth(outside)).rows.map((r) => r.tags)).toEqual([0, 0, 0]);
    expect((await m.analytics.byRegion(outside)).rows).toEqual([]);
    expect((await m.analytics.heatmap({ filter: outside })).cells).toEqual([]);
    expect((await m.analytics.causeShare(outside)).every((s) => s.count === 0)).toBe(true);
    expect(await m.analytics.kpis(outside)).toMatchObject({
      enquiries: 0,
      openBacklog: 0,
      change: null,
    });
    const otherProvince = await m.analytics.byRegion({ ...period, regionCode: SHAANXI });
    expect(otherProvince.rows).toEqual([]);
  });

  it("gives a city manager the city, also when asking for its province", async () => {
    const m = callerFor(leshanManager);
    const own = await m.analytics.byRegion(period);
    expect(own.level).toBe("city");
    expect(own.rows.map((r) => [r.regionCode, r.tags])).toEqual([[LESHAN, 3]]);
    const province = await m.analytics.byRegion({ ...period, regionCode: SICHUAN });
    expect(province.rows.map((r) => [r.regionCode, r.tags])).toEqual([[LESHAN, 3]]);
  });

  it("refuses caseworkers and signed-out callers", async () => {
    const c = callerFor(caseworker);
    expect(await errorCode(c.analytics.byMonth(period))).toBe("FORBIDDEN");
    expect(await errorCode(c.analytics.byRegion(period))).toBe("FORBIDDEN");
    expect(await errorCode(c.analytics.heatmap({ filter: period }))).toBe("FORBIDDEN");
    expect(await errorCode(c.analytics.causeShare(period))).toBe("FORBIDDEN");
    expect(await errorCode(c.analytics.kpis(period))).toBe("FORBIDDEN");
    const anonymous = callerWith(testDb.db, null);
    expect(await errorCode(anonymous.analytics.kpis(period))).toBe("UNAUTHORIZED");
    expect(await errorCode(callerFor(admin).analytics.kpis(period))).toBe("OK");
  });

  it("rejects a malformed period", async () => {
    const m = callerFor(manager);
    expect(await errorCode(m.analytics.byMonth({ from: "2025-04", to: "2025-01" }))).toBe(
      "BAD_REQUEST",
    );
    expect(await errorCode(m.analytics.byMonth({ from: "2020-01", to: "2025-12" }))).toBe(
      "BAD_REQUEST",
    );
  });
});

describe("writes through the app", () => {
  it("show up in the figures at once", async () => {
    // The month of the test clock, on which the callers file.
    const current = defaultPeriod(testClock.now(), 1);
    const m = callerFor(manager);
    const before = await m.analytics.kpis(current);
    const worker = callerFor(caseworker);
    const { id } = await worker.enquiries.create({
      idempotencyKey: randomUUID(),
      memberId,
      channel: "counter",
      symptom: "negative",
      reportedBalanceFen: -1200,
      disputedAmountFen: 1200,
      description: "离职后余额为负",
      causes: [
        { cause: "resignation", subReason: null, isPrimary: true },
        { cause: "other", subReason: "employer_arrears", isPrimary: false },
      ],
    });
    const afterCreate = await m.analytics.kpis(current);
    expect(afterCreate.enquiries - before.enquiries).toBe(1);
    expect(afterCreate.openBacklog - before.openBacklog).toBe(1);
    const month = await m.analytics.byMonth({ ...current, regionCode: LESHAN });
    expect(month.rows[0]?.counts).toMatchObject({ resignation: 1, other: 1 });

    let detail = await worker.enquiries.byId({ id });
    await worker.enquiries.setCauses({
      id,
      version: detail.enquiry.version,
      causes: [{ cause: "family_aid", subReason: null, isPrimary: true }],
    });
    detail = await worker.enquiries.byId({ id });
    await worker.enquiries.transition({ id, version: detail.enquiry.version, action: "start" });
    detail = await worker.enquiries.byId({ id });
    await worker.enquiries.transition({
      id,
      version: detail.enquiry.version,
      action: "resolve",
      resolutionSummary: "已解绑亲属",
    });
    const resolved = await m.analytics.kpis({ ...current, causes: ["family_aid"] });
    expect(resolved).toMatchObject({ enquiries: 1, openBacklog: 0, onTimeShare: 1 });
    expect(resolved.medianResolveHours).toBeLessThan(1);
    const tags = await m.analytics.byMonth({ ...current, regionCode: LESHAN });
    expect(tags.rows[0]?.counts).toEqual(counts({ family_aid: 1 }));
  });
});
