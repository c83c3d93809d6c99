import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INSURANCE_SCHEME_CODES, PERSON_CATEGORY_CODES } from "@/db/constants";
import { actualRollups, expectedRollups } from "@/server/testing/analytics";
import { createEmptyDatabase, type TestDatabase } from "@/server/testing/database";
import { applyMigrations, copyMigrations } from "@/server/testing/migrations";
import { migrateDatabase } from "./migrate";

// A database that has been running for a while meets a release with several migrations, which
// drizzle applies in one transaction. This test stops at the last state with enum types, fills
// every enum column with every value its type had then, and applies everything after it in one
// run, the way an upgrade does.
const FIRST_WITHOUT_ENUMS = "0016_code_lists_as_text";

// The one code list a later migration split in two: insurance_type became 险种 (insurance_scheme)
// and 人员类别 (person_category). Each old code and the pair it must become.
const SPLIT_COLUMN = "insurance_type";
const SPLIT_INTO: Record<string, { scheme: string; category: string | null }> = {
  employee: { scheme: "employee", category: "active" },
  retired: { scheme: "employee", category: "retired" },
  flexible: { scheme: "employee", category: "flexible" },
  resident: { scheme: "resident", category: null },
};
const SPLIT_TABLES = [
  { table: "members", key: "id" },
  { table: "enquiry_triage_facts", key: "enquiry_id" },
] as const;

type Sql = TestDatabase["client"];
type CodeColumn = { table: string; column: string; type: string };

const OPENED = Date.parse("2025-06-10T02:00:00Z");
const HOUR_MS = 3_600_000;
// Timestamps go to the driver as text: it serialises by the type the server describes.
const at = (ms: number) => new Date(ms).toISOString();

let testDb: TestDatabase;
let enumColumns: CodeColumn[];
let codes: Map<string, string[]>;

beforeAll(async () => {
  testDb = await createEmptyDatabase();
  const earlier = await copyMigrations({ before: FIRST_WITHOUT_ENUMS });
  try {
    await applyMigrations(testDb.url, earlier.folder);
  } finally {
    await earlier.remove();
  }
  enumColumns = await testDb.client<CodeColumn[]>`
    select table_name as table, column_name as column, udt_name as type
    from information_schema.columns
    where table_schema = 'public' and data_type = 'USER-DEFINED'
    order by 1, 2`;
  const types = await testDb.client<{ type: string; codes: string[] }[]>`
    select t.typname::text as type, array_agg(e.enumlabel::text order by e.enumsortorder) as codes
    from pg_type t join pg_enum e on e.enumtypid = t.oid
    where t.typnamespace = 'public'::regnamespace
    group by t.typname`;
  codes = new Map(types.map((t) => [t.type, t.codes]));
});
afterAll(() => testDb.drop());

function codesOf(type: string): string[] {
  const list = codes.get(type);
  if (!list) throw new Error(`no enum type ${type} before ${FIRST_WITHOUT_ENUMS}`);
  return list;
}

function cycle<T>(list: readonly T[], i: number): T {
  return list[i % list.length] as T;
}

