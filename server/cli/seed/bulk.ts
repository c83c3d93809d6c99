// The benchmark loader: a large number of enquiries (ten million in about an hour) on top of the
// demo data, with the same shapes as the demo's; their members come from a pool of new members
// (one per ten enquiries). Everything is written with COPY, in batches of at most a few tens of
// thousands of rows that are drafted, streamed and dropped, so the memory used does not depend
// on the size of the load. The id ranges are reserved first (the identity sequences are moved
// past them), so causes and steps can refer to enquiry ids without a round trip, and two
// batches can be written at once, one transaction each. A failed load leaves the batches
// already written. The analytics rollups are added once per batch from the copied rows
// (bd_rollups_add, in the same transaction) rather than row by row by their triggers, which
// made the load four to five times slower. The bulk enquiries get no hotline work orders: those
// of the hotline channels stand for calls answered at the hotline and only logged, as about three
// in ten of the demo's are (server/cli/seed/work-orders.ts writes the demo's orders, with their
// history, in one pass over the demo enquiries). Their statuses are the ones a counter enquiry can
// have, so the rows hold together without an order.
import { drizzle } from "drizzle-orm/postgres-js";
import type postgres from "postgres";
import { createPiiCodec } from "@/db/pii";
import * as schema from "@/db/schema";
import { splitMonth } from "./batches";
import { DAY_MS, seedMonths } from "./calendar";
import {
  CAUSE_COLUMNS,
  causeLines,
  chunked,
  copyInto,
  ENQUIRY_COLUMNS,
  enquiryLines,
  MEMBER_COLUMNS,
  memberLines,
  STEP_COLUMNS,
  stepLines,
} from "./copy";
import { type DraftContext, draftMonth } from "./enquiries";
import { createMemberPool } from "./members";
import { type MemoryUse, watchMemory } from "./memory";
import { allocateEnquiries, BURST } from "./plan";
import { createRandom } from "./random";
import { loadSeedCities } from "./regions";
import { createWriters } from "./writers";

export type BulkSeedOptions = {
  piiKey: string;
  now: Date;
  enquiries: number;
  // The most enquiries drafted at once (members: the same number per batch).
  batchSize?: number;
  // Called after each batch is committed.
  onProgress?: (progress: BulkProgress) => void;
};

// Rows committed so far, and the memory in use at that moment.
export type BulkProgress = {
  members: number;
  enquiries: number;
  causes: number;
  steps: number;
  elapsedMs: number;
  memory: MemoryUse;
};

export type BulkSeedSummary = {
  members: number;
  enquiries: number;
  causes: number;
  steps: number;
  firstEnquiryId: number;
  lastEnquiryId: number;
  elapsedMs: number;
  // The most enquiries drafted in one batch.
  largestBatch: number;
  // Of the whole process, sampled while loading.
  peakMemory: MemoryUse;
};

const BULK_SEED = 0xb01c_5eed;
const ENQUIRIES_PER_MEMBER = 10;
const PARALLEL_WRITERS = 2;
// About 40 MB of COPY text per batch, of which three are held at most (two being written, one
// drafted and waiting for a writer).
export const DEFAULT_BATCH_SIZE = 20_000;

// Takes the next `members` and `enquiries` ids for this load: the sequences move past them, so
// rows created meanwhile by the app get ids after the range.
async function reserveIds(client: postgres.Sql, members: number, enquiries: number) {
  return client.begin(async (tx) => {
    await tx`lock table members, enquiries in share row exclusive mode`;
    const [row] = await tx<{ member: number; enquiry: number }[]>`
      select (select coalesce(max(id), 0) from members)::int as member,
        (select coalesce(max(id), 0) from enquiries)::int as enquiry`;
    const member = row?.member ?? 0;
    const enquiry = row?.enquiry ?? 0;
    await tx`select setval(pg_get_serial_sequence('members', 'id'), ${member + members})`;
    await tx`select setval(pg_get_serial_sequence('enquiries', 'id'), ${enquiry + enquiries})`;
    return { firstMemberId: member + 1, firstEnquiryId: enquiry + 1 };
  });
}

