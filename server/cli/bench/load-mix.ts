import { randomUUID } from "node:crypto";
import type { Request } from "autocannon";
import { CHANNEL_CODES, SYMPTOM_CODES } from "@/db/constants";
import { defaultPeriod } from "../../schemas/analytics-params";
import { decodeAnswer, encodeCall } from "./http";

// The requests of `npm run load`: what a busy desk sends, through the real tRPC endpoint,
// encoded as the app's tRPC client sends them (./http.ts).
// Writes pick members and enquiries inside the caseworker's own region.

export type LoadEnquiry = { id: number; version: number; stale: boolean };
export type LoadUser = {
  login: string;
  role: "caseworker" | "manager";
  cookie: string;
  memberIds: number[];
  enquiries: LoadEnquiry[];
};

export const KINDS = ["list", "detail", "byMonth", "kpis", "create", "addStep"] as const;
export type Kind = (typeof KINDS)[number];
// Out of 100 requests: reading lists and enquiries dominates, as at a counter.
const WEIGHTS: Record<Kind, number> = {
  list: 35,
  detail: 20,
  byMonth: 10,
  kpis: 10,
  create: 15,
  addStep: 10,
};

const LIST_INPUTS = [
  { limit: 20 },
  { status: ["open", "in_progress"], limit: 20 },
  { cause: ["resignation"], limit: 20 },
  { symptom: ["negative"], sort: "due", limit: 20 },
  { q: "负数", limit: 20 },
  { channel: ["hotline_12393"], sort: "oldest", limit: 20 },
];

export type KindStats = { count: number; statuses: Map<number, number>; latencies: number[] };
type Context = { kind?: Kind; enquiry?: LoadEnquiry; startedAt?: number };

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

function pickKind(): Kind {
  let roll = Math.random() * 100;
  for (const kind of KINDS) {
    roll -= WEIGHTS[kind];
    if (roll < 0) return kind;
  }
  return "list";
}

const query = (path: string, input: unknown): Partial<Request> => encodeCall("query", path, input);
const mutation = (path: string, input: unknown): Partial<Request> =>
  encodeCall("mutation", path, input);

export function createLoadMix(baseUrl: string, users: LoadUser[]) {
  const caseworkers = users.filter((u) => u.role === "caseworker");
  const managers = users.filter((u) => u.role === "manager");
  if (caseworkers.length === 0 || managers.length === 0) {
    throw new Error("the load needs at least one caseworker and one manager");
  }
  const period = defaultPeriod();
  const stats = new Map<Kind, KindStats>(
    KINDS.map((kind) => [kind, { count: 0, statuses: new Map(), latencies: [] }]),
  );

  function build(kind: Kind, context: Context): { user: LoadUser; request: Partial<Request> } {
    switch (kind) {
      case "list": {
        const user = pick(users);
        return { user, request: query("enquiries.list", pick(LIST_INPUTS)) };
      }
      case "byMonth":
      case "kpis":
        return { user: pick(managers), request: query(`analytics.${kind}`, period) };
      case "create": {
        const user = pick(caseworkers);
        return {
          user,
          request: mutation("enquiries.create", {
            idempotencyKey: randomUUID(),
            memberId: pick(user.memberIds),
            channel: pick(CHANNEL_CODES),
            symptom: pick(SYMPTOM_CODES),
            reportedBalanceFen: -12_345,
            disputedAmountFen: 12_345,
            description: "压力测试：参保人来电反映个人账户余额异常",
            causes: [{ cause: "system_delay", subReason: null, isPrimary: true }],
          }),
        };
      }
      case "detail":
      case "addStep": {
        const user = pick(caseworkers);
        const enquiry = pick(user.enquiries);
        context.enquiry = enquiry;
        // A step needs the current version; after a conflict, the page is read again first.
        if (kind === "detail" || enquiry.stale) {
          context.kind = "detail";
          return { user, request: query("enquiries.byId", { id: enquiry.id }) };
        }
        return {
          user,
          request: mutation("enquiries.addStep", {
            id: enquiry.id,
            version: enquiry.version,
            kind: "free_text",
            note: "压力测试：已电话联系参保人说明情况",
          }),
        };
      }
    }
  }

  function setupRequest(request: Request, rawContext: object): Request {
    const context = rawContext as Context;
    context.kind = pickKind();
    context.enquiry = undefined;
    const { user, request: built } = build(context.kind, context);
    context.startedAt = performance.now();
    return {
      ...request,
      ...built,
      headers: {
        ...request.headers,
        cookie: user.cookie,
        origin: baseUrl,
        "content-type": "application/json",
      },
    };
  }

  function onResponse(status: number, body: string, rawContext: object): void {
    const context = rawContext as Context;
    const kind = context.kind ?? "list";
    const entry = stats.get(kind) as KindStats;
    entry.count += 1;
    entry.statuses.set(status, (entry.statuses.get(status) ?? 0) + 1);
    if (context.startedAt !== undefined)
      entry.latencies.push(performance.now() - context.startedAt);
    const enquiry = context.enquiry;
    if (!enquiry) return;
    if (status === 409) enquiry.stale = true;
    if (status !== 200) return;
    const version = versionIn(body);
    if (version !== null) {
      enquiry.version = version;
      enquiry.stale = false;
    }
  }

  return { setupRequest, onResponse, stats };
}

// enquiries.byId answers the enquiry, enquiries.addStep { enquiry, step }.
function versionIn(body: string): number | null {
  const data = decodeAnswer(body) as { version?: unknown; enquiry?: { version?: unknown } } | null;
  const version = data?.enquiry?.version ?? data?.version;
  return typeof version === "number" ? version : null;
}