// Rows as the schema stood before the conversion, in plain SQL: the current drizzle schema may
// have columns that did not exist yet.
async function writeEveryCode(sql: Sql) {
  await sql`insert into regions ${sql([
    { code: "510000", name: "四川省", level: "province", parent_code: null },
    { code: "511100", name: "乐山市", level: "city", parent_code: "510000" },
    { code: "511102", name: "市中区", level: "district", parent_code: "511100" },
  ])}`;
  const userIds = (
    await sql<{ id: number }[]>`insert into users ${sql(
      codesOf("role").map((role, i) => ({
        display_name: `迁移测试用户${i}`,
        login: `migration_${i}`,
        password_hash: "not-a-real-hash",
        role,
      })),
    )} returning id::int as id`
  ).map((row) => row.id);
  const author = userIds[0] as number;
  await sql`insert into user_sessions ${sql(
    [...codesOf("session_end_reason"), null].map((reason, i) => ({
      id: `migration-session-${i}`,
      user_id: author,
      created_at: at(OPENED),
      last_seen_at: at(OPENED),
      ended_at: reason ? at(OPENED) : null,
      ended_reason: reason,
    })),
  )}`;
  const memberIds = (
    await sql<{ id: number }[]>`insert into members ${sql(
      codesOf("insurance_type").map((insuranceType, i) => ({
        name: `参保人${i}`,
        id_number_hash: String(i).padStart(64, "0"),
        id_number_encrypted: "not-encrypted",
        id_number_masked: "511102**********00",
        insurance_type: insuranceType,
        region_code: "511102",
      })),
    )} returning id::int as id`
  ).map((row) => row.id);

  const enquiryLists = [
    "channel",
    "symptom",
    "enquiry_status",
    "priority",
    "follow_up_method",
    "satisfaction",
    "other_sub_reason",
    "cause",
  ];
  const tagged = Math.max(...enquiryLists.map((type) => codesOf(type).length));
  // One more than needed for the code lists: the last one keeps no cause tag.
  const enquiryIds: number[] = [];
  for (let i = 0; i <= tagged; i++) {
    const status = cycle(codesOf("enquiry_status"), i);
    const openedAt = OPENED - i * 72 * HOUR_MS;
    const resolved = status === "resolved" || status === "followed_up";
    const [row] = await sql<{ id: number }[]>`insert into enquiries ${sql({
      member_id: cycle(memberIds, i),
      region_code: i % 2 === 0 ? "511100" : "511102",
      channel: cycle(codesOf("channel"), i),
      symptom: cycle(codesOf("symptom"), i),
      description: `迁移测试工单${i}`,
      status,
      priority: cycle(codesOf("priority"), i),
      assignee_id: cycle(userIds, i),
      created_by: author,
      opened_at: at(openedAt),
      due_at: at(openedAt + 48 * HOUR_MS),
      resolved_at: resolved ? at(openedAt + (i + 1) * 5 * HOUR_MS) : null,
      resolution_summary: resolved ? "已向参保人解释" : null,
      follow_up_method: cycle(codesOf("follow_up_method"), i),
      satisfaction: cycle(codesOf("satisfaction"), i),
    })} returning id::int as id`;
    enquiryIds.push((row as { id: number }).id);
  }

  const causes = codesOf("cause");
  const documented = causes.filter((cause) => cause !== "other");
  for (const [i, enquiryId] of enquiryIds.slice(0, tagged).entries()) {
    // Every cause is the primary one somewhere; every enquiry carries 其他 with a sub-reason.
    const primary = cycle(causes, i);
    const other = {
      enquiry_id: enquiryId,
      cause: "other",
      sub_reason: cycle(codesOf("other_sub_reason"), i),
    };
    const tags =
      primary === "other"
        ? [{ ...other, is_primary: true }]
        : [
            { enquiry_id: enquiryId, cause: primary, sub_reason: null, is_primary: true },
            { ...other, is_primary: false },
          ];
    await sql`insert into enquiry_causes ${sql(tags)}`;
    await sql`insert into enquiry_suggestions ${sql([
      {
        enquiry_id: enquiryId,
        rank: 1,
        cause: cycle(documented, i),
        sub_reason: null,
        score: 80,
        reason: "迁移测试",
      },
      { ...other, rank: 2, score: 40, reason: "迁移测试" },
    ])}`;
    await sql`insert into enquiry_triage_facts ${sql({
      enquiry_id: enquiryId,
      facts: "{}",
      insurance_type: cycle([...codesOf("insurance_type"), null], i),
      triage_day: "2025-06-01",
    })}`;
  }
  await sql`insert into resolution_steps ${sql(
    codesOf("step_kind").map((kind, i) => ({
      enquiry_id: enquiryIds[0] as number,
      kind,
      done_by: author,
      done_at: at(OPENED + i * HOUR_MS),
    })),
  )}`;
  // What the caseworker wrote names the reform's mechanism for one 政策改革 enquiry.
  await sql`insert into resolution_steps ${sql({
    enquiry_id: enquiryIds[REFORM_NAMED] as number,
    kind: "free_text",
    note: REFORM_NOTE,
    done_by: author,
    done_at: at(OPENED),
  })}`;
}

// 政策改革 tags and suggestions gained a sub-reason (0021): from the notes where they name it,
// else 未细分. The enquiry at this index has 政策改革 as its primary cause (the third code).
const REFORM_NAMED = 2;
const REFORM_NOTE = "说明门诊共济改革后单位缴费不再划入个人账户";