// Needs the demo accounts (run seedDemo first): enquiries are filed by them.
export async function seedBulk(
  client: postgres.Sql,
  options: BulkSeedOptions,
): Promise<BulkSeedSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(options.enquiries) || options.enquiries < 1) {
    throw new Error("seedBulk needs a positive whole number of enquiries");
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error("seedBulk needs a positive whole batch size");
  }
  const started = performance.now();
  const memory = watchMemory();
  const done = { members: 0, enquiries: 0, causes: 0, steps: 0 };
  const committed = (rows: Partial<typeof done>) => {
    done.members += rows.members ?? 0;
    done.enquiries += rows.enquiries ?? 0;
    done.causes += rows.causes ?? 0;
    done.steps += rows.steps ?? 0;
    options.onProgress?.({
      ...done,
      elapsedMs: performance.now() - started,
      memory: memory.sample(),
    });
  };

  try {
    const codec = createPiiCodec(options.piiKey);
    const cities = await loadSeedCities(drizzle(client, { schema }));
    const staff = await client<{ id: number; role: string; regionScope: string | null }[]>`
      select id::int as id, role, region_scope as "regionScope" from users where active order by id`;
    for (const city of cities) {
      city.caseworkerId =
        staff.find((user) => user.role === "caseworker" && user.regionScope === city.code)?.id ??
        null;
    }
    const admin = staff.find((user) => user.role === "admin");
    if (!admin) throw new Error("no admin user: seed the demo data before the bulk data");
    const context: DraftContext = { now: options.now, cities, fallbackCreatorId: admin.id };
    const months = seedMonths(options.now);
    const burstCityIndex = cities.findIndex((city) => city.name === BURST.cityName);

    const poolSize = Math.ceil(options.enquiries / ENQUIRIES_PER_MEMBER);
    const { firstMemberId, firstEnquiryId } = await reserveIds(client, poolSize, options.enquiries);
    const random = createRandom(BULK_SEED ^ firstEnquiryId);
    const existing = new Set(
      (await client<{ hash: string }[]>`select id_number_hash as hash from members`).map(
        (r) => r.hash,
      ),
    );
    const pool = createMemberPool(
      random,
      cities,
      poolSize,
      new Date(options.now.getTime() - 730 * DAY_MS),
      admin.id,
      (idNumber) => existing.has(codec.hash(idNumber)),
    );
    const writers = createWriters(client, PARALLEL_WRITERS);

    // The members are drafted as their lines are read, a batch at a time; all of them are
    // committed before the enquiries that refer to them.
    const lines = memberLines(codec, pool.members, firstMemberId);
    for (let first = 0; first < pool.size; first += batchSize) {
      const count = Math.min(batchSize, pool.size - first);
      const chunks = [...chunked(take(lines, count))];
      memory.sample();
      await writers.submit(
        (tx) => copyInto(tx, "members", MEMBER_COLUMNS, chunks),
        () => committed({ members: count }),
      );
    }
    await writers.drain();

    const allocations = allocateEnquiries(
      random,
      months,
      cities,
      burstCityIndex,
      options.enquiries,
    );
    let nextId = firstEnquiryId;
    let largestBatch = 0;
    for (const allocation of allocations) {
      for (const part of splitMonth(allocation, batchSize)) {
        // Drafting stays in order on this thread, so the data does not depend on timing. The
        // drafts are dropped once they are COPY text.
        const drafts = draftMonth(random, context, part);
        const ids = drafts.map(() => nextId++);
        const memberIds = drafts.map((draft) => firstMemberId + pool.pick(random, draft));
        const rows = { enquiries: drafts.length, causes: 0, steps: 0 };
        for (const draft of drafts) {
          rows.causes += draft.causes.length;
          rows.steps += draft.steps.length;
        }
        const batch = {
          enquiries: [...chunked(enquiryLines(drafts, ids, memberIds))],
          causes: [...chunked(causeLines(drafts, ids))],
          steps: [...chunked(stepLines(drafts, ids))],
          firstId: ids[0] ?? 0,
          lastId: ids.at(-1) ?? -1,
        };
        largestBatch = Math.max(largestBatch, drafts.length);
        memory.sample();
        await writers.submit(
          async (tx) => {
            await tx`set local balance_desk.rollups = 'deferred'`;
            await copyInto(tx, "enquiries", ENQUIRY_COLUMNS, batch.enquiries);
            await copyInto(tx, "enquiry_causes", CAUSE_COLUMNS, batch.causes);
            await copyInto(tx, "resolution_steps", STEP_COLUMNS, batch.steps);
            await tx`select bd_rollups_add(${batch.firstId}, ${batch.lastId})`;
          },
          () => committed(rows),
        );
      }
    }
    await writers.drain();

    return {
      ...done,
      firstEnquiryId,
      lastEnquiryId: nextId - 1,
      elapsedMs: performance.now() - started,
      largestBatch,
      peakMemory: memory.stop(),
    };
  } finally {
    memory.stop();
  }
}

// The next `count` items, leaving the rest of the iterator to the next call (a for…of that
// stopped early would close it).
function* take<T>(items: Iterator<T>, count: number): Generator<T> {
  for (let i = 0; i < count; i++) {
    const next = items.next();
    if (next.done) return;
    yield next.value;
  }
}
