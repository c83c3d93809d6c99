import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIdNumber } from "@/server/rules/id-number";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import {
  createMember,
  createSignedInUser,
  type SignedInTestUser,
} from "@/server/testing/factories";
import { CROSS_REGION_ID_NUMBER_MESSAGE } from "../../schemas/members";
import { callerWith, errorOf, testPii as pii } from "../../testing/callers";

const XIAN = "610100";
const XIAN_XINCHENG = "610102";
const LESHAN = "511100";

let testDb: TestDatabase;
let xianCaseworker: SignedInTestUser;
let leshanCaseworker: SignedInTestUser;
let manager: SignedInTestUser;
let admin: SignedInTestUser;

const callerAs = (user: SignedInTestUser, requestId = "req-review") =>
  callerWith(testDb.db, user.session, requestId);

let sequence = 0;
// A 西安 member, and the registration a 乐山 caseworker attempts for the same person.
async function insuredInXian() {
  sequence += 1;
  const idNumber = buildIdNumber(XIAN_XINCHENG, "19700101", 500 + sequence);
  const member = await createMember(testDb.db, pii, { idNumber, regionCode: XIAN });
  const registration = {
    name: "孙迁移",
    idNumber,
    phone: null,
    insuranceScheme: "employee" as const,
    personCategory: "active" as const,
    regionCode: LESHAN,
  };
  return { member, registration };
}

const reviewRows = (memberId: number) =>
  testDb.client<
    {
      status: string;
      requested_by: number;
      requested_region_code: string;
      resolution: string | null;
      resolution_note: string | null;
    }[]
  >`
    select status, requested_by::int as requested_by, requested_region_code, resolution,
      resolution_note
    from member_region_reviews where member_id = ${memberId} order by id`;

const auditOf = (action: string) =>
  testDb.client<
    { actor_id: number; entity: string; entity_id: string; before: unknown; after: unknown }[]
  >`
    select actor_id::int as actor_id, entity, entity_id, before, after from audit_events
    where action = ${action} order by id`;

beforeAll(async () => {
  testDb = await createTestDatabase();
  xianCaseworker = await createSignedInUser(testDb.db, { role: "caseworker", regionScope: XIAN });
  leshanCaseworker = await createSignedInUser(testDb.db, {
    role: "caseworker",
    regionScope: LESHAN,
  });
  manager = await createSignedInUser(testDb.db, { role: "manager" });
  admin = await createSignedInUser(testDb.db, { role: "admin" });
});
afterAll(() => testDb.drop());

describe("registering an ID number insured in another region", () => {
  it("answers without saying where and files one review item, auditing each attempt", async () => {
    const { member, registration } = await insuredInXian();
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(await errorOf(callerAs(leshanCaseworker).members.create(registration))).toBe(
        `CONFLICT ${CROSS_REGION_ID_NUMBER_MESSAGE}`,
      );
    }
    expect(await reviewRows(member.id)).toEqual([
      {
        status: "open",
        requested_by: leshanCaseworker.id,
        requested_region_code: LESHAN,
        resolution: null,
        resolution_note: null,
      },
    ]);
    const audit = (await auditOf("member.region_review")).filter(
      (row) => row.actor_id === leshanCaseworker.id,
    );
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      entity: "member_region_review",
      after: { idNumber: member.idNumberMasked, requestedRegion: "乐山市" },
    });
    const [count] = await testDb.client<{ n: number }[]>`
      select count(*)::int as n from members where id_number_hash = ${pii.hash(member.idNumber)}`;
    expect(count?.n).toBe(1);
  });

  it("keeps today's answer for a duplicate within the caseworker's own region", async () => {
    const { member, registration } = await insuredInXian();
    expect(
      await errorOf(callerAs(xianCaseworker).members.create({ ...registration, regionCode: XIAN })),
    ).toBe("BAD_REQUEST 该身份证号已录入");
    expect(await reviewRows(member.id)).toEqual([]);
  });
});

