import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPiiCodec } from "@/db/pii";
import { seedDemo } from "@/server/cli/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createSession } from "@/server/testing/factories";
import { createCaller } from "./root";
import { createTRPCContext } from "./trpc";

// Personal data leaves the server masked only. The demo data has ~900 members with real-shaped
// ID numbers and phones; every read procedure's response is scanned for a full one.
const FULL_ID = /(?<!\d)\d{17}[\dX](?!\d)/;
const FULL_PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const pii = createPiiCodec(process.env.PII_KEY as string);

// The one procedure exempt from the scan: members.revealIdNumber returns a full ID number by
// design, to a caseworker or admin who stated a reason, and each call leaves an audit row
// (server/api/routers/member-reveal.test.ts). It is still called here, to prove the exemption
// covers that response alone.
const REVEAL = "members.revealIdNumber";

let testDb: TestDatabase;
const responses: { name: string; body: string }[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemo(testDb.db, {
    piiKey: process.env.PII_KEY as string,
    now: new Date(),
  });
  const users = await testDb.client<{ id: number; login: string }[]>`select id, login from users`;
  const caller = async (login: string) =>
    createCaller(
      createTRPCContext({
        db: testDb.db,
        pii,
        session: await createSession(testDb.db, {
          id: users.find((u) => u.login === login)?.id as number,
        }),
        requestId: randomUUID(),
      }),
    );
  const caseworker = await caller("xa_caseworker");
  const manager = await caller("manager");
  const record = (name: string, value: unknown) =>
    responses.push({ name, body: JSON.stringify(value) });

  let cursor: string | null | undefined;
  for (let page = 0; page < 5; page++) {
    const result = await manager.enquiries.list({ limit: 100, cursor });
    record(`enquiries.list page ${page}`, result);
    for (const item of result.items.slice(0, 5)) {
      record(`enquiries.byId ${item.id}`, await manager.enquiries.byId({ id: item.id }));
      record(`insights.forEnquiry ${item.id}`, await manager.insights.forEnquiry({ id: item.id }));
      // A work order whose caller is still to be identified has no member, letter or calculation.
      if (item.memberId !== null) {
        record(`members.byId ${item.memberId}`, await manager.members.byId({ id: item.memberId }));
        record(`letters.preview ${item.id}`, await manager.letters.preview({ id: item.id }));
        record(
          `insights.leaveCalculation ${item.id}`,
          await manager.insights.leaveCalculation({ id: item.id }),
        );
      }
    }
    cursor = result.nextCursor;
  }
  record("enquiries.list q", await manager.enquiries.list({ q: "负数", limit: 100 }));
  for (const query of ["王", "李娟", "1234", "0000"]) {
    record(`members.search ${query}`, await caseworker.members.search({ query }));
  }
  // Exact lookups by the full numbers of demo members, inside and outside the caller's region:
  // the answer lists masked rows and never echoes the number looked up.
  const [xianMember, otherMember] = await testDb.client<
    { id_number_encrypted: string; phone_encrypted: string }[]
  >`
    (select id_number_encrypted, phone_encrypted from members
      where region_code like '6101%' and phone_encrypted is not null order by id limit 1)
    union all
    (select id_number_encrypted, phone_encrypted from members
      where region_code not like '61%' and phone_encrypted is not null order by id limit 1)`;
  for (const [label, row] of [
    ["in scope", xianMember],
    ["out of scope", otherMember],
  ] as const) {
    if (!row) throw new Error(`no demo member ${label}`);
    const idNumber = pii.decrypt(row.id_number_encrypted);
    const phone = pii.decrypt(row.phone_encrypted);
    record(`members.lookup id ${label}`, await caseworker.members.lookup({ term: idNumber }));
    record(`members.lookup phone ${label}`, await caseworker.members.lookup({ term: phone }));
  }
  // A registration of another region's member: refused, and the review item is listed masked.
  const outsider = pii.decrypt(otherMember?.id_number_encrypted ?? "");
  const refused = await caseworker.members
    .create({
      name: "核查测试",
      idNumber: outsider,
      insuranceScheme: "employee",
      personCategory: "active",
      regionCode: "610100",
    })
    .then(
      () => "registered",
      (error: Error) => error.message,
    );
  record("members.create across regions", refused);
  const filter = { from: "2024-01", to: "2026-12" };
  record("analytics.byMonth", await manager.analytics.byMonth(filter));
  record("analytics.byRegion", await manager.analytics.byRegion(filter));
  record("analytics.heatmap", await manager.analytics.heatmap({ filter }));
  record("analytics.causeShare", await manager.analytics.causeShare(filter));
  record("analytics.kpis", await manager.analytics.kpis(filter));
  record("analytics.triageAcceptance", await manager.analytics.triageAcceptance(filter));
  record("analytics.spikes", await manager.analytics.spikes(filter));
  record("analytics.policyMarkers", await manager.analytics.policyMarkers(filter));
  record("viewer.overview", await caseworker.viewer.overview());
  record("enquiries.assignees", await manager.enquiries.assignees({}));
  const firstMember = responses.find((r) => r.name.startsWith("members.byId"));
  const memberId = Number(firstMember?.name.split(" ")[1]);
  const admin = await caller("admin");
  record(REVEAL, await admin.members.revealIdNumber({ id: memberId, reason: "核实来电人身份" }));
  // The audit trail, read after the reveal and the registrations it records.
  record("regionReviews.list open", await admin.regionReviews.list({}));
  const [review] = await admin.regionReviews.list({});
  if (review) {
    await admin.regionReviews.resolve({ id: review.id, resolution: "declined", note: "核查测试" });
  }
  record("regionReviews.list closed", await admin.regionReviews.list({ status: "closed" }));
  record("users.list", await admin.users.list({ pageSize: 100 }));
  record("users.options", await admin.users.options());
  let auditCursor: string | null | undefined;
  for (let page = 0; page < 3; page++) {
    const result = await admin.auditLog.list({ limit: 100, cursor: auditCursor });
    record(`auditLog.list page ${page}`, result);
    auditCursor = result.nextCursor;
  }
  for (const action of [
    "member.reveal_id",
    "member.create",
    "enquiry.create",
    "member.lookup",
    "member.region_review",
    "member.region_review_close",
  ] as const) {
    record(`auditLog.list ${action}`, await admin.auditLog.list({ action, limit: 100 }));
  }
});
afterAll(() => testDb.drop());

