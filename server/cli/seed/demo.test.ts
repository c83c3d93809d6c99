import { and, asc, eq, getTableColumns } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STEP_KINDS } from "@/db/constants";
import { createPiiCodec, maskIdNumber, maskPhone } from "@/db/pii";
import {
  auditEvents,
  enquiries,
  enquiryCauses,
  members,
  regions,
  resolutionSteps,
  users,
  workOrderPauses,
  workOrderReminders,
  workOrderReviews,
  workOrderSupervisions,
  workOrders,
  workOrderTransfers,
} from "@/db/schema";
import { verifyPassword } from "../../auth/password";
import { describeCauses, readCauses } from "../../domain/enquiries/causes";
import { shanghaiDay } from "../../rules/calendar-day";
import { idCheckCharacter } from "../../rules/id-number";
import { retirementDate } from "../../rules/retirement-age";
import type { TestDatabase } from "../../testing/database";
import { DEMO_NOW, seedTwoDemos } from "../../testing/demo";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type SeedSummary } from "./demo";
import { PRE_ALLOCATING } from "./policy-values";

const piiKey = process.env.PII_KEY as string;
const now = DEMO_NOW;

async function snapshot(database: TestDatabase) {
  const { db } = database;
  const {
    passwordHash: _password,
    createdAt: _userCreated,
    updatedAt: _userUpdated,
    ...userColumns
  } = getTableColumns(users);
  const {
    idNumberEncrypted: _id,
    phoneEncrypted: _phone,
    createdAt: _memberCreated,
    ...memberColumns
  } = getTableColumns(members);
  const { updatedAt: _enquiryUpdated, ...enquiryColumns } = getTableColumns(enquiries);
  // Encryption draws a fresh nonce each time; the hash and the mask say the same thing.
  const {
    callerPhoneEncrypted: _callerPhone,
    callerIdNumberEncrypted: _callerId,
    ...workOrderColumns
  } = getTableColumns(workOrders);
  return {
    users: await db.select(userColumns).from(users).orderBy(asc(users.id)),
    members: await db.select(memberColumns).from(members).orderBy(asc(members.id)),
    enquiries: await db.select(enquiryColumns).from(enquiries).orderBy(asc(enquiries.id)),
    causes: await db
      .select()
      .from(enquiryCauses)
      .orderBy(asc(enquiryCauses.enquiryId), asc(enquiryCauses.cause)),
    steps: await db.select().from(resolutionSteps).orderBy(asc(resolutionSteps.id)),
    workOrders: await db
      .select(workOrderColumns)
      .from(workOrders)
      .orderBy(asc(workOrders.enquiryId)),
    reviews: await db.select().from(workOrderReviews).orderBy(asc(workOrderReviews.id)),
    pauses: await db.select().from(workOrderPauses).orderBy(asc(workOrderPauses.id)),
    transfers: await db.select().from(workOrderTransfers).orderBy(asc(workOrderTransfers.id)),
    supervisions: await db
      .select()
      .from(workOrderSupervisions)
      .orderBy(asc(workOrderSupervisions.id)),
    reminders: await db.select().from(workOrderReminders).orderBy(asc(workOrderReminders.id)),
    history: await db
      .select({
        actorId: auditEvents.actorId,
        action: auditEvents.action,
        entityId: auditEvents.entityId,
        before: auditEvents.before,
        after: auditEvents.after,
        at: auditEvents.at,
      })
      .from(auditEvents)
      .orderBy(asc(auditEvents.id)),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return ((sorted[Math.ceil(middle) - 1] ?? 0) + (sorted[Math.floor(middle)] ?? 0)) / 2;
};

describe("seedDemo", () => {
  let first: TestDatabase;
  let second: TestDatabase;
  let summary: SeedSummary;

  beforeAll(async () => {
    ({ first, second, summary } = await seedTwoDemos("demo seed"));
    console.info("demo seed summary", summary);
  });

  afterAll(async () => {
    await Promise.all([first?.drop(), second?.drop()]);
  });

  it("writes the same data for the same `now`", async () => {
    const [a, b] = await Promise.all([snapshot(first), snapshot(second)]);
    expect(a.enquiries.length).toBe(summary.enquiries);
    expect(a.workOrders.length).toBe(summary.workOrders);
    expect(b).toEqual(a);
  });

  it("spreads at least 2,000 enquiries over the 24 months before `now`", async () => {
    const months = await first.client<{ month: string; n: number }[]>`
      select to_char(opened_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*)::int as n
      from enquiries group by 1 order by 1`;
    expect(months.reduce((sum, row) => sum + row.n, 0)).toBeGreaterThanOrEqual(2000);
    expect(months).toHaveLength(24);
    expect(months[0]?.month).toBe("2024-04");
    expect(months.at(-1)?.month).toBe("2026-03");
    const [late] =
      await first.client`select count(*)::int as n from enquiries where opened_at >= ${now.toISOString()}`;
    expect(late?.n).toBe(0);
  });

  it("stores every member's ID number and phone in protected form only", async () => {
    const codec = createPiiCodec(piiKey);
    const rows = await first.db.select().from(members);
    const districts = await first.db
      .select({ code: regions.code, parentCode: regions.parentCode })
      .from(regions)
      .where(eq(regions.level, "district"));
    const cityOf = new Map(districts.map((row) => [row.code, row.parentCode]));
    expect(rows.length).toBeGreaterThan(summary.enquiries / 3);
    expect(rows.length).toBeLessThan(summary.enquiries / 2);
    for (const row of rows) {
      const idNumber = codec.decrypt(row.idNumberEncrypted);
      expect(idNumber).toMatch(/^\d{6}(19[3-9]\d|200\d)(0[1-9]|1[0-2])\d{5}[\dX]$/);
      expect(idNumber.slice(-1)).toBe(idCheckCharacter(idNumber.slice(0, 17)));
      const birth = new Date(
        `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
      );
      expect(Number.isNaN(birth.getTime())).toBe(false);
      expect(birth.getUTCDate()).toBe(Number(idNumber.slice(12, 14)));
      const issuedIn = idNumber.slice(0, 6);
      expect(issuedIn === row.regionCode || cityOf.get(issuedIn) === row.regionCode).toBe(true);
      expect(row.idNumberHash).toBe(codec.hash(idNumber));
      expect(row.idNumberMasked).toBe(maskIdNumber(idNumber));

      const phone = codec.decrypt(row.phoneEncrypted as string);
      expect(phone).toMatch(/^1[3-9]\d{9}$/);
      expect(row.phoneHash).toBe(codec.hash(phone));
      expect(row.phoneMasked).toBe(maskPhone(phone));
      expect(row.phoneLast4).toBe(phone.slice(-4));
      expect(row.employerName === null).toBe(row.personCategory !== "active");
    }
  });

  it("has retirees of both sexes past their statutory age, and nobody at work beyond it", async () => {
    const codec = createPiiCodec(piiKey);
    const rows = await first.db.select().from(members);
    const sexes = new Set<string>();
    for (const row of rows) {
      if (row.personCategory !== "retired" && row.personCategory !== "active") continue;
      const idNumber = codec.decrypt(row.idNumberEncrypted);
      const birth = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
      const male = Number(idNumber.slice(16, 17)) % 2 === 1;
      const registered = shanghaiDay(row.createdAt);
      // A woman retires at 50 (workers) or 55 (cadres) before the phase-in; either may be drawn.
      const earliest = retirementDate(birth, male ? "male" : "female_worker");
      const latest = retirementDate(birth, male ? "male" : "female_cadre");
      if (row.personCategory === "retired") {
        sexes.add(male ? "male" : "female");
        expect(earliest <= registered, `${birth} retired by ${registered}`).toBe(true);
      } else {
        expect(latest > registered, `${birth} still at work on ${registered}`).toBe(true);
      }
    }
    expect(sexes).toEqual(new Set(["male", "female"]));
  });

  it("tags every enquiry with exactly one primary cause and about a fifth with two", async () => {
    const rows = await first.client<{ primaries: number; tags: number }[]>`
      select count(*) filter (where c.is_primary)::int as primaries, count(c.cause)::int as tags
      from enquiries e left join enquiry_causes c on c.enquiry_id = e.id group by e.id`;
    expect(rows).toHaveLength(summary.enquiries);
    expect(rows.every((row) => row.primaries === 1)).toBe(true);
    const twoCauses = rows.filter((row) => row.tags === 2).length / rows.length;
    expect(twoCauses).toBeGreaterThan(0.15);
    expect(twoCauses).toBeLessThan(0.25);
  });

  it("writes the filing's causes into the history as the app writes them", async () => {
    const rows = await first.client<{ id: string; causes: string }[]>`
      select a.entity_id as id, a.after ->> 'causes' as causes from audit_events a
      where a.action = 'enquiry.create'
        and a.entity_id in (select enquiry_id::text from enquiry_causes
                            where cause = 'other' or not is_primary)
      order by a.entity_id::int limit 200`;
    expect(rows.length).toBeGreaterThan(50);
    for (const row of rows) {
      expect(row.causes).toBe(describeCauses(await readCauses(first.db, Number(row.id))));
    }
  });

  it("puts a burst of 系统延迟 in one city and month, and nowhere else", async () => {
    const rows = await first.client<{ region: string; month: string; n: number }[]>`
      select e.region_code as region, to_char(e.opened_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
        count(*)::int as n
      from enquiries e join enquiry_causes c on c.enquiry_id = e.id and c.is_primary
      where c.cause = 'system_delay' group by 1, 2`;
    const months = [...new Set(rows.map((row) => row.month))];
    const spikes: string[] = [];
    for (const region of new Set(rows.map((row) => row.region))) {
      const counts = months.map(
        (month) => rows.find((row) => row.region === region && row.month === month)?.n ?? 0,
      );
      const usual = median(counts);
      counts.forEach((n, i) => {
        if (n >= 5 && n > 3 * usual) spikes.push(`${region} ${months[i]}`);
      });
    }
    const [wuxi] = await first.db
      .select({ code: regions.code })
      .from(regions)
      .where(and(eq(regions.name, "无锡市"), eq(regions.level, "city")));
    expect(summary.burst).toEqual({
      regionCode: wuxi?.code,
      regionName: "无锡市",
      month: "2025-10",
    });
    expect(spikes).toEqual([`${wuxi?.code} 2025-10`]);
  });

  it("peaks 政策改革 every July", async () => {
    const rows = await first.client<{ month: string; n: number }[]>`
      select to_char(e.opened_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*)::int as n
      from enquiries e join enquiry_causes c on c.enquiry_id = e.id
      where c.cause = 'policy_reform' group by 1`;
    const average = rows.reduce((sum, row) => sum + row.n, 0) / rows.length;
    const julies = rows.filter((row) => row.month.endsWith("-07"));
    expect(julies).toHaveLength(2);
    for (const july of julies) expect(july.n).toBeGreaterThan(1.5 * average);
  });

  it("takes nothing back on leaving where a city credits monthly", async () => {
    const rows = await first.client<{ city: string; symptom: string; notes: string }[]>`
      select r.name as city, e.symptom,
        coalesce(string_agg(s.note, ' '), '') as notes
      from enquiries e
      join enquiry_causes c on c.enquiry_id = e.id and c.is_primary and c.cause = 'resignation'
      join regions r on r.code = substr(e.region_code, 1, 4) || '00'
      left join resolution_steps s on s.enquiry_id = e.id
      group by e.id, r.name, e.symptom`;
    const monthly = rows.filter((row) => !PRE_ALLOCATING.includes(row.city));
    const inAdvance = rows.filter((row) => PRE_ALLOCATING.includes(row.city));
    expect(monthly.length).toBeGreaterThan(50);
    expect(inAdvance.length).toBeGreaterThan(5);
    for (const row of monthly) {
      expect(row.symptom, row.city).toBe("mismatch");
      expect(row.notes, row.city).not.toMatch(/(?<!不)扣回/);
    }
    expect(inAdvance.some((row) => row.symptom === "negative")).toBe(true);
  });

  it("keeps status, amounts and steps consistent with each other", async () => {
    const rows = await first.db.select().from(enquiries);
    const old = rows.filter((row) => now.getTime() - row.openedAt.getTime() > 30 * 86_400_000);
    const closed = old.filter((row) => row.status === "resolved" || row.status === "followed_up");
    expect(closed.length / old.length).toBeGreaterThan(0.9);
    for (const row of rows) {
      if (row.symptom === "negative") {
        expect(row.priority).toBe("urgent");
        expect(row.reportedBalanceFen).toBeLessThan(0);
      }
      if (row.symptom === "zero") expect(row.reportedBalanceFen).toBe(0);
      if (row.resolvedAt) expect(row.resolvedAt.getTime()).toBeGreaterThan(row.openedAt.getTime());
      if (row.status === "followed_up") expect(row.satisfaction).not.toBeNull();
      expect(row.dueAt.getTime()).toBeGreaterThan(row.openedAt.getTime());
    }

    const causeOfKind = new Map<string, string | null>(STEP_KINDS.map((k) => [k.code, k.cause]));
    const steps = await first.client<
      { kind: string; causes: string[]; done: number; opened: number; closed: number | null }[]
    >`
      select s.kind, extract(epoch from s.done_at)::float8 as done,
        extract(epoch from e.opened_at)::float8 as opened,
        extract(epoch from coalesce(e.followed_up_at, e.resolved_at))::float8 as closed,
        (select array_agg(c.cause::text) from enquiry_causes c where c.enquiry_id = e.id) as causes
      from resolution_steps s join enquiries e on e.id = s.enquiry_id`;
    expect(steps.length).toBeGreaterThan(summary.enquiries);
    for (const step of steps) {
      const cause = causeOfKind.get(step.kind);
      if (cause) expect(step.causes).toContain(cause);
      expect(step.done).toBeGreaterThan(step.opened);
      expect(step.done).toBeLessThanOrEqual(step.closed ?? now.getTime() / 1000);
    }
  });

  it("creates the demo accounts with their roles and region scopes", async () => {
    const rows = await first.db
      .select({
        login: users.login,
        displayName: users.displayName,
        role: users.role,
        passwordHash: users.passwordHash,
        scopeName: regions.name,
        scopeLevel: regions.level,
      })
      .from(users)
      .leftJoin(regions, eq(regions.code, users.regionScope))
      .orderBy(asc(users.id));
    expect(rows.map(({ passwordHash: _hash, ...row }) => row)).toEqual(
      DEMO_ACCOUNTS.map((account) => ({
        login: account.login,
        displayName: account.displayName,
        role: account.role,
        scopeName: account.cityName,
        scopeLevel: account.cityName ? "city" : null,
      })),
    );
    for (const row of rows) {
      expect(await verifyPassword(row.passwordHash, DEMO_PASSWORD)).toBe(true);
    }
    const [shanghai] = await first.db
      .select({ scope: users.regionScope })
      .from(users)
      .where(eq(users.login, "sh_caseworker"));
    expect(shanghai?.scope).toBe("310100");
    // Enquiries in a city with a demo caseworker are that caseworker's; elsewhere nobody's. A
    // hotline work order may also wait for any caseworker of its region (work-orders.test.ts).
    const [misassigned] = await first.client`
      select count(*)::int as n from enquiries e left join users u on u.id = e.assignee_id
      where u.region_scope is distinct from e.region_code
        and not exists (select 1 from work_orders w where w.enquiry_id = e.id)
        and (u.id is not null or e.region_code in (select region_scope from users where region_scope is not null))`;
    expect(misassigned?.n).toBe(0);
  });
});
