import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPiiCodec } from "@/db/pii";
import { enquiries } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "../../testing/database";
import { DEMO_NOW, seedTestDemo } from "../../testing/demo";
import { type BulkSeedSummary, seedBulk } from "./bulk";

const piiKey = process.env.PII_KEY as string;
const now = DEMO_NOW;

describe("seedBulk", () => {
  let database: TestDatabase;
  let summary: BulkSeedSummary;
  let before: { members: number; enquiries: number; maxId: number };
  const progress: number[] = [];

  const counts = async () => {
    const [row] = await database.client<{ members: number; enquiries: number; maxId: number }[]>`
      select (select count(*) from members)::int as members,
        (select count(*) from enquiries)::int as enquiries,
        (select max(id) from enquiries)::int as "maxId"`;
    if (!row) throw new Error("no counts");
    return row;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedTestDemo(database.db, { enquiries: 500 });
    before = await counts();
    const started = performance.now();
    summary = await seedBulk(database.client, {
      piiKey,
      now,
      enquiries: 20_000,
      onProgress: (done) => progress.push(done.enquiries),
    });
    console.info(`bulk 20k: ${Math.round(performance.now() - started)} ms`, summary);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("adds exactly the requested enquiries, each with one primary cause", async () => {
    const after = await counts();
    expect(after.enquiries - before.enquiries).toBe(20_000);
    expect(summary.enquiries).toBe(20_000);
    expect(summary.firstEnquiryId).toBe(before.maxId + 1);
    expect(after.maxId).toBe(summary.lastEnquiryId);
    expect(after.members - before.members).toBe(summary.members);
    expect(summary.members).toBeGreaterThanOrEqual(2_000);
    expect(progress.at(-1)).toBe(20_000);

    const [causes] = await database.client<
      { enquiries: number; primaries: number; rows: number }[]
    >`
      select count(distinct enquiry_id)::int as enquiries,
        count(*) filter (where is_primary)::int as primaries, count(*)::int as rows
      from enquiry_causes where enquiry_id >= ${summary.firstEnquiryId}`;
    expect(causes).toEqual({ enquiries: 20_000, primaries: 20_000, rows: summary.causes });
    const [steps] = await database.client<{ n: number }[]>`
      select count(*)::int as n from resolution_steps where enquiry_id >= ${summary.firstEnquiryId}`;
    expect(steps?.n).toBe(summary.steps);
  });

  it("writes members whose personal data decrypts and search tokens the triggers filled", async () => {
    const codec = createPiiCodec(piiKey);
    const rows = await database.client<{ encrypted: string; hash: string; tokens: string[] }[]>`
      select id_number_encrypted as encrypted, id_number_hash as hash, search_tokens as tokens
      from members order by id desc limit 50`;
    for (const row of rows) {
      expect(codec.hash(codec.decrypt(row.encrypted))).toBe(row.hash);
      expect(row.tokens.length).toBeGreaterThan(0);
    }
    const [enquiry] = await database.client<{ tokens: string[] }[]>`
      select search_tokens as tokens from enquiries where id = ${summary.lastEnquiryId}`;
    expect(enquiry?.tokens.length).toBeGreaterThan(10);
  });

  it("moves the id sequence past the loaded rows", async () => {
    const [member] = await database.client<
      { id: number }[]
    >`select min(id)::int as id from members`;
    const [created] = await database.db
      .insert(enquiries)
      .values({
        memberId: member?.id ?? 1,
        regionCode: "310100",
        channel: "counter",
        symptom: "zero",
        description: "参保人称个账余额为 0",
        createdBy: 1,
        dueAt: now,
      })
      .returning({ id: enquiries.id });
    expect(created?.id).toBe(summary.lastEnquiryId + 1);
  });
});
