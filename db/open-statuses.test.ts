import { afterAll, beforeAll, expect, it } from "vitest";
import { ENQUIRY_STATUS_CODES, OPEN_STATUSES } from "@/db/constants";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";

// The rollups count open enquiries through bd_is_open (migration 0024); the application through
// OPEN_STATUSES. A status added to one and not the other would make the dashboard's backlog and
// the lists disagree.
let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.drop());

it("bd_is_open agrees with OPEN_STATUSES for every status", async () => {
  const rows = await testDb.client<{ status: string; open: boolean }[]>`
    select status, bd_is_open(status) as open
    from unnest(${`{${ENQUIRY_STATUS_CODES.join(",")}}`}::text[]) as status`;
  expect(Object.fromEntries(rows.map((row) => [row.status, row.open]))).toEqual(
    Object.fromEntries(ENQUIRY_STATUS_CODES.map((code) => [code, OPEN_STATUSES.includes(code)])),
  );
});