describe("regionReviews", () => {
  it("are for administrators only", async () => {
    const { registration } = await insuredInXian();
    await errorOf(callerAs(leshanCaseworker).members.create(registration));
    const [open] = await callerAs(admin).regionReviews.list({});
    if (!open) throw new Error("no open review");
    for (const user of [leshanCaseworker, xianCaseworker, manager]) {
      expect(await errorOf(callerAs(user).regionReviews.list({}))).toMatch(/^FORBIDDEN/);
      expect(
        await errorOf(
          callerAs(user).regionReviews.resolve({ id: open.id, resolution: "moved", note: "越权" }),
        ),
      ).toMatch(/^FORBIDDEN/);
    }
    expect((await reviewRows(open.memberId))[0]?.status).toBe("open");
  });

  it("lists open items with masked data, and 参保地变更 moves the member, audited", async () => {
    const { member, registration } = await insuredInXian();
    await errorOf(callerAs(leshanCaseworker).members.create(registration));
    const listed = await callerAs(admin).regionReviews.list({ status: "open" });
    const item = listed.find((row) => row.memberId === member.id);
    expect(item).toMatchObject({
      idNumberMasked: member.idNumberMasked,
      memberRegionName: "西安市",
      requestedRegionName: "乐山市",
      requestedByLogin: leshanCaseworker.login,
      status: "open",
    });
    expect(JSON.stringify(listed)).not.toContain(member.idNumber);
    if (!item) throw new Error("review not listed");

    // Before the change the 乐山 caseworker cannot see the member; afterwards the 西安 one cannot.
    expect(await errorOf(callerAs(leshanCaseworker).members.byId({ id: member.id }))).toMatch(
      /^NOT_FOUND/,
    );
    await callerAs(admin, "req-move").regionReviews.resolve({
      id: item.id,
      resolution: "moved",
      note: "  参保人已在乐山就业  ",
    });
    expect(await errorOf(callerAs(leshanCaseworker).members.byId({ id: member.id }))).toBe("OK");
    expect(await errorOf(callerAs(xianCaseworker).members.byId({ id: member.id }))).toMatch(
      /^NOT_FOUND/,
    );
    expect(await reviewRows(member.id)).toMatchObject([
      { status: "closed", resolution: "moved", resolution_note: "参保人已在乐山就业" },
    ]);
    expect(
      (await auditOf("member.region_change")).filter((row) => row.entity_id === String(member.id)),
    ).toEqual([
      {
        actor_id: admin.id,
        entity: "member",
        entity_id: String(member.id),
        before: { region: "西安市" },
        after: { region: "乐山市", note: "参保人已在乐山就业" },
      },
    ]);
    expect(
      (await auditOf("member.region_review_close")).find(
        (row) => row.entity_id === String(item.id),
      ),
    ).toMatchObject({
      actor_id: admin.id,
      after: { idNumber: member.idNumberMasked, resolution: "已变更参保地" },
    });

    // Closed once: a second decision is refused and the item leaves the open list.
    expect(
      await errorOf(
        callerAs(admin).regionReviews.resolve({
          id: item.id,
          resolution: "declined",
          note: "重复",
        }),
      ),
    ).toMatch(/^CONFLICT/);
    const open = await callerAs(admin).regionReviews.list({});
    expect(open.map((row) => row.id)).not.toContain(item.id);
    const closed = await callerAs(admin).regionReviews.list({ status: "closed" });
    expect(closed.find((row) => row.id === item.id)).toMatchObject({ resolution: "moved" });
  });

  it("declining closes the item and leaves the member where they are", async () => {
    const { member, registration } = await insuredInXian();
    await errorOf(callerAs(leshanCaseworker).members.create(registration));
    const item = (await callerAs(admin).regionReviews.list({})).find(
      (row) => row.memberId === member.id,
    );
    if (!item) throw new Error("review not listed");
    expect(
      await errorOf(
        callerAs(admin).regionReviews.resolve({ id: item.id, resolution: "declined", note: "x" }),
      ),
    ).toMatch(/^BAD_REQUEST/);
    await callerAs(admin).regionReviews.resolve({
      id: item.id,
      resolution: "declined",
      note: "参保关系仍在西安",
    });
    expect(await reviewRows(member.id)).toMatchObject([
      { status: "closed", resolution: "declined" },
    ]);
    expect(await errorOf(callerAs(xianCaseworker).members.byId({ id: member.id }))).toBe("OK");
    expect(
      (await auditOf("member.region_change")).filter((row) => row.entity_id === String(member.id)),
    ).toEqual([]);
    // A new attempt after the decision opens a new item.
    await errorOf(callerAs(leshanCaseworker).members.create(registration));
    expect((await reviewRows(member.id)).map((row) => row.status)).toEqual(["closed", "open"]);
  });
});
