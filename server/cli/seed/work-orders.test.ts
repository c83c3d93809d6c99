import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuditAction, ENQUIRY_STATUS_LABELS, type EnquiryStatus } from "@/db/constants";
import { enquiries, workOrders, workOrderTransfers } from "@/db/schema";
import { clockEvents, handlingDueAt, limitsFor, signDueAt } from "../../domain/work-orders/limits";
import { shanghaiDay } from "../../rules/calendar-day";
import { TRANSITIONS, type TransitionAction } from "../../rules/enquiry-status";
import type { TestDatabase } from "../../testing/database";
import { createTestDatabase } from "../../testing/database";
import { DEMO_NOW, seedTestDemo } from "../../testing/demo";
import type { SeedSummary } from "./demo";

// The demo's hotline work orders, seeded from a fixed `now`: how many there are, that each one's
// rows explain its status and could have come about along the course table, that its limits are
// the ones its region's settings give, and that every side path of the course is shown.

const now = DEMO_NOW;
let testDb: TestDatabase;
let summary: SeedSummary;

beforeAll(async () => {
  testDb = await createTestDatabase();
  summary = await seedTestDemo(testDb.db);
}, 120_000);
afterAll(() => testDb?.drop());

type OrderRow = {
  id: number;
  status: EnquiryStatus;
  channel: string;
  regionCode: string;
  assigneeId: number | null;
  openedAt: Date;
  resolvedAt: Date | null;
  platform: string;
  externalNumber: string;
  dispatchingCity: string;
  dispatchingUnit: string;
  dispatchedAt: Date;
  signDueAt: Date | null;
  signedAt: Date | null;
  firstStep: Date | null;
  steps: number;
  returns: { decision: string | null; centre: string | null }[];
  extensions: { decision: string | null; centre: string | null }[];
  openPauses: number;
  openSupervisions: number;
};

// Timestamps as epoch milliseconds, read back as dates.
const DATES = ["openedAt", "resolvedAt", "dispatchedAt", "signDueAt", "signedAt", "firstStep"];
const ms = (column: string) =>
  testDb.client.unsafe(`(extract(epoch from ${column}) * 1000)::float8`);

async function orders(): Promise<OrderRow[]> {
  const rows = await testDb.client<Record<string, unknown>[]>`
    select e.id::int as id, e.status, e.channel, e.region_code as "regionCode",
      e.assignee_id::int as "assigneeId", ${ms("e.opened_at")} as "openedAt",
      ${ms("e.resolved_at")} as "resolvedAt",
      w.platform, w.external_number as "externalNumber", w.dispatching_city as "dispatchingCity",
      w.dispatching_unit as "dispatchingUnit", ${ms("w.dispatched_at")} as "dispatchedAt",
      ${ms("w.sign_due_at")} as "signDueAt", ${ms("w.signed_at")} as "signedAt",
      ${ms("(select min(s.done_at) from resolution_steps s where s.enquiry_id = e.id)")}
        as "firstStep",
      (select count(*)::int from resolution_steps s where s.enquiry_id = e.id) as steps,
      coalesce((select json_agg(json_build_object('decision', r.decision, 'centre', r.centre_decision))
        from work_order_reviews r where r.enquiry_id = e.id and r.kind = 'return'), '[]') as returns,
      coalesce((select json_agg(json_build_object('decision', r.decision, 'centre', r.centre_decision))
        from work_order_reviews r where r.enquiry_id = e.id and r.kind = 'extension'), '[]')
        as extensions,
      (select count(*)::int from work_order_pauses p
        where p.enquiry_id = e.id and p.ended_at is null) as "openPauses",
      (select count(*)::int from work_order_supervisions s
        where s.enquiry_id = e.id and s.answered_at is null) as "openSupervisions"
    from enquiries e join work_orders w on w.enquiry_id = e.id order by e.id`;
  return rows.map((row) => {
    const dated = { ...row };
    for (const key of DATES) dated[key] = row[key] === null ? null : new Date(row[key] as number);
    return dated as OrderRow;
  });
}

const pending = (review: { decision: string | null; centre: string | null }) =>
  review.decision === null || (review.decision === "approved" && review.centre === null);

