import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { members, users } from "@/db/schema";
import type { SessionRef } from "../../auth/session-ref";
import { byMonth, byRegion, causeShare, heatmap, kpis } from "../../domain/analytics";
import { countEnquiries, type EnquiryCount } from "../../domain/enquiries/count";
import { createEnquiry } from "../../domain/enquiries/create";
import { type EnquiryListPage, listEnquiries } from "../../domain/enquiries/list";
import { inScope } from "../../domain/region-scope";
import { startSession } from "../../domain/sessions";
import { type Actor, loadActor } from "../../domain/users";
import type { AnalyticsFilter, ByMonthResult, ByRegionResult } from "../../schemas/analytics";
import { defaultPeriod } from "../../schemas/analytics-params";
import {
  type CountEnquiriesInput,
  type CreateEnquiryInput,
  createEnquiryInput,
  type ListEnquiriesInput,
} from "../../schemas/enquiries";
import type { AppClient, BrowserSession } from "./http";
import type { BenchCase } from "./measure";

// What is measured: each call through the real HTTP endpoint (session cookie, proxy, Auth.js,
// tRPC, the actor re-read, superjson) against its floor, the same domain function called here
// with an actor loaded once, which is the SQL and the driver alone.

export type CheckedCase = BenchCase & {
  // One call each way before timing: the HTTP answer must equal the direct one and make sense.
  verify: () => Promise<void>;
};

// A province with several seeded cities (苏州, 无锡, 扬州), for the filtered variants.
const PROVINCE = { code: "320000", name: "江苏省" };

export type BenchUser = { actor: Actor; session: SessionRef };

// The floor's actor comes from a server-side session of its own, opened here as sign-in
// would, so the floor of viewer.me runs the same session query as the HTTP path.
export async function loadBenchUser(db: Database, login: string): Promise<BenchUser> {
  const [user] = await db
    .select({ id: users.id, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.login, login));
  const session: SessionRef | null = user
    ? {
        userId: user.id,
        sessionVersion: user.sessionVersion,
        sessionId: await startSession(db, user.id, { userAgent: "bench", clientAddress: null }),
      }
    : null;
  const actor = session ? await loadActor(db, session) : null;
  if (!session || !actor) {
    throw new Error(`no active demo user ${login}: is the bench database seeded?`);
  }
  return { actor, session };
}

function analyticsCase<T>(
  session: BrowserSession,
  name: string,
  overHttp: (trpc: AppClient) => Promise<T>,
  direct: () => Promise<T>,
  sane: (result: T) => boolean,
): CheckedCase {
  const http = () => session.call(overHttp);
  return {
    name,
    target: { kind: "overhead", overheadMs: 10, maxMs: 50 },
    http,
    floor: direct,
    verify: () => verifySame(name, http, direct, sane),
  };
}

export function analyticsCases(
  db: Database,
  manager: Actor,
  session: BrowserSession,
): CheckedCase[] {
  const whole: AnalyticsFilter = defaultPeriod();
  const province: AnalyticsFilter = { ...whole, regionCode: PROVINCE.code };
  const byMonthSane = (r: ByMonthResult) => r.rows.length === 12 && r.rows.some((m) => m.tags > 0);
  const byRegionSane = (r: ByRegionResult) => r.rows.length > 1;
  const inProvince = ` ${PROVINCE.name}`;
  return [
    analyticsCase(
      session,
      "analytics.byMonth",
      (trpc) => trpc.analytics.byMonth.query(whole),
      () => byMonth(db, manager, whole),
      byMonthSane,
    ),
    analyticsCase(
      session,
      `analytics.byMonth${inProvince}`,
      (trpc) => trpc.analytics.byMonth.query(province),
      () => byMonth(db, manager, province),
      byMonthSane,
    ),
    analyticsCase(
      session,
      "analytics.byRegion",
      (trpc) => trpc.analytics.byRegion.query(whole),
      () => byRegion(db, manager, whole),
      byRegionSane,
    ),
    analyticsCase(
      session,
      `analytics.byRegion${inProvince}`,
      (trpc) => trpc.analytics.byRegion.query(province),
      () => byRegion(db, manager, province),
      byRegionSane,
    ),
    analyticsCase(
      session,
      "analytics.heatmap",
      (trpc) => trpc.analytics.heatmap.query({ filter: whole }),
      () => heatmap(db, manager, { filter: whole }),
      (r) => r.cells.length > 0 && r.max > 0,
    ),
    analyticsCase(
      session,
      "analytics.causeShare",
      (trpc) => trpc.analytics.causeShare.query(whole),
      () => causeShare(db, manager, whole),
      (r) => r.some((row) => row.count > 0),
    ),
    analyticsCase(
      session,
      "analytics.kpis",
      (trpc) => trpc.analytics.kpis.query(whole),
      () => kpis(db, manager, whole),
      (r) => r.enquiries > 0,
    ),
  ];
}