// The code columns as the upgrade must leave them: as before, but for 政策改革's sub-reason.
async function withReformSubReasons(sql: Sql, before: Record<string, (string | null)[][]>) {
  const [named] = await sql<{ id: string }[]>`
    select enquiry_id::text as id from resolution_steps where note = ${REFORM_NOTE}`;
  const result = { ...before };
  for (const table of ["enquiry_causes", "enquiry_suggestions"]) {
    const rows = await sql.unsafe(
      `select enquiry_id::text as id, cause::text as cause from "${table}"`,
    );
    const columns = enumColumns.filter((c) => c.table === table).map((c) => c.column);
    const cause = columns.indexOf("cause");
    const subReason = columns.indexOf("sub_reason");
    const namedRows = rows.filter((row) => row.id === named?.id && row.cause === "policy_reform");
    let namedLeft = namedRows.length;
    result[table] = (before[table] ?? [])
      .map((row) => {
        if (row[cause] !== "policy_reform") return row;
        const copy = [...row];
        copy[subReason] = namedLeft-- > 0 ? "outpatient_reform" : "unclassified";
        return copy;
      })
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return result;
}

// Every row of every table with one of these code-list columns, as the tuple of those columns
// (as text).
async function readCodeColumns(sql: Sql, codeColumns: readonly CodeColumn[]) {
  const result: Record<string, (string | null)[][]> = {};
  for (const table of new Set(codeColumns.map((c) => c.table))) {
    const columns = codeColumns.filter((c) => c.table === table);
    const list = columns.map((c) => `"${c.column}"::text`).join(", ");
    const order = columns.map((_, i) => i + 1).join(", ");
    result[table] = await sql.unsafe(`select ${list} from "${table}" order by ${order}`).values();
  }
  return result;
}

// The split column by row: the old code before the upgrade, the pair it became after.
async function readSplitColumn(sql: Sql, upgraded: boolean) {
  const result: Record<string, Record<string, unknown>> = {};
  for (const { table, key } of SPLIT_TABLES) {
    const rows = upgraded
      ? await sql.unsafe(`select "${key}"::text as key, insurance_scheme as scheme,
          person_category as category from "${table}"`)
      : await sql.unsafe(`select "${key}"::text as key, ${SPLIT_COLUMN}::text as code
          from "${table}"`);
    result[table] = Object.fromEntries(
      rows.map((row) => [
        row.key,
        upgraded ? { scheme: row.scheme, category: row.category } : (row.code ?? null),
      ]),
    );
  }
  return result;
}

async function expectRollupsExact() {
  const [expected, actual] = await Promise.all([
    expectedRollups(testDb.db),
    actualRollups(testDb.db),
  ]);
  expect(actual.tags).toEqual(expected.tags);
  expect(actual.enquiries).toEqual(expected.enquiries);
}

describe("migrations applied to a database in use", () => {
  it("keep every row and every code written before code lists became text", async () => {
    expect([...codes.keys()].sort()).toEqual([...new Set(enumColumns.map((c) => c.type))].sort());
    await writeEveryCode(testDb.client);
    const before = await readCodeColumns(testDb.client, enumColumns);
    // The rows above really use every value of every enum in every column that has one.
    for (const { table, column, type } of enumColumns) {
      const index = enumColumns
        .filter((c) => c.table === table)
        .findIndex((c) => c.column === column);
      const used = new Set(before[table]?.map((row) => row[index]).filter((code) => code !== null));
      expect([...used].sort(), `${table}.${column}`).toEqual([...codesOf(type)].sort());
    }

    const kept = enumColumns.filter((c) => c.column !== SPLIT_COLUMN);
    const keptBefore = await readCodeColumns(testDb.client, kept);
    const splitBefore = await readSplitColumn(testDb.client, false);

    const expected = await withReformSubReasons(testDb.client, keptBefore);
    await migrateDatabase(testDb.url);

    const after = await readCodeColumns(testDb.client, kept);
    for (const table of ["enquiry_causes", "enquiry_suggestions"]) {
      after[table]?.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    }
    expect(after).toEqual(expected);
    const splitAfter = await readSplitColumn(testDb.client, true);
    for (const { table } of SPLIT_TABLES) {
      const expected = Object.fromEntries(
        Object.entries(splitBefore[table] ?? {}).map(([key, code]) => [
          key,
          code === null ? { scheme: null, category: null } : SPLIT_INTO[code as string],
        ]),
      );
      expect(splitAfter[table], table).toEqual(expected);
    }
    // The converted members use every code of the two lists the old one became.
    const members = Object.values(splitAfter.members ?? {}) as {
      scheme: string;
      category: string | null;
    }[];
    expect(new Set(members.map((m) => m.scheme))).toEqual(new Set(INSURANCE_SCHEME_CODES));
    expect(new Set(members.flatMap((m) => m.category ?? []))).toEqual(
      new Set(PERSON_CATEGORY_CODES),
    );
    const remaining = await testDb.client`
      select typname from pg_type where typtype = 'e' and typnamespace = 'public'::regnamespace`;
    expect(remaining).toEqual([]);
    const columns = await testDb.client<{ table: string; column: string; type: string }[]>`
      select table_name as table, column_name as column, data_type as type
      from information_schema.columns where table_schema = 'public'`;
    const split = SPLIT_TABLES.flatMap(({ table }) => [
      { table, column: "insurance_scheme" },
      { table, column: "person_category" },
    ]);
    for (const { table, column } of [...kept, ...split]) {
      const now = columns.find((c) => c.table === table && c.column === column);
      expect(now?.type, `${table}.${column}`).toBe("text");
    }
    await expectRollupsExact();
  });

  it("keep the rollups exact through the recreated triggers", async () => {
    const sql = testDb.client;
    const [first, second, third] = await sql<{ id: number }[]>`
      select id::int as id from enquiries where id in (select enquiry_id from enquiry_causes)
      order by id limit 3`;
    if (!first || !second || !third) throw new Error("the demo rows are missing");
    await sql`update enquiries set status = 'resolved', resolved_at = opened_at + interval '3 hours',
      resolution_summary = '已补缴', symptom = 'zero', channel = 'online', satisfaction = null
      where id = ${first.id}`;
    await sql`update enquiry_causes set is_primary = false where enquiry_id = ${second.id}`;
    await sql`update enquiry_causes set is_primary = true
      where enquiry_id = ${second.id} and cause = 'other'`;
    await sql`update enquiry_causes set cause = 'family_aid'
      where enquiry_id = ${second.id} and cause <> 'other'`;
    await sql`delete from enquiries where id = ${third.id}`;
    await expectRollupsExact();
  });
});