describe("personal data in responses", () => {
  it("scanned a meaningful amount of data", () => {
    expect(responses.length).toBeGreaterThan(40);
    const scanned = (name: string) => responses.find((r) => r.name === name)?.body ?? "";
    expect(scanned("members.lookup id in scope")).toContain("********");
    expect(scanned("members.create across regions")).toContain("已提交管理员核查");
    expect(scanned("regionReviews.list open")).toContain("********");
    expect(responses.some((r) => r.body.includes("********"))).toBe(true);
  });

  it("never contains a full ID number or phone number", () => {
    const leaks = responses
      .filter((r) => r.name !== REVEAL)
      .filter((r) => FULL_ID.test(r.body) || FULL_PHONE.test(r.body))
      .map((r) => r.name);
    expect(leaks).toEqual([]);
  });

  it("exempts only the reveal, which does return the full ID number", () => {
    const reveal = responses.filter((r) => r.name === REVEAL);
    expect(reveal).toHaveLength(1);
    expect(FULL_ID.test(reveal[0]?.body ?? "")).toBe(true);
    expect(FULL_PHONE.test(reveal[0]?.body ?? "")).toBe(false);
  });

  it("would notice a leak", () => {
    expect(FULL_ID.test(JSON.stringify({ id: "11010519491231002X" }))).toBe(true);
    expect(FULL_PHONE.test(JSON.stringify({ phone: "13912345678" }))).toBe(true);
  });
});
