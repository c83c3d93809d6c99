import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import {
  createMember,
  createSignedInUser,
  type SignedInTestUser,
} from "@/server/testing/factories";
import { REVEALS_PER_HOUR } from "../../domain/member-reveal";
import { callerWith, errorOf, testPii as pii } from "../../testing/callers";

const XIAN = "610100";
const LESHAN = "511100";

let testDb: TestDatabase;
let xianCaseworker: SignedInTestUser;
let leshanCaseworker: SignedInTestUser;
let manager: SignedInTestUser;
let admin: SignedInTestUser;
let member: Awaited<ReturnType<typeof createMember>>;

const callerAs = (user: SignedInTestUser, requestId = "req-reveal") =>
  callerWith(testDb.db, user.session, requestId);

const revealAudit = () =>
  testDb.client<{ actor_id: number; entity_id: string; after: unknown; request_id: string }[]>`
    select actor_id::int as actor_id, entity_id, after, request_id from audit_events
    where action = 'member.reveal_id' order by id`;

beforeAll(async () => {
  testDb = await createTestDatabase();
  xianCaseworker = await createSignedInUser(testDb.db, { role: "caseworker", regionScope: XIAN });
  leshanCaseworker = await createSignedInUser(testDb.db, {
    role: "caseworker",
    regionScope: LESHAN,
  });
  manager = await createSignedInUser(testDb.db, { role: "manager" });
  admin = await createSignedInUser(testDb.db, { role: "admin" });
  member = await createMember(testDb.db, pii, { regionCode: XIAN });
});
afterAll(() => testDb.drop());

describe("members.revealIdNumber", () => {
  it("shows the full number for a reason and audits the reason with the masked number only", async () => {
    const result = await callerAs(xianCaseworker, "req-reveal-1").members.revealIdNumber({
      id: member.id,
      reason: "  核实来电人身份  ",
    });
    expect(result).toEqual({ idNumber: member.idNumber, idNumberMasked: member.idNumberMasked });

    const audit = await revealAudit();
    expect(audit).toEqual([
      {
        actor_id: xianCaseworker.id,
        entity_id: String(member.id),
        after: { reason: "核实来电人身份", idNumber: member.idNumberMasked },
        request_id: "req-reveal-1",
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain(member.idNumber);
  });

  it("is for caseworkers in scope and admins, not managers or other regions", async () => {
    const input = { id: member.id, reason: "办理业务需填写完整证件号" };
    expect(await errorOf(callerAs(admin).members.revealIdNumber(input))).toBe("OK");
    expect(await errorOf(callerAs(manager).members.revealIdNumber(input))).toMatch(/^FORBIDDEN/);
    expect(await errorOf(callerAs(leshanCaseworker).members.revealIdNumber(input))).toBe(
      "NOT_FOUND 参保人不存在或无权查看",
    );
    expect(
      await errorOf(callerAs(xianCaseworker).members.revealIdNumber({ ...input, id: 999_999 })),
    ).toBe("NOT_FOUND 参保人不存在或无权查看");
    // Refused calls leave no reveal behind them.
    expect((await revealAudit()).map((row) => row.actor_id)).toEqual([xianCaseworker.id, admin.id]);
  });

  it("needs a reason of 4 to 200 characters", async () => {
    const caller = callerAs(xianCaseworker);
    for (const reason of ["", "   ", "核实", "x".repeat(201)]) {
      expect(await errorOf(caller.members.revealIdNumber({ id: member.id, reason }))).toMatch(
        /^BAD_REQUEST/,
      );
    }
    expect(
      await errorOf(caller.members.revealIdNumber({ id: member.id, reason: "x".repeat(200) })),
    ).toBe("OK");
  });

  it(`stops after ${REVEALS_PER_HOUR} reveals an hour per user`, async () => {
    const user = await createSignedInUser(testDb.db, { role: "caseworker", regionScope: XIAN });
    const caller = callerAs(user);
    const input = { id: member.id, reason: "与其他系统核对参保信息" };
    const results = await Promise.all(
      Array.from({ length: REVEALS_PER_HOUR + 3 }, () =>
        errorOf(caller.members.revealIdNumber(input)),
      ),
    );
    expect(results.filter((r) => r === "OK")).toHaveLength(REVEALS_PER_HOUR);
    expect(results.filter((r) => r.startsWith("TOO_MANY_REQUESTS"))).toHaveLength(3);
    // Another caseworker is not held back by it.
    expect(await errorOf(callerAs(xianCaseworker).members.revealIdNumber(input))).toBe("OK");
  });
});
