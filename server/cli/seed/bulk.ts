// The benchmark loader: a large number of enquiries (a million in a few minutes) on top of the
// demo data, with the same shapes as the demo's; their members come from a pool of new members
// (one per ten enquiries). Everything is written with COPY. The id ranges are reserved first (the
// identity sequences are moved past them), so causes and steps can refer to enquiry ids without
// a round trip, and the months can be written by two connections at once, one transaction per
// month: the search-token trigger and the indexes keep a single backend busy, and a second one
// uses the other core. A failed load leaves the months already written. The analytics rollups
// are added once per month from the copied rows (bd_rollups_add, in the same transaction) rather
// than row by row by their triggers, which made the load four to five times slower.
import { drizzle } from "drizzle-orm/postgres-js";
import type postgres from "postgres";
import { createPiiCodec } from "@/db/pii";
import * as schema from "@/db/schema";
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
import { allocateEnquiries, BURST } from "./plan";
import { createRandom } from "./random";
import { loadSeedCities } from "./regions";

export type BulkSeedOptions = {
  piiKey: string;
  now: Date;
  enquiries: number;
  // Called after each month is committed, with the number of enquiries written so far.
  onProgress?: (done: number) => void;
};

export type BulkSeedSummary = {
  members: number;
  enquiries: number;
  causes: number;
  steps: number;
  firstEnquiryId: number;
  lastEnquiryId: number;
};

const BULK_SEED = 0xb01c_5eed;
const ENQUIRIES_PER_MEMBER = 10;
const PARALLEL_WRITERS = 2;

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
  if (!Number.isInteger(options.enquiries) || options.enquiries < 1) {
    throw new Error("seedBulk needs a positive whole number of enquiries");
  }
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
  const memberChunks = [...chunked(memberLines(codec, pool.members, firstMemberId))];
  await client.begin(async (tx) => {
    await tx`set local statement_timeout = 0`;
    await copyInto(tx, "members", MEMBER_COLUMNS, memberChunks);
  });

  const allocations = allocateEnquiries(
    random,
    months,
    cities.map((city) => city.weight),
    burstCityIndex,
    options.enquiries,
  );
  let nextId = firstEnquiryId;
  let written = 0;
  let causes = 0;
  let steps = 0;
  let failure: unknown;
  const writing = new Set<Promise<void>>();
  for (const allocation of allocations) {
    // Drafting stays in month order on this thread, so the data does not depend on timing.
    const drafts = draftMonth(random, context, allocation);
    const ids = drafts.map(() => nextId++);
    const memberIds = drafts.map((draft) => firstMemberId + pool.pick(random, draft));
    const batch = {
      enquiries: [...chunked(enquiryLines(drafts, ids, memberIds))],
      causes: [...chunked(causeLines(drafts, ids))],
      steps: [...chunked(stepLines(drafts, ids))],
    };
    for (const draft of drafts) {
      causes += draft.causes.length;
      steps += draft.steps.length;
    }

    while (writing.size >= PARALLEL_WRITERS) await Promise.race(writing);
    if (failure) break;
    const write: Promise<void> = client
      .begin(async (tx) => {
        await tx`set local statement_timeout = 0`;
        await tx`set local balance_desk.rollups = 'deferred'`;
        await copyInto(tx, "enquiries", ENQUIRY_COLUMNS, batch.enquiries);
        await copyInto(tx, "enquiry_causes", CAUSE_COLUMNS, batch.causes);
        await copyInto(tx, "resolution_steps", STEP_COLUMNS, batch.steps);
        await tx`select bd_rollups_add(${ids[0] ?? 0}, ${ids.at(-1) ?? -1})`;
      })
      .then(() => {
        written += drafts.length;
        options.onProgress?.(written);
      })
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => writing.delete(write));
    writing.add(write);
  }
  await Promise.all(writing);
  if (failure) throw failure;

  return {
    members: pool.members.length,
    enquiries: written,
    causes,
    steps,
    firstEnquiryId,
    lastEnquiryId: nextId - 1,
  };
}
