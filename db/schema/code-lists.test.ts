import { eq, is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CAUSE_CODES } from "@/db/constants";
import { createPiiCodec } from "@/db/pii";
import { actualRollups, expectedRollups, insertEnquiry } from "@/server/testing/analytics";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createMember, createUser } from "@/server/testing/factories";
import { applyMigrations, copyMigrations } from "@/server/testing/migrations";
import { enquiryCauses } from "./enquiries";
import * as schema from "./index";

const pii = createPiiCodec(process.env.PII_KEY as string);

// Every column declared with `text(name, { enum: CODES })` in the schema.
const codeListColumns = Object.values(schema as Record<string, unknown>)
  .filter((value): value is PgTable => is(value, PgTable))
  .flatMap((table) => {
    const config = getTableConfig(table);
    return config.columns.flatMap((column) =>
      column.enumValues
        ? [{ table: config.name, column: column.name, codes: column.enumValues }]
        : [],
    );
  });

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.drop());

describe("code lists", () => {
  it("are checked in the migrated database against exactly the codes in db/constants.ts", async () => {
    const rows = await testDb.client<{ table: string; name: string; definition: string }[]>`
      select conrelid::regclass::text as table, conname as name,
        pg_get_constraintdef(oid) as definition
      from pg_constraint where contype = 'c' and connamespace = 'public'::regnamespace`;
    const inDatabase = codeListColumns.map(({ table, column }) => {
      const check = rows.find((row) => row.name === `${table}_${column}_check`);
      const codes = [...(check?.definition ?? "").matchAll(/'([^']*)'::text/g)].map((m) => m[1]);
      return { table: check?.table, column, codes };
    });
    expect(codeListColumns.length).toBeGreaterThan(20);
    expect(inDatabase).toEqual(codeListColumns);

    const enumColumns = await testDb.client`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type = 'USER-DEFINED'`;
    expect(enumColumns).toEqual([]);
  });

  it("take a new code and rows using it in the same migrator run", async () => {
    const user = await createUser(testDb.db, { role: "admin" });
    const member = await createMember(testDb.db, pii);
    const enquiryId = await insertEnquiry(testDb.db, {
      memberId: member.id,
      createdBy: user.id,
      regionCode: "511102",
      openedAt: new Date("2025-05-06T03:00:00Z"),
      causes: ["resignation"],
    });
    const added = "insurance_transfer";
    await expect(
      testDb.client`insert into enquiry_causes (enquiry_id, cause) values (${enquiryId}, ${added})`,
    ).rejects.toMatchObject({ constraint_name: "enquiry_causes_cause_check" });

    // What `npm run db:generate` writes once the code is in CAUSES, then a data migration that
    // uses it, both pending at once as in an upgrade.
    const list = [...CAUSE_CODES, added].map((code) => `'${code}'`).join(", ");
    const widen = codeListColumns
      .filter((c) => c.codes.join() === CAUSE_CODES.join())
      .flatMap(({ table, column }) => [
        `ALTER TABLE "${table}" DROP CONSTRAINT "${table}_${column}_check";`,
        `ALTER TABLE "${table}" ADD CONSTRAINT "${table}_${column}_check" CHECK ("${table}"."${column}" in (${list}));`,
      ]);
    const extra = await copyMigrations({
      extra: [
        { tag: "9000_cause_insurance_transfer", sql: widen.join("--> statement-breakpoint\n") },
        {
          tag: "9001_retag_insurance_transfer",
          sql: `UPDATE enquiry_causes SET cause = '${added}' WHERE enquiry_id = ${enquiryId};`,
        },
      ],
    });
    try {
      await applyMigrations(testDb.url, extra.folder);
    } finally {
      await extra.remove();
    }

    const tags = await testDb.db
      .select({ cause: enquiryCauses.cause })
      .from(enquiryCauses)
      .where(eq(enquiryCauses.enquiryId, enquiryId));
    expect(tags).toEqual([{ cause: added }]);
    const [expected, actual] = await Promise.all([
      expectedRollups(testDb.db),
      actualRollups(testDb.db),
    ]);
    expect(actual).toEqual(expected);
    expect(actual.tags.map((row) => row.cause)).toContain(added);
    expect(actual.enquiries.map((row) => row.primaryCause)).toContain(added);
  });
});
