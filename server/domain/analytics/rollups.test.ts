import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CAUSE_CODES,
  type Cause,
  CHANNEL_CODES,
  choosableSubReasons,
  ENQUIRY_STATUS_CODES,
  SATISFACTION_CODES,
  SYMPTOM_CODES,
} from "@/db/constants";
import { createPiiCodec } from "@/db/pii";
import { RESOLVE_HOURS_EDGES, rebuildRollups } from "@/db/rollup";
import { enquiries, enquiryCauses } from "@/db/schema";
import { seedBulk } from "@/server/cli/seed/bulk";
import { createRandom, type Random } from "@/server/cli/seed/random";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { DEMO_NOW, seedTestDemo } from "@/server/testing/demo";
import { createMember, createUser } from "@/server/testing/factories";
import {
  actualRollups,
  expectedRollups,
  insertEnquiry,
  TEST_SUB_REASONS,
} from "../../testing/analytics";
import { testClock } from "../../testing/clock";
import { setEnquiryCauses } from "../enquiries/update";
import type { Actor } from "../users";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const pii = createPiiCodec(process.env.PII_KEY as string);
// Cities, a district (counts for 乐山) and a municipality's district (counts for 上海).
const REGIONS = ["511100", "511102", "510100", "610100", "310101"];

let testDb: TestDatabase;
let admin: Actor;
let memberId: number;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const user = await createUser(testDb.db, { role: "admin" });
  admin = { ...user, regionScopeName: null };
  memberId = (await createMember(testDb.db, pii)).id;
});
afterAll(() => testDb.drop());

async function expectRollupsExact() {
  const [expected, actual] = await Promise.all([
    expectedRollups(testDb.db),
    actualRollups(testDb.db),
  ]);
  expect(actual.tags).toEqual(expected.tags);
  expect(actual.enquiries).toEqual(expected.enquiries);
  return expected;
}

describe("resolve-time buckets", () => {
  it("use the same edges in SQL as RESOLVE_HOURS_EDGES", async () => {
    const rows = await testDb.client<{ bucket: number | null; hours: number }[]>`
      select h as hours, bd_resolve_bucket(t, t + make_interval(secs => h * 3600)) as bucket
      from unnest(${RESOLVE_HOURS_EDGES.flatMap((edge) => [edge, edge - 1 / 3600])}::float8[]) as h,
        (select now() as t) as base`;
    for (const row of rows) {
      const expected = Math.max(
        0,
        RESOLVE_HOURS_EDGES.findLastIndex((edge) => row.hours >= edge),
      );
      expect({ hours: row.hours, bucket: row.bucket }).toEqual({
        hours: row.hours,
        bucket: expected + 1,
      });
    }
    const [unresolved] = await testDb.client`select bd_resolve_bucket(now(), null) as bucket`;
    expect(unresolved?.bucket).toBeNull();
  });
});

// Random but reproducible: the same seed gives the same writes.
function randomInstant(random: Random, now: number): Date {
  // Every fourth one lands within ten minutes of a Beijing month boundary, where a session in
  // UTC would put it in the other month.
  if (random.chance(0.25)) {
    const back = random.int(0, 23);
    const shanghai = new Date(now + 8 * HOUR_MS);
    const boundary =
      Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth() - back, 1) - 8 * HOUR_MS;
    return new Date(boundary + random.int(-600, 600) * 1000);
  }
  return new Date(now - random.int(0, 730 * 24 * 3600) * 1000);
}

function randomCauses(random: Random, atLeastOne = false): Cause[] {
  const count = random.int(atLeastOne ? 1 : 0, 3);
  const pool = [...CAUSE_CODES];
  const picked: Cause[] = [];
  for (let i = 0; i < count; i++)
    picked.push(pool.splice(random.int(0, pool.length - 1), 1)[0] as Cause);
  return picked;
}

function randomLifecycle(random: Random, openedAt: Date) {
  const status = random.pick(ENQUIRY_STATUS_CODES);
  const dueAt = new Date(openedAt.getTime() + random.int(1, 5) * DAY_MS);
  const closed = status === "resolved" || status === "followed_up";
  // Some resolutions are stamped oddly (before the opening, months later) by raw writes.
  const hours = random.chance(0.1) ? random.int(-5, 2000) : random.int(0, 200);
  const resolvedAt = closed
    ? new Date(openedAt.getTime() + hours * HOUR_MS + random.int(0, 3599) * 1000)
    : null;
  const satisfaction = status === "followed_up" ? random.pick(SATISFACTION_CODES) : null;
  return { status, dueAt, resolvedAt, satisfaction };
}

