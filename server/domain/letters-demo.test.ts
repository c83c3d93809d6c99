import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { seedTestDemo } from "@/server/testing/demo";
import { createSignedInUser, type SignedInTestUser } from "@/server/testing/factories";
import { isClosed } from "../rules/enquiry-status";
import { issuerFor } from "../rules/policy-settings";
import { callerWith } from "../testing/callers";
import { loadPolicy } from "./policy-settings";

// The letter of every demo enquiry, rendered as a caseworker would preview it: whatever the
// cause, status and region, it says 经核实 only when the enquiry is closed, never carries an
// internal step note, and names the issuer and hotline of the enquiry's own city.

let testDb: TestDatabase;
let admin: SignedInTestUser;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedTestDemo(testDb.db, { enquiries: 600 });
  admin = await createSignedInUser(testDb.db, { role: "admin", regionScope: null });
}, 120_000);
afterAll(() => testDb.drop());

describe("the letter of every demo enquiry", () => {
  it("says only what was confirmed, in the words of the enquiry's own region", async () => {
    const enquiries = await testDb.client<
      {
        id: number;
        status: string;
        region_code: string;
        city: string;
        member_id: number | null;
        notes: string[];
      }[]
    >`
      select e.id::int, e.status, e.region_code, c.name as city, e.member_id::int,
        coalesce(array_agg(s.note) filter (where s.note is not null), '{}') as notes
      from enquiries e
      join regions c on c.code = substr(e.region_code, 1, 4) || '00'
      left join resolution_steps s on s.enquiry_id = e.id
      group by e.id, c.name order by e.id`;
    expect(enquiries.length).toBeGreaterThanOrEqual(600);
    const caller = callerWith(testDb.db, admin.session);
    let confirmed = 0;
    for (const enquiry of enquiries) {
      // A work order whose caller is still to be identified has nobody to write to yet.
      if (enquiry.member_id === null) {
        await expect(caller.letters.preview({ id: enquiry.id })).rejects.toThrow(
          "该工单尚未关联参保人，请先关联参保人再出具告知书",
        );
        continue;
      }
      const preview = await caller.letters.preview({ id: enquiry.id });
      const text = JSON.stringify(preview.content);
      const closed = isClosed(enquiry.status as Parameters<typeof isClosed>[0]);
      const where = `#${enquiry.id} (${enquiry.status})`;
      expect(text.includes("经核实"), where).toBe(closed);
      expect(preview.content.draft, where).toBe(!closed);
      for (const note of enquiry.notes) expect(text, where).not.toContain(note);
      const policy = await loadPolicy(testDb.db, enquiry.region_code, preview.issuedOn);
      expect(preview.content.issuer, where).toBe(issuerFor(policy, enquiry.city).name);
      expect(preview.content.contact, where).toContain(policy.member_hotline.value.text);
      if (closed) confirmed++;
    }
    // The demo covers both sides of the rule.
    expect(confirmed).toBeGreaterThan(100);
    expect(confirmed).toBeLessThan(enquiries.length);
  }, 300_000);
});