describe("the demo's hotline work orders", () => {
  it("are about seven in ten of the hotline enquiries, each on its own platform", async () => {
    const rows = await testDb.client<{ channel: string; n: number; dispatched: number }[]>`
      select e.channel, count(*)::int as n, count(w.enquiry_id)::int as dispatched
      from enquiries e left join work_orders w on w.enquiry_id = e.id group by 1`;
    const hotline = rows.filter(
      (row) => row.channel === "hotline_12345" || row.channel === "hotline_12393",
    );
    const total = hotline.reduce((sum, row) => sum + row.n, 0);
    const dispatched = hotline.reduce((sum, row) => sum + row.dispatched, 0);
    expect(dispatched / total).toBeGreaterThan(0.6);
    expect(dispatched / total).toBeLessThan(0.8);
    for (const row of hotline) expect(row.dispatched / row.n, row.channel).toBeGreaterThan(0.5);
    for (const row of rows.filter((one) => !hotline.includes(one))) expect(row.dispatched).toBe(0);
    expect(summary.workOrders).toBe(dispatched);
    for (const order of await orders()) {
      expect(order.platform).toBe(order.channel);
      expect(order.dispatchedAt).toEqual(order.openedAt);
    }
  });

  it("carry the platform's numbers, once per platform and city, and its units' names", async () => {
    const rows = await orders();
    const cities = new Map(
      (
        await testDb.client<{ code: string; name: string }[]>`
        select code, name from regions where level = 'city'`
      ).map((row) => [row.code, row.name]),
    );
    const seen = new Set<string>();
    for (const order of rows) {
      const day = shanghaiDay(order.dispatchedAt).replaceAll("-", "");
      const city = cities.get(order.dispatchingCity) as string;
      expect(city, order.dispatchingCity).toBeDefined();
      if (order.platform === "hotline_12345") {
        expect(order.externalNumber).toMatch(new RegExp(`^[A-Z]{2,4}${day}\\d{6}$`));
        expect(order.dispatchingUnit).toMatch(
          new RegExp(`^${city}12345(市民服务|政务服务便民)热线$`),
        );
      } else {
        expect(order.externalNumber).toBe(
          `YB${order.dispatchingCity.slice(0, 4)}${day}${order.externalNumber.slice(-4)}`,
        );
        expect(order.dispatchingUnit).toBe(`12393医保服务热线（${city.replace(/[市盟]$/, "")}）`);
      }
      const key = `${order.platform} ${order.dispatchingCity} ${order.externalNumber}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }

    const kinds = await testDb.client<{ classification: string; n: number }[]>`
      select classification, count(*)::int as n from work_orders group by 1`;
    const share = (code: string) =>
      (kinds.find((row) => row.classification === code)?.n ?? 0) / rows.length;
    expect(share("consult")).toBeGreaterThan(0.55);
    expect(share("help")).toBeGreaterThan(share("complaint"));
    expect(share("complaint")).toBeGreaterThan(share("suggestion"));
    expect(share("suggestion")).toBeGreaterThan(0);
    // Where the region has caseworkers, some orders name one and some go to the region.
    const [toRegion] = await testDb.client<{ share: number }[]>`
      select avg((a.after ->> 'assignee' = '待签收')::int)::float8 as share
      from audit_events a join enquiries e on e.id::text = a.entity_id
      where a.action = 'work_order.dispatch'
        and e.region_code in (select region_scope from users where role = 'caseworker')
        and not exists (select 1 from work_order_transfers t where t.enquiry_id = e.id)`;
    expect(toRegion?.share).toBeGreaterThan(0.2);
    expect(toRegion?.share).toBeLessThan(0.6);
  });

  it("leave each order in a status its rows explain", async () => {
    const rows = await orders();
    const signed = (order: OrderRow) => {
      expect(order.signedAt, `#${order.id}`).not.toBeNull();
      expect(order.signDueAt, `#${order.id}`).toBeNull();
      expect((order.signedAt as Date) > order.dispatchedAt).toBe(true);
      if (order.firstStep)
        expect((order.signedAt as Date) < order.firstStep, `#${order.id}`).toBe(true);
    };
    const unsigned = (order: OrderRow) => {
      expect(order.signedAt, `#${order.id}`).toBeNull();
      expect(order.signDueAt, `#${order.id}`).not.toBeNull();
      expect(order.steps, `#${order.id}`).toBe(0);
    };
    for (const order of rows) {
      const where = `#${order.id} ${order.status}`;
      const returns = order.returns.filter(pending);
      expect(order.openPauses, where).toBe(order.status === "suspended" ? 1 : 0);
      switch (order.status) {
        case "awaiting_sign":
          unsigned(order);
          expect(returns, where).toEqual([]);
          break;
        case "return_review":
          unsigned(order);
          expect(returns, where).toEqual([{ decision: null, centre: null }]);
          break;
        case "return_submitted":
          unsigned(order);
          expect(returns, where).toEqual([{ decision: "approved", centre: null }]);
          break;
        case "withdrawn":
          unsigned(order);
          expect(order.returns.at(-1), where).toEqual({ decision: "approved", centre: "accepted" });
          expect(order.resolvedAt, where).toBeNull();
          expect(order.assigneeId, where).toBeNull();
          break;
        case "in_progress":
        case "awaiting_recheck":
        case "suspended":
          signed(order);
          expect(returns, where).toEqual([]);
          break;
        case "resolved":
        case "followed_up":
          signed(order);
          expect(returns, where).toEqual([]);
          expect(order.extensions.filter(pending), where).toEqual([]);
          expect(order.openSupervisions, where).toBe(0);
          expect((order.resolvedAt as Date) > (order.signedAt as Date), where).toBe(true);
          break;
        default:
          throw new Error(`${where}: a dispatched order is never ${order.status}`);
      }
    }
    // Assigned to a caseworker of its own region, or to nobody.
    const [stray] = await testDb.client<{ n: number }[]>`
      select count(*)::int as n from enquiries e join work_orders w on w.enquiry_id = e.id
      join users u on u.id = e.assignee_id where u.region_scope is distinct from e.region_code`;
    expect(stray?.n).toBe(0);
    // Every event of a course lies between its dispatch and now.
    const [outside] = await testDb.client<{ n: number }[]>`
      select count(*)::int as n from audit_events a
      join work_orders w on w.enquiry_id::text = a.entity_id and a.entity = 'enquiry'
      where a.at < w.dispatched_at or a.at > ${now.toISOString()}`;
    expect(outside?.n).toBe(0);
  });

  it("have histories that walk the course table from 待签收 to their status", async () => {
    const codeOf = new Map(
      Object.entries(ENQUIRY_STATUS_LABELS).map(([code, label]) => [label, code as EnquiryStatus]),
    );
    const actions: Partial<Record<AuditAction, readonly TransitionAction[]>> = {
      "work_order.sign": ["sign"],
      "work_order.return": [
        "request_return",
        "approve_return",
        "refuse_return",
        "centre_accept_return",
        "centre_refuse_return",
      ],
      "work_order.transfer": ["transfer"],
      "work_order.suspend": ["suspend"],
      "work_order.resume": ["unsuspend"],
      "enquiry.transition": ["await_recheck", "resolve", "follow_up"],
    };
    type Event = {
      id: string;
      action: AuditAction;
      before: { status?: string } | null;
      after: { status?: string };
    };
    const events = await testDb.client<Event[]>`
      select a.entity_id as id, a.action, a.before, a.after from audit_events a
      where a.entity = 'enquiry' and a.entity_id in (select enquiry_id::text from work_orders)
      order by a.entity_id, a.at, a.id`;
    const byOrder = new Map<string, Event[]>();
    for (const event of events) byOrder.set(event.id, [...(byOrder.get(event.id) ?? []), event]);
    const statuses = new Map((await orders()).map((order) => [String(order.id), order.status]));
    expect(byOrder.size).toBe(statuses.size);
    for (const [id, history] of byOrder) {
      expect(history[0]?.action, `#${id}`).toBe("work_order.dispatch");
      expect(history.filter((event) => event.action === "work_order.dispatch")).toHaveLength(1);
      expect(
        history.some((event) => event.action === "enquiry.create"),
        `#${id}`,
      ).toBe(false);
      let status: EnquiryStatus = "awaiting_sign";
      for (const event of history.slice(1)) {
        if (!event.after.status) continue;
        const from = codeOf.get(event.before?.status ?? "");
        const to = codeOf.get(event.after.status) as EnquiryStatus;
        expect(from, `#${id} ${event.action}`).toBe(status);
        const allowed = actions[event.action] ?? [];
        const step = TRANSITIONS.find(
          (row) =>
            allowed.includes(row.code) &&
            (row.from as readonly EnquiryStatus[]).includes(status) &&
            row.to === to,
        );
        expect(step, `#${id} ${event.action} ${status} → ${to}`).toBeDefined();
        status = to;
      }
      expect(status, `#${id}`).toBe(statuses.get(id));
    }
  });

  it("name their callers: most chosen, some matched by name, a few still to be identified", async () => {
    const rows = await testDb.client<
      {
        memberId: number | null;
        status: EnquiryStatus;
        callerName: string | null;
        phoneMasked: string | null;
        idMasked: string | null;
        signedAt: Date | null;
        steps: number;
        member: string;
      }[]
    >`
      select e.member_id::int as "memberId", e.status, w.caller_name as "callerName",
        w.caller_phone_masked as "phoneMasked", w.caller_id_number_masked as "idMasked",
        w.signed_at as "signedAt",
        (select count(*)::int from resolution_steps s where s.enquiry_id = e.id) as steps,
        (select a.after ->> 'member' from audit_events a where a.entity = 'enquiry'
          and a.entity_id = e.id::text and a.action = 'work_order.dispatch') as member
      from enquiries e join work_orders w on w.enquiry_id = e.id`;
    const unidentified = rows.filter((row) => row.memberId === null);
    const byName = rows.filter((row) => row.member === "按姓名匹配");
    expect(unidentified.length).toBeGreaterThanOrEqual(2);
    expect(byName.length).toBeGreaterThanOrEqual(10);
    expect(rows.filter((row) => row.member === "已选择").length).toBeGreaterThan(rows.length / 2);
    for (const row of unidentified) {
      // Nobody has signed or worked it: 待签收 or a 退单 under way, no steps, no ID number.
      expect(["awaiting_sign", "return_review", "return_submitted"]).toContain(row.status);
      expect(row).toMatchObject({ signedAt: null, steps: 0, idMasked: null });
      expect(row.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(row.member).toBe(`待识别（来电人${row.callerName}）`);
    }
    for (const row of byName) {
      expect(row.memberId).not.toBeNull();
      expect(row.callerName).toBeTruthy();
    }
  });

  it("take every side path of the course", async () => {
    const [counts] = await testDb.client<Record<string, number>[]>`
      select
        (select count(*) from enquiries where status = 'withdrawn')::int as withdrawn,
        (select count(*) from work_order_reviews where kind = 'return' and decision = 'refused')::int
          as "returnRefused",
        (select count(*) from work_order_reviews
          where kind = 'return' and centre_decision = 'refused')::int as "returnRefusedByCentre",
        (select count(*) from work_order_transfers)::int as transfers,
        (select count(*) from work_order_reviews
          where kind = 'extension' and centre_decision = 'accepted')::int as "extensionAccepted",
        (select count(*) from work_order_reviews where kind = 'extension'
          and (decision = 'refused' or centre_decision = 'refused'))::int as "extensionRefused",
        (select count(*) from work_order_pauses where ended_at is not null)::int as "pauseEnded",
        (select count(*) from enquiries where status = 'suspended')::int as suspended,
        (select count(*) from work_order_reminders where kind = 'sign_overdue')::int as "signReminders",
        (select count(*) from work_order_reminders where kind = 'handling_overdue')::int
          as "handlingReminders",
        (select count(*) from work_order_supervisions s join enquiries e on e.id = s.enquiry_id
          where s.answered_at is not null and e.status in ('resolved', 'followed_up'))::int
          as "supervisionAnswered",
        (select count(*) from work_order_supervisions s join enquiries e on e.id = s.enquiry_id
          where s.answered_at is null and bd_is_open(e.status))::int as "supervisionOpen",
        (select count(*) from enquiries where status = 'awaiting_sign')::int as "awaitingSign",
        (select count(*) from enquiries e join work_orders w on w.enquiry_id = e.id
          where e.status = 'awaiting_sign' and w.sign_due_at < ${now.toISOString()})::int
          as "signOverdue",
        (select count(*) from enquiries where status in ('return_review', 'return_submitted'))::int
          as "returnWaiting"`;
    for (const [path, n] of Object.entries(counts ?? {})) {
      expect(n, path).toBeGreaterThan(0);
    }
    // The member is told of each accepted 延期, after the centre's answer, saying how.
    const told = await testDb.client<
      { accepted: number; told: number | null; note: string | null }[]
    >`
      select ${ms("r.centre_recorded_at")} as accepted, ${ms("s.done_at")} as told, s.note
      from work_order_reviews r
      left join resolution_steps s on s.enquiry_id = r.enquiry_id and s.kind = 'extension_notified'
      where r.kind = 'extension' and r.centre_decision = 'accepted'`;
    for (const row of told) {
      expect(row.told && row.told > row.accepted).toBe(true);
      expect(row.note).toMatch(/(电话|短信).*(延至|延期至)\d+月\d+日/);
    }
    // A 转办 goes to the enquiry's own city from the city that dispatched it, before 签收.
    const transfers = await testDb.db.select().from(workOrderTransfers);
    const moved = await testDb.db
      .select()
      .from(workOrders)
      .where(
        inArray(
          workOrders.enquiryId,
          transfers.map((t) => t.enquiryId),
        ),
      )
      .orderBy(asc(workOrders.enquiryId));
    const regions = await testDb.db
      .select({ id: enquiries.id, regionCode: enquiries.regionCode })
      .from(enquiries)
      .where(
        inArray(
          enquiries.id,
          transfers.map((t) => t.enquiryId),
        ),
      );
    for (const transfer of transfers) {
      const order = moved.find((one) => one.enquiryId === transfer.enquiryId);
      expect(transfer.fromRegion).toBe(order?.dispatchingCity);
      expect(transfer.toRegion).toBe(regions.find((r) => r.id === transfer.enquiryId)?.regionCode);
      expect(transfer.transferredAt > (order?.dispatchedAt as Date)).toBe(true);
      if (order?.signedAt) expect(transfer.transferredAt < order.signedAt).toBe(true);
    }
  });

  it("count every limit from the region's settings, with its pauses and extensions", async () => {
    const rows = await testDb.db
      .select({ order: workOrders, enquiry: enquiries })
      .from(workOrders)
      .innerJoin(enquiries, eq(enquiries.id, workOrders.enquiryId))
      .orderBy(asc(workOrders.enquiryId));
    const transfers = await testDb.db.select().from(workOrderTransfers);
    const reminders = (
      await testDb.client<{ id: number; kind: string; due: number; at: number }[]>`
        select enquiry_id::int as id, kind, ${ms("due_at")} as due, ${ms("reminded_at")} as at
        from work_order_reminders`
    ).map((row) => ({ ...row, due: new Date(row.due), at: new Date(row.at) }));
    const signs = new Map(
      (
        await testDb.client<{ id: string; signed: string }[]>`
          select entity_id as id, after ->> 'signed' as signed from audit_events
          where action = 'work_order.sign'`
      ).map((row) => [Number(row.id), row.signed]),
    );
    const regionsSeen = new Set<string>();
    for (const { order, enquiry } of rows) {
      const where = `#${enquiry.id}`;
      const limits = await limitsFor(testDb.db, enquiry.regionCode, order.dispatchedAt);
      const events = await clockEvents(testDb.db, enquiry.id);
      const pauses = events.pauses.filter((pause) => pause.to !== null);
      const due = handlingDueAt(order, enquiry.priority, limits, { ...events, pauses });
      expect(enquiry.dueAt, where).toEqual(due);
      if (enquiry.status !== "suspended") {
        expect(handlingDueAt(order, enquiry.priority, limits, events), where).toEqual(due);
      }
      const arrived =
        transfers.filter((t) => t.enquiryId === enquiry.id).at(-1)?.transferredAt ??
        order.dispatchedAt;
      const signDue = signDueAt(arrived, limits, enquiry.dueAt);
      if (!order.signedAt) expect(order.signDueAt, where).toEqual(signDue);
      if (order.signedAt) {
        expect(signs.get(enquiry.id), where).toBe(
          order.signedAt > signDue ? "超时签收" : "按时签收",
        );
      }
      // The hotline's own deadline, where it wrote one, is the limit of the region it first
      // dispatched the order to.
      if (order.externalDueAt) {
        const first = await limitsFor(testDb.db, order.dispatchingCity, order.dispatchedAt);
        const none = { pauses: [], extensions: [] };
        expect(order.externalDueAt, where).toEqual(
          handlingDueAt(order, enquiry.priority, first, none),
        );
      }
      // Recorded by the scheduled job, which runs every quarter of an hour.
      for (const reminder of reminders.filter((r) => r.id === enquiry.id)) {
        expect(reminder.due, where).toEqual(reminder.kind === "sign_overdue" ? signDue : due);
        expect(reminder.at > reminder.due, where).toBe(true);
        expect(reminder.at.getTime() % (15 * 60_000), where).toBe(0);
      }
      // 办结 after the limit leaves a 催办 at it.
      if (enquiry.resolvedAt && due && enquiry.resolvedAt.getTime() > due.getTime() + 15 * 60_000) {
        expect(
          reminders.some((r) => r.id === enquiry.id && r.kind === "handling_overdue"),
          where,
        ).toBe(true);
      }
      regionsSeen.add(enquiry.regionCode);
    }
    // Most are signed in time, a few late.
    const late = [...signs.values()].filter((signed) => signed === "超时签收").length / signs.size;
    expect(late).toBeGreaterThan(0.01);
    expect(late).toBeLessThan(0.1);
    // The demo cities with limits of their own (西安, 乐山) are among them.
    expect(regionsSeen).toContain("610100");
    expect(regionsSeen).toContain("511100");
  });
});