describe("rollup triggers", () => {
  it("keep both rollups equal to a GROUP BY over the base tables through 300 random writes", async () => {
    const { db, client } = testDb;
    const random = createRandom(0x0a11_7a11);
    // The same seed and the same test clock give the same writes.
    const now = testClock.now().getTime();
    const ids: number[] = [];
    const pickId = () => random.pick(ids);
    const tagsOf = async (id: number) =>
      db.select().from(enquiryCauses).where(eq(enquiryCauses.enquiryId, id));
    const counts: Record<string, number> = {};

    const operations: [string, number, () => Promise<void>][] = [
      [
        "create",
        30,
        async () => {
          const openedAt = randomInstant(random, now);
          ids.push(
            await insertEnquiry(db, {
              memberId,
              createdBy: admin.id,
              regionCode: random.pick(REGIONS),
              openedAt,
              symptom: random.pick(SYMPTOM_CODES),
              channel: random.pick(CHANNEL_CODES),
              ...randomLifecycle(random, openedAt),
              causes: randomCauses(random),
            }),
          );
        },
      ],
      [
        "retag through the domain",
        14,
        async () => {
          const id = pickId();
          const [row] = await db.select().from(enquiries).where(eq(enquiries.id, id));
          if (!row) return;
          const closed = row.status === "resolved" || row.status === "followed_up";
          const causes = randomCauses(random, closed);
          const primary = random.int(0, Math.max(0, causes.length - 1));
          await setEnquiryCauses(
            db,
            admin,
            {
              id,
              version: row.version,
              causes: causes.map((cause, i) => ({
                cause,
                subReason: choosableSubReasons(cause)[0]?.code ?? null,
                isPrimary: i === primary,
              })),
            },
            {},
            new Date(now),
          );
        },
      ],
      [
        "move the primary",
        8,
        async () => {
          const id = pickId();
          const tags = await tagsOf(id);
          const next = random.pick([...tags.filter((t) => !t.isPrimary), null]);
          if (!next) return;
          await client`update enquiry_causes set is_primary = false where enquiry_id = ${id} and is_primary`;
          await client`update enquiry_causes set is_primary = true where enquiry_id = ${id} and cause = ${next.cause}`;
        },
      ],
      [
        "add or drop one tag",
        8,
        async () => {
          const id = pickId();
          const tags = await tagsOf(id);
          const absent = CAUSE_CODES.filter((c) => !tags.some((t) => t.cause === c));
          if (random.chance(0.5) && tags.length > 0) {
            const tag = random.pick(tags);
            await client`delete from enquiry_causes where enquiry_id = ${id} and cause = ${tag.cause}`;
          } else if (absent.length > 0) {
            const cause = random.pick(absent);
            await db.insert(enquiryCauses).values({
              enquiryId: id,
              cause,
              // A cause split into sub-reasons must carry one (the schema's check).
              subReason: TEST_SUB_REASONS[cause] ?? null,
              isPrimary: !tags.some((t) => t.isPrimary),
            });
          }
        },
      ],
      [
        "rename a tag's cause",
        4,
        async () => {
          const id = pickId();
          const tags = await tagsOf(id);
          const absent = CAUSE_CODES.filter((c) => !tags.some((t) => t.cause === c));
          if (tags.length === 0 || absent.length === 0) return;
          const from = random.pick(tags).cause;
          const to = random.pick(absent);
          await client`update enquiry_causes
            set cause = ${to}, sub_reason = ${TEST_SUB_REASONS[to] ?? null}
            where enquiry_id = ${id} and cause = ${from}`;
        },
      ],
      [
        "move a tag to another enquiry",
        4,
        async () => {
          const from = pickId();
          const to = pickId();
          const [tags, target] = await Promise.all([tagsOf(from), tagsOf(to)]);
          const movable = tags.filter(
            (t) =>
              !target.some((x) => x.cause === t.cause) &&
              (!t.isPrimary || !target.some((x) => x.isPrimary)),
          );
          if (from === to || movable.length === 0) return;
          const tag = random.pick(movable);
          await client`update enquiry_causes set enquiry_id = ${to}
            where enquiry_id = ${from} and cause = ${tag.cause}`;
        },
      ],
      [
        "change the status",
        12,
        async () => {
          const id = pickId();
          const [row] = await db.select().from(enquiries).where(eq(enquiries.id, id));
          if (!row) return;
          const next = randomLifecycle(random, row.openedAt);
          await db
            .update(enquiries)
            .set({
              status: next.status,
              resolvedAt: next.resolvedAt,
              resolutionSummary: next.resolvedAt ? "已办结" : null,
              satisfaction: next.satisfaction,
              ...(random.chance(0.3) ? { dueAt: next.dueAt } : {}),
            })
            .where(eq(enquiries.id, id));
        },
      ],
      [
        "move it in time, place, symptom or channel",
        10,
        async () => {
          const id = pickId();
          await db
            .update(enquiries)
            .set({
              ...(random.chance(0.5) ? { openedAt: randomInstant(random, now) } : {}),
              ...(random.chance(0.4) ? { regionCode: random.pick(REGIONS) } : {}),
              ...(random.chance(0.3) ? { symptom: random.pick(SYMPTOM_CODES) } : {}),
              ...(random.chance(0.3) ? { channel: random.pick(CHANNEL_CODES) } : {}),
              description: "改动后的描述",
            })
            .where(eq(enquiries.id, id));
        },
      ],
      [
        "change several at once",
        4,
        async () => {
          const some = [pickId(), pickId(), pickId(), pickId()];
          await client`update enquiries set channel = ${random.pick(CHANNEL_CODES)},
            opened_at = opened_at - interval '20 days' where id = any(${some})`;
        },
      ],
      [
        "delete",
        6,
        async () => {
          const doomed = random.chance(0.3) ? [pickId(), pickId()] : [pickId()];
          await client`delete from enquiries where id = any(${doomed})`;
          for (const id of doomed) {
            const at = ids.indexOf(id);
            if (at >= 0) ids.splice(at, 1);
          }
        },
      ],
    ];

    for (let step = 1; step <= 300; step++) {
      const [name, , run] =
        ids.length < 5
          ? (operations[0] as (typeof operations)[number])
          : random.weighted(operations.map((op) => [op, op[1]] as const));
      await run();
      counts[name] = (counts[name] ?? 0) + 1;
      if (step % 100 === 0) await expectRollupsExact();
    }
    const expected = await expectRollupsExact();
    expect(expected.enquiries.length).toBeGreaterThan(20);
    expect(Object.keys(counts)).toHaveLength(operations.length);

    const before = await actualRollups(db);
    await rebuildRollups(db);
    expect(await actualRollups(db)).toEqual(before);
    const [zeros] =
      await client`select count(*)::int as n from enquiry_monthly where enquiries = 0`;
    expect(zeros?.n).toBe(0);
  });

  it("empty on TRUNCATE, and take an enquiry's tags away when it is deleted", async () => {
    const { db, client } = testDb;
    // As the demo seed's --reset does; TRUNCATE fires no row triggers.
    await client`truncate enquiries cascade`;
    expect(await actualRollups(db)).toEqual({ tags: [], enquiries: [] });
    const id = await insertEnquiry(db, {
      memberId,
      createdBy: admin.id,
      regionCode: "511102",
      openedAt: new Date("2025-05-31T16:30:00Z"),
      resolvedAt: new Date("2025-06-01T02:00:00Z"),
      satisfaction: "satisfied",
      status: "followed_up",
      causes: ["other", "resignation"],
    });
    const expected = await expectRollupsExact();
    const detailed = <T extends { symptom: string | null; channel: string | null }>(rows: T[]) =>
      rows.filter((row) => row.symptom && row.channel);
    expect(detailed(expected.tags).map((t) => [t.month, t.regionCode, t.cause])).toEqual([
      ["2025-06-01", "511100", "other"],
      ["2025-06-01", "511100", "resignation"],
    ]);
    // Each figure four times: per symptom and channel, per symptom, per channel, in total.
    expect(expected.tags).toHaveLength(8);
    expect(expected.enquiries).toHaveLength(4);
    expect(detailed(expected.enquiries)[0]).toMatchObject({
      primaryCause: "other",
      // 9.5 hours: the bucket [8, 12).
      resolveHist: RESOLVE_HOURS_EDGES.map((edge) => (edge === 8 ? 1 : 0)),
    });
    await client`delete from enquiries where id = ${id}`;
    const actual = await actualRollups(db);
    expect(actual).toEqual({ tags: [], enquiries: [] });
  });
});

describe("bulk load", () => {
  it("adds each batch's rollups in its own transaction instead of row by row", async () => {
    const database = await createTestDatabase();
    try {
      await seedTestDemo(database.db, { enquiries: 300 });
      const piiKey = process.env.PII_KEY as string;
      await seedBulk(database.client, { piiKey, now: DEMO_NOW, enquiries: 3_000 });
      const [expected, actual] = await Promise.all([
        expectedRollups(database.db),
        actualRollups(database.db),
      ]);
      expect(actual).toEqual(expected);
      const totals = expected.enquiries.filter((r) => r.symptom === null && r.channel === null);
      expect(totals.reduce((sum, r) => sum + r.enquiries, 0)).toBe(3_300);
    } finally {
      await database.drop();
    }
  });
});