export function listCases(
  db: Database,
  actors: { caseworker: Actor; manager: Actor },
  sessions: { caseworker: BrowserSession; manager: BrowserSession },
): CheckedCase[] {
  const filtered: CountEnquiriesInput = { status: ["open", "in_progress"], cause: ["resignation"] };
  const search: CountEnquiriesInput = { q: "负数" };
  const cases = [
    { name: "caseworker filtered", login: "caseworker", input: filtered },
    { name: "manager q=负数", login: "manager", input: search },
  ] as const;
  return cases.flatMap((c): CheckedCase[] => {
    const session = sessions[c.login];
    const actor = actors[c.login];
    const page: ListEnquiriesInput = { ...c.input, sort: "newest", limit: 20 };
    const list = {
      http: () => session.call((trpc) => trpc.enquiries.list.query(page)),
      floor: () => listEnquiries(db, actor, page),
    };
    const count = {
      http: () => session.call((trpc) => trpc.enquiries.count.query(c.input)),
      floor: () => countEnquiries(db, actor, c.input),
    };
    return [
      {
        name: `enquiries.list ${c.name}`,
        target: { kind: "max", maxMs: 20 },
        ...list,
        verify: () =>
          verifySame(
            `list ${c.name}`,
            list.http,
            list.floor,
            (r: EnquiryListPage) => r.items.length > 0,
          ),
      },
      {
        // The total shown above the list, fetched beside the page (capped at 1,000).
        name: `enquiries.count ${c.name}`,
        target: { kind: "max", maxMs: 50 },
        ...count,
        verify: () =>
          verifySame(`count ${c.name}`, count.http, count.floor, (r: EnquiryCount) => r.total > 0),
      },
    ];
  });
}

// Every created enquiry is recorded, so that the run can remove what it added.
export async function createCase(
  db: Database,
  caseworker: Actor,
  session: BrowserSession,
  created: number[],
): Promise<CheckedCase> {
  const [member] = await db
    .select({ id: members.id })
    .from(members)
    .where(inScope(members.regionCode, caseworker.regionScope))
    .limit(1);
  if (!member) throw new Error(`no member in ${caseworker.regionScope} for enquiries.create`);
  const input = (): CreateEnquiryInput => ({
    idempotencyKey: randomUUID(),
    memberId: member.id,
    channel: "hotline_12393",
    symptom: "negative",
    reportedBalanceFen: -12_345,
    disputedAmountFen: null,
    description: "性能基准：参保人反映个人账户余额显示为负数，离职后单位未及时减员。",
    causes: [{ cause: "resignation", subReason: null, isPrimary: true }],
  });
  const http = async () => {
    const answer = await session.trpc.enquiries.create.mutate(input());
    if (answer.duplicate) throw new Error("enquiries.create: a fresh key came back as duplicate");
    created.push(answer.id);
  };
  const floor = async () => {
    const answer = await createEnquiry(db, caseworker, createEnquiryInput.parse(input()));
    created.push(answer.id);
  };
  return {
    name: "enquiries.create",
    target: { kind: "max", maxMs: 30 },
    http,
    floor,
    verify: http,
  };
}

// The cost of an HTTP round trip itself (fetch, loopback, a bare node:http answer), for
// telling the client's share of the overheads from the app's.
export async function transportCase(): Promise<{ bench: CheckedCase; close: () => Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end('{"status":"ok"}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const http = async () => {
    const response = await fetch(`http://127.0.0.1:${port}/`);
    await response.text();
  };
  return {
    bench: {
      name: "bare node:http (transport only)",
      target: { kind: "none" },
      http,
      verify: http,
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// Where the HTTP time goes besides the query: the server and its proxy alone (no session, no
// database), and a signed-in call whose only query is the actor re-read.
export function diagnosticCases(
  db: Database,
  manager: BenchUser,
  session: BrowserSession,
): CheckedCase[] {
  const health = () => session.get("/api/health");
  const me = () => session.call((trpc) => trpc.viewer.me.query());
  return [
    {
      name: "GET /api/health (no auth, no DB)",
      target: { kind: "none" },
      http: health,
      verify: async () => {
        const call = await health();
        if (call.status !== 200) throw new Error(`/api/health: HTTP ${call.status}`);
      },
    },
    {
      name: "viewer.me (session + actor only)",
      target: { kind: "none" },
      http: me,
      floor: () => loadActor(db, manager.session),
      verify: async () => {
        const { data: actor } = await me();
        if (!actor || actor.id !== manager.actor.id)
          throw new Error("viewer.me answered for someone else");
      },
    },
  ];
}

// Both sides go through JSON, so dates compare by their ISO strings rather than as objects
// without keys.
async function verifySame<T>(
  name: string,
  overHttp: () => Promise<{ data: T }>,
  direct: () => Promise<T>,
  sane: (result: T) => boolean,
): Promise<void> {
  const { data: received } = await overHttp();
  const result = await direct();
  const difference = firstDifference(
    JSON.parse(JSON.stringify(received)),
    JSON.parse(JSON.stringify(result)),
  );
  if (difference) {
    throw new Error(
      `${name}: the HTTP answer differs from the direct call at ${difference} ` +
        "(were the sources edited after the build?)",
    );
  }
  if (!sane(result)) throw new Error(`${name}: the answer is empty`);
}

// The path of the first value that differs ("rows[3].counts.resignation: 12 ≠ 14"), or null.
function firstDifference(received: unknown, expected: unknown, at = "answer"): string | null {
  if (Object.is(received, expected)) return null;
  if (
    typeof received !== "object" ||
    typeof expected !== "object" ||
    received === null ||
    expected === null
  ) {
    return `${at}: ${JSON.stringify(received)} ≠ ${JSON.stringify(expected)}`;
  }
  const keys = new Set([...Object.keys(received), ...Object.keys(expected)]);
  for (const key of keys) {
    const child = Array.isArray(received) ? `${at}[${key}]` : `${at}.${key}`;
    const found = firstDifference(
      (received as Record<string, unknown>)[key],
      (expected as Record<string, unknown>)[key],
      child,
    );
    if (found) return found;
  }
  return null;
}
