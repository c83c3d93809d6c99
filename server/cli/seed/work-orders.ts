// The demo's hotline work orders (12345 / 12393). Most enquiries that came in by a hotline were
// dispatched to the agency as work orders; the rest were answered at the hotline and only logged.
// Each dispatched one gets its order (the platform's number, the dispatching unit, the
// classification), a course that leads to the status it was drafted with, and the rows and audit
// entries of that course: 签收, 退单, 转办, 挂起, 延期, 催办 and 督办 (work-order-paths.ts for the
// closed ones, work-order-open.ts for the others). Limits come from the region's settings, through
// the same pure rules the application applies (work-order-clock.ts). Runs once the enquiries and
// their steps exist and before their history is written (history.ts reads the work orders).
// Deterministic: the same `now` gives the same orders. The bulk loader (bulk.ts) makes none.
import type { WorkOrderPlatform } from "@/db/constants";
import type { Executor } from "@/db/index";
import { maskPhone, type PiiCodec } from "@/db/pii";
import { users } from "@/db/schema";
import type { MemberFound } from "../../domain/work-orders/history-entries";
import { shanghaiDay } from "../../rules/calendar-day";
import type { SeedCity } from "./enquiries";
import { createRandom, type Random } from "./random";
import { clocksByDay, type OrderClock, officeMinutes } from "./work-order-clock";
import { type HotlineEnquiry, OrderCourse, type OrderSetup } from "./work-order-course";
import {
  type FreshState,
  runFresh,
  runWorking,
  type WorkingPath,
  workingPath,
} from "./work-order-open";
import { type ClosedPath, closedPath, runClosed } from "./work-order-paths";
import { loadHotlineEnquiries, type Planned, writeOrders } from "./work-order-rows";
import { classificationFor, createNumberBook, dispatchingUnit } from "./work-order-texts";

const WORK_ORDER_SEED = 0x1234_5393;
// Of the hotline enquiries, those dispatched as work orders: about seven in ten. A call answered
// at the hotline is mostly settled there, so of the recent ones still open most were dispatched;
// one still open a month after the call was only logged (a dispatched order runs on a limit).
const DISPATCHED_SHARE = { closed: 0.68, open: 0.9 };
// Orders dispatched to the region, for any of its caseworkers to sign.
const TO_REGION_SHARE = 0.35;
// Callers the manager did not pick from the records at 派单: matched by the name they gave, or,
// among the orders nobody has signed yet, not matched at all (待识别参保人, no ID number given,
// a phone not on record) until a caseworker calls back and links the member.
const NAME_MATCH_SHARE = 0.08;
const UNIDENTIFIED_SHARE = 0.3;
// The states the desk should show whatever the day the demo is seeded on. The open orders of the
// last two working weeks take them, newest first, each the first of them it can be in: the
// newest in time waits for 签收, an older one has passed its limit.
const RECENT_WORKING_DAYS = 10;
const RECENT_STATES = [
  "unsigned",
  "extension_pending",
  "return_review",
  "open_pause",
  "return_submitted",
  "unsigned_late",
] as const satisfies readonly (FreshState | WorkingPath)[];

const FRESH_STATES: readonly string[] = [
  "unsigned",
  "unsigned_late",
  "signed",
  "return_review",
  "return_submitted",
];
const DAY_MS = 86_400_000;

export type WorkOrderSeedOptions = {
  now: Date;
  // The demo cities, with their caseworkers set.
  cities: readonly SeedCity[];
  managerId: number;
  pii: PiiCodec;
};

// "fresh": an order nobody had started, in the state its age makes likely.
type Path = ClosedPath | WorkingPath | FreshState | "fresh";

type Context = WorkOrderSeedOptions & {
  random: Random;
  clockAt(regionCode: string, day: string): OrderClock;
  number(platform: WorkOrderPlatform, city: SeedCity, day: string): string;
  names: Map<number, string>;
};

export async function seedWorkOrders(tx: Executor, options: WorkOrderSeedOptions) {
  const random = createRandom(WORK_ORDER_SEED);
  const context: Context = {
    ...options,
    random,
    clockAt: await clocksByDay(
      tx,
      options.cities.map((city) => city.code),
    ),
    number: createNumberBook(random),
    names: new Map(
      (await tx.select({ id: users.id, name: users.displayName }).from(users)).map((row) => [
        row.id,
        row.name,
      ]),
    ),
  };
  const dispatched = (await loadHotlineEnquiries(tx)).filter((input) =>
    isClosed(input)
      ? random.chance(DISPATCHED_SHARE.closed)
      : options.now.getTime() - input.openedAt.getTime() <= 30 * DAY_MS &&
        random.chance(DISPATCHED_SHARE.open),
  );
  const plans = new Map<number, Planned | null>();
  const wanted: Path[] = [...RECENT_STATES];
  for (const input of dispatched.filter((one) => isRecentOpen(one, context)).reverse()) {
    for (const [i, state] of wanted.entries()) {
      const plan = planOrder(input, context, state);
      if (!plan) continue;
      plans.set(input.id, plan);
      wanted.splice(i, 1);
      break;
    }
  }
  for (const input of dispatched) {
    if (!plans.has(input.id)) plans.set(input.id, planOrder(input, context));
  }
  const planned = dispatched.flatMap((input) => plans.get(input.id) ?? []);
  await writeOrders(tx, planned);
  return planned.length;
}

// Another demo city the order could first have gone to: one of the same province where there is
// one (the member works there and is insured here), else any.
function otherCity(random: Random, cities: readonly SeedCity[], city: SeedCity): SeedCity {
  const others = cities.filter((other) => other.code !== city.code);
  const near = others.filter((other) => other.code.slice(0, 2) === city.code.slice(0, 2));
  return random.pick(near.length > 0 ? near : others);
}

const isClosed = (input: HotlineEnquiry) =>
  input.status === "resolved" || input.status === "followed_up";

function isRecentOpen(input: HotlineEnquiry, context: Context): boolean {
  // Office time is counted day by day: only for the orders it could be true of.
  const days = (context.now.getTime() - input.openedAt.getTime()) / DAY_MS;
  if (isClosed(input) || days > 2 * RECENT_WORKING_DAYS + 10) return false;
  const clock = context.clockAt(input.regionCode, shanghaiDay(input.openedAt));
  return officeMinutes(clock, input.openedAt, context.now) <= RECENT_WORKING_DAYS * clock.day;
}

// The order of the enquiry along its own path (falling back to the ordinary course), or in
// `state` only; null when it cannot be.
function planOrder(input: HotlineEnquiry, context: Context, state?: Path): Planned | null {
  const { random, now, cities } = context;
  const city = cities.find((one) => one.code === input.regionCode);
  if (!city) return null;
  const day = shanghaiDay(input.openedAt);
  const clock = context.clockAt(city.code, day);
  const stage = isClosed(input) ? "closed" : input.status === "open" ? "fresh" : "working";
  const classification = classificationFor(random, input.priority);
  const carriesDueAt = random.chance(input.channel === "hotline_12345" ? 0.9 : 0.5);
  const toRegion = random.chance(TO_REGION_SHARE);

  // The newest order waiting for 签收 and the one waiting for a 退单 decision always show it.
  const unidentified =
    stage !== "closed" &&
    (state === "unsigned" || state === "return_review" || random.chance(UNIDENTIFIED_SHARE));
  const attempt = (path: Path, unknownCaller: boolean): Planned | null => {
    const transfer = path === "transfer";
    const from = transfer ? otherCity(random, cities, city) : city;
    const assigneeId = transfer || toRegion ? null : city.caseworkerId;
    const setup: OrderSetup = {
      platform: input.channel,
      externalNumber: context.number(input.channel, from, day),
      dispatchingUnit: dispatchingUnit(input.channel, from),
      carriesDueAt,
      classification,
      dispatchingCity: from,
      regionName: city.name,
      dispatchClock: context.clockAt(from.code, day),
      clock,
      member: unknownCaller ? { by: "unidentified", callerName: input.memberName } : found(random),
      caller: unknownCaller ? callerPhone(random, context.pii) : null,
      assigneeId,
      assigneeName: assigneeId === null ? null : (context.names.get(assigneeId) ?? null),
      worker: input.assigneeId ?? input.createdBy,
      caseworkerId: city.caseworkerId,
      managerId: context.managerId,
      now,
    };
    const course = new OrderCourse(input, setup);
    const changes =
      stage === "closed"
        ? runClosed(course, random, path as ClosedPath)
        : path === "fresh"
          ? runFresh(course, random)
          : FRESH_STATES.includes(path)
            ? runFresh(course, random, path as FreshState)
            : runWorking(course, random, path as WorkingPath);
    // Only an order nobody has worked on can still be without its member.
    if (!changes || (unknownCaller && !changes.unworked)) return null;
    return { course, changes };
  };
  const planned = (path: Path) => (unidentified && attempt(path, true)) || attempt(path, false);
  if (state) return planned(state);
  const path: Path =
    stage === "closed"
      ? closedPath(random, input, clock, now)
      : stage === "working"
        ? workingPath(random, input)
        : "fresh";
  return planned(path) ?? (path === "normal" || path === "fresh" ? null : planned("normal"));
}

const found = (random: Random): MemberFound =>
  random.chance(NAME_MATCH_SHARE) ? { by: "姓名" } : { by: "chosen" };

// The mobile number the caller left: drawn at random, not taken from the member's record.
function callerPhone(random: Random, pii: PiiCodec) {
  const phone = `1${random.pick(["37", "58", "86"])}${String(random.int(0, 99_999_999)).padStart(8, "0")}`;
  return {
    phoneHash: pii.hash(phone),
    phoneEncrypted: pii.encrypt(phone),
    phoneMasked: maskPhone(phone),
  };
}
