import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError, z } from "zod";
import { createPiiCodec } from "@/db/pii";
import { regionPolicySettings } from "@/db/schema";
import { buildIdNumber, idCheckCharacter } from "@/server/rules/id-number";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import {
  createMember,
  createSignedInUser,
  type SignedInTestUser,
} from "@/server/testing/factories";
import { createCaller } from "../api/root";
import { createTRPCContext } from "../api/trpc";
import { DomainError } from "../errors";
import type { CreateMemberInput } from "../schemas/members";

// GB/T 2260 codes: 四川省, 乐山市 and its 市中区; 西安市 and its 新城区.
const SICHUAN = "510000";
const LESHAN = "511100";
const LESHAN_SHIZHONG = "511102";
const XIAN = "610100";
const XIAN_XINCHENG = "610102";

let testDb: TestDatabase;
const pii = createPiiCodec(process.env.PII_KEY as string);
let requestCount = 0;

type User = SignedInTestUser;
let leshanCaseworker: User;
let xianCaseworker: User;
let sichuanCaseworker: User;
let manager: User;

function callerAs(user: User | null) {
  requestCount += 1;
  return createCaller(
    createTRPCContext({
      db: testDb.db,
      pii,
      session: user ? user.session : null,
      requestId: `req-members-${requestCount}`,
    }),
  );
}

type Failure = { code: string; message: string; field: string | null; fieldErrors: string[] };

// The router's TRPCError, recognised without importing tRPC (server/domain stays transport-free).
function isTransportError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && error.name === "TRPCError" && "code" in error;
}

async function failureOf(promise: Promise<unknown>): Promise<Failure> {
  try {
    await promise;
  } catch (error) {
    if (!isTransportError(error)) throw error;
    return {
      code: error.code,
      message: error.message,
      field: error.cause instanceof DomainError ? (error.cause.field ?? null) : null,
      fieldErrors:
        error.cause instanceof ZodError ? Object.keys(z.flattenError(error.cause).fieldErrors) : [],
    };
  }
  throw new Error("expected the call to fail");
}

// A valid number whose check character is X, to exercise the lower-case x a caseworker types.
function idNumberEndingInX(regionCode: string, birthDate: string): string {
  for (let sequence = 1; sequence < 1000; sequence++) {
    const id = buildIdNumber(regionCode, birthDate, sequence);
    if (id.endsWith("X")) return id;
  }
  throw new Error("no sequence gives X");
}

const withCheck = (first17: string) => `${first17}${idCheckCharacter(first17)}`;

function registration(overrides: Partial<CreateMemberInput> = {}): CreateMemberInput {
  return {
    name: "陈建国",
    idNumber: buildIdNumber(LESHAN_SHIZHONG, "19780512", 31),
    phone: "13812345678",
    insuranceScheme: "employee",
    personCategory: "active",
    tier: "一档",
    regionCode: LESHAN,
    employerName: "乐山市第一中学",
    ...overrides,
  };
}

async function countRows(table: "members" | "audit_events") {
  const [row] = await testDb.client<
    { n: number }[]
  >`select count(*)::int as n from ${testDb.client(table)}`;
  return row?.n ?? 0;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  leshanCaseworker = await createSignedInUser(testDb.db, {
    role: "caseworker",
    regionScope: LESHAN,
  });
  xianCaseworker = await createSignedInUser(testDb.db, { role: "caseworker", regionScope: XIAN });
  sichuanCaseworker = await createSignedInUser(testDb.db, {
    role: "caseworker",
    regionScope: SICHUAN,
  });
  manager = await createSignedInUser(testDb.db, { role: "manager", regionScope: null });
  // 乐山's 职工医保 has two tiers; 西安 keeps the national default (不分档次).
  await testDb.db.insert(regionPolicySettings).values({
    regionCode: LESHAN,
    setting: "employee_tiers",
    value: {
      tiers: [
        { name: "一档", personalAccount: true },
        { name: "二档", personalAccount: false },
      ],
    },
    effectiveFrom: "2000-01-01",
    sourceNote: "测试",
    verified: true,
  });
});
afterAll(() => testDb.drop());

describe("members.create", () => {
  it("stores the ID number and phone encrypted, hashed and masked, and audits masked values only", async () => {
    const input = registration();
    const created = await callerAs(leshanCaseworker).members.create(input);
    expect(created).toEqual({
      id: expect.any(Number),
      name: "陈建国",
      idNumberMasked: `${LESHAN_SHIZHONG}********${input.idNumber.slice(-4)}`,
    });

    const [row] = await testDb.client`select * from members where id = ${created.id}`;
    expect(row?.id_number_encrypted).not.toContain(input.idNumber);
    expect(pii.decrypt(row?.id_number_encrypted)).toBe(input.idNumber);
    expect(row?.id_number_hash).toBe(pii.hash(input.idNumber));
    expect(row?.id_number_masked).toBe(created.idNumberMasked);
    expect(row?.phone_encrypted).not.toContain("13812345678");
    expect(pii.decrypt(row?.phone_encrypted)).toBe("13812345678");
    expect(row?.phone_hash).toBe(pii.hash("13812345678"));
    expect(row?.phone_masked).toBe("138****5678");
    expect(row?.phone_last4).toBe("5678");
    expect(row?.region_code).toBe(LESHAN);
    expect([row?.insurance_scheme, row?.person_category, row?.tier]).toEqual([
      "employee",
      "active",
      "一档",
    ]);
    expect(Number(row?.created_by)).toBe(leshanCaseworker.id);
    expect(row?.search_tokens).toEqual(expect.arrayContaining(["陈建", "建国"]));

    const [byHash] = await testDb.client`
      select id from members where id_number_hash = ${pii.hash(input.idNumber)}`;
    expect(Number(byHash?.id)).toBe(created.id);

    const audit = await testDb.client`
      select * from audit_events where entity = 'member' and entity_id = ${String(created.id)}`;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "member.create",
      actor_id: String(leshanCaseworker.id),
      request_id: expect.stringMatching(/^req-members-/),
    });
    expect(audit[0]?.after).toMatchObject({ insurance: "职工医保·在职·一档" });
    const recorded = JSON.stringify(audit[0]);
    expect(recorded).toContain(created.idNumberMasked);
    expect(recorded).toContain("138****5678");
    expect(recorded).not.toContain(input.idNumber);
    expect(recorded).not.toContain(input.idNumber.slice(6, 14));
    expect(recorded).not.toContain("13812345678");
  });

  it("accepts a lower-case x and stores the number with a capital X", async () => {
    const idNumber = idNumberEndingInX(LESHAN_SHIZHONG, "19850720");
    const created = await callerAs(leshanCaseworker).members.create(
      registration({ name: "刘晓燕", idNumber: idNumber.toLowerCase(), phone: null }),
    );
    const [row] = await testDb.client`select * from members where id = ${created.id}`;
    expect(pii.decrypt(row?.id_number_encrypted)).toBe(idNumber);
    expect(row?.id_number_hash).toBe(pii.hash(idNumber));
    expect(row?.phone_hash).toBeNull();
    expect(row?.phone_masked).toBeNull();
    expect(created.idNumberMasked.endsWith("X")).toBe(true);
  });

  it("normalises a minority name's middle dot and leaves optional fields empty", async () => {
    const created = await callerAs(leshanCaseworker).members.create(
      registration({
        name: "阿依古丽•买买提",
        idNumber: buildIdNumber(LESHAN_SHIZHONG, "19920303", 44),
        phone: "",
        employerName: "  ",
        personCategory: "flexible",
        tier: " ",
      }),
    );
    const member = await callerAs(leshanCaseworker).members.byId({ id: created.id });
    expect(member).toMatchObject({
      name: "阿依古丽·买买提",
      phoneMasked: null,
      employerName: null,
      insurance: { scheme: "employee", category: "flexible", tier: null },
    });
  });

  it("records 城乡居民医保 without a 人员类别 or 档次", async () => {
    const created = await callerAs(leshanCaseworker).members.create(
      registration({
        name: "杨桂兰",
        idNumber: buildIdNumber(LESHAN_SHIZHONG, "19580404", 45),
        insuranceScheme: "resident",
        personCategory: null,
        tier: null,
        employerName: null,
      }),
    );
    const member = await callerAs(leshanCaseworker).members.byId({ id: created.id });
    expect(member.insurance).toEqual({ scheme: "resident", category: null, tier: null });
  });

  it.each([
    ["职工医保 without a 人员类别", { personCategory: null }, "personCategory", "请选择人员类别"],
    [
      "城乡居民医保 with a 人员类别",
      { insuranceScheme: "resident", personCategory: "retired", tier: null },
      "personCategory",
      "城乡居民医保不分人员类别",
    ],
    [
      "城乡居民医保 with a 档次",
      { insuranceScheme: "resident", personCategory: null },
      "tier",
      "档次只适用于职工医保",
    ],
    ["a 档次 over 16 characters", { tier: "一".repeat(17) }, "tier", "档次不能超过16个字"],
  ] as const)("rejects %s on its field", async (_case, overrides, field, message) => {
    const before = await countRows("members");
    const failure = await failureOf(
      callerAs(leshanCaseworker).members.create(
        registration({ idNumber: buildIdNumber(LESHAN_SHIZHONG, "19900101", 46), ...overrides }),
      ),
    );
    expect(failure).toMatchObject({ code: "BAD_REQUEST", fieldErrors: [field] });
    expect(failure.message).toContain(message);
    expect(await countRows("members")).toBe(before);
  });

  it.each([
    [
      "a 档次 乐山 does not have",
      () => leshanCaseworker,
      LESHAN,
      "档次须为本地区设置的档次之一：一档、二档",
    ],
    [
      "a 档次 in 西安, which has none",
      () => xianCaseworker,
      XIAN,
      "本地区职工医保不分档次，请不要填写档次",
    ],
  ])("rejects %s, from the region's settings", async (_case, user, regionCode, message) => {
    const before = await countRows("members");
    const failure = await failureOf(
      callerAs(user()).members.create(
        registration({
          idNumber: buildIdNumber(LESHAN_SHIZHONG, "19900101", 47),
          regionCode,
          tier: "三档",
        }),
      ),
    );
    expect(failure).toMatchObject({ code: "BAD_REQUEST", field: "tier", message });
    expect(await countRows("members")).toBe(before);
  });

  it.each([
    [
      "a wrong check character",
      () => {
        const valid = buildIdNumber(LESHAN_SHIZHONG, "19700101", 12);
        return `${valid.slice(0, 17)}${valid.endsWith("0") ? "1" : "0"}`;
      },
      "身份证号校验位不正确，请核对最后一位",
    ],
    [
      "an impossible birth date",
      () => withCheck(`${LESHAN_SHIZHONG}19800230123`),
      "身份证号中的出生日期 1980-02-30 不是有效日期",
    ],
    [
      "an unknown region prefix",
      () => withCheck("99010119800101123"),
      "身份证号前6位 990101 不是有效的行政区划代码",
    ],
    ["a short number", () => "51110219800101", "身份证号应为18位，当前为14位"],
  ])("rejects %s with a Chinese message on the ID field", async (_case, idNumber, message) => {
    const before = await countRows("members");
    const failure = await failureOf(
      callerAs(leshanCaseworker).members.create(registration({ idNumber: idNumber() })),
    );
    expect(failure).toMatchObject({ code: "BAD_REQUEST", message, field: "idNumber" });
    expect(await countRows("members")).toBe(before);
  });

  it("rejects an ID number registered before in the caller's region scope", async () => {
    const idNumber = buildIdNumber(XIAN_XINCHENG, "19660909", 77);
    await callerAs(xianCaseworker).members.create(
      registration({ name: "赵卫东", idNumber, regionCode: XIAN, tier: null }),
    );
    const auditsBefore = await countRows("audit_events");
    const failure = await failureOf(
      callerAs(xianCaseworker).members.create(
        registration({ name: "赵卫东", idNumber, regionCode: XIAN, tier: null }),
      ),
    );
    expect(failure).toMatchObject({
      code: "BAD_REQUEST",
      message: "该身份证号已录入",
      field: "idNumber",
    });
    expect(await countRows("audit_events")).toBe(auditsBefore);
    // Registered in another region: refused without saying where, for an administrator to
    // review (server/api/routers/region-reviews.test.ts).
    expect(
      await failureOf(
        callerAs(leshanCaseworker).members.create(
          registration({ name: "赵卫东", idNumber, regionCode: LESHAN }),
        ),
      ),
    ).toMatchObject({ code: "CONFLICT", message: "该证件号无法在本辖区录入，已提交管理员核查" });
    const [row] = await testDb.client<{ n: number }[]>`
      select count(*)::int as n from members where id_number_hash = ${pii.hash(idNumber)}`;
    expect(row?.n).toBe(1);
  });

  it("rejects a region outside the caseworker's scope and a province", async () => {
    const idNumber = buildIdNumber(LESHAN_SHIZHONG, "19880808", 88);
    expect(
      await failureOf(
        callerAs(leshanCaseworker).members.create(registration({ idNumber, regionCode: XIAN })),
      ),
    ).toMatchObject({
      code: "BAD_REQUEST",
      message: "参保地区不在您的管辖范围内",
      field: "regionCode",
    });
    expect(
      await failureOf(
        callerAs(sichuanCaseworker).members.create(registration({ idNumber, regionCode: SICHUAN })),
      ),
    ).toMatchObject({
      code: "BAD_REQUEST",
      message: "请选择具体到地市的参保地区",
      field: "regionCode",
    });
  });

  it("rejects malformed fields before any rule runs, naming each field", async () => {
    const failure = await failureOf(
      callerAs(leshanCaseworker).members.create(
        registration({ name: "Wang", phone: "12345678901", employerName: "单".repeat(101) }),
      ),
    );
    expect(failure.code).toBe("BAD_REQUEST");
    expect(failure.fieldErrors.sort()).toEqual(["employerName", "name", "phone"]);
    expect(
      await failureOf(
        callerAs(leshanCaseworker).members.create({
          ...registration(),
          extra: true,
        } as CreateMemberInput),
      ),
    ).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("is for caseworkers only: managers get FORBIDDEN, signed-out callers UNAUTHORIZED", async () => {
    const input = registration({ idNumber: buildIdNumber(LESHAN_SHIZHONG, "19900101", 5) });
    expect((await failureOf(callerAs(manager).members.create(input))).code).toBe("FORBIDDEN");
    expect((await failureOf(callerAs(null).members.create(input))).code).toBe("UNAUTHORIZED");
  });
});

describe("members.search", () => {
  let wangXiuying: Awaited<ReturnType<typeof createMember>>;
  let liXiuying: Awaited<ReturnType<typeof createMember>>;
  let wangXiulan: Awaited<ReturnType<typeof createMember>>;
  let xianWangXiuying: Awaited<ReturnType<typeof createMember>>;

  beforeAll(async () => {
    const db = testDb.db;
    wangXiuying = await createMember(db, pii, {
      name: "王秀英",
      idNumber: idNumberEndingInX(LESHAN_SHIZHONG, "19720314"),
      phone: "13900005678",
      regionCode: LESHAN,
    });
    liXiuying = await createMember(db, pii, { name: "李秀英", phone: null, regionCode: LESHAN });
    wangXiulan = await createMember(db, pii, {
      name: "王秀兰",
      phone: "13700001111",
      regionCode: LESHAN_SHIZHONG,
    });
    xianWangXiuying = await createMember(db, pii, {
      name: "王秀英",
      idNumber: buildIdNumber(XIAN_XINCHENG, "19720314", 3),
      phone: "13600005678",
      regionCode: XIAN,
    });
  });

  it("finds a member by full ID number, typed with a lower-case x and spaces", async () => {
    const typed = `${wangXiuying.idNumber.slice(0, 6)} ${wangXiuying.idNumber.slice(6).toLowerCase()}`;
    const result = await callerAs(leshanCaseworker).members.lookup({ term: typed });
    expect(result.matchedBy).toBe("id_number");
    expect(result.items).toEqual([
      {
        id: wangXiuying.id,
        name: "王秀英",
        idNumberMasked: wangXiuying.idNumberMasked,
        phoneMasked: "139****5678",
        insurance: { scheme: "employee", category: "active", tier: null },
        regionCode: LESHAN,
        regionName: "乐山市",
        employerName: "测试单位",
      },
    ]);
    expect(JSON.stringify(result)).not.toContain(wangXiuying.idNumber);
  });

  it("finds members by a two-character part of the name", async () => {
    const result = await callerAs(leshanCaseworker).members.search({ query: "秀英" });
    expect(result.matchedBy).toBe("name");
    expect(result.items.map((m) => m.id).sort()).toEqual([wangXiuying.id, liXiuying.id].sort());
  });

  it("puts the exact name first and matches one character against the family name", async () => {
    const exact = await callerAs(leshanCaseworker).members.search({ query: "王秀英" });
    expect(exact.items.map((m) => m.id)).toEqual([wangXiuying.id]);
    const family = await callerAs(leshanCaseworker).members.search({ query: "王" });
    expect(family.items.map((m) => m.id).sort()).toEqual([wangXiuying.id, wangXiulan.id].sort());
    const wildcard = await callerAs(manager).members.search({ query: "%" });
    expect(wildcard.items).toEqual([]);
  });

  it("finds members by the last four digits of the phone, or by the full phone number", async () => {
    const lastFour = await callerAs(leshanCaseworker).members.search({ query: "5678" });
    expect(lastFour.matchedBy).toBe("phone_last4");
    expect(lastFour.items.map((m) => m.id)).toContain(wangXiuying.id);
    expect(lastFour.items.map((m) => m.id)).not.toContain(wangXiulan.id);
    const full = await callerAs(leshanCaseworker).members.lookup({ term: "139 0000 5678" });
    expect(full).toMatchObject({ matchedBy: "phone", items: [{ id: wangXiuying.id }] });
  });

  it("matches nothing for digits that are neither an ID number nor a phone", async () => {
    const result = await callerAs(leshanCaseworker).members.search({ query: "123456" });
    expect(result).toEqual({ matchedBy: "unrecognised", items: [], truncated: false });
  });

  it("returns at most 20 results and says there are more", async () => {
    for (let i = 0; i < 21; i++) {
      await createMember(testDb.db, pii, { name: "欧阳同名", regionCode: LESHAN });
    }
    const result = await callerAs(leshanCaseworker).members.search({ query: "欧阳" });
    expect(result.items).toHaveLength(20);
    expect(result.truncated).toBe(true);
  });

  it("keeps to the caller's region scope for every kind of lookup", async () => {
    const leshan = callerAs(leshanCaseworker);
    for (const query of ["王秀英", "5678"]) {
      const ids = (await leshan.members.search({ query })).items.map((m) => m.id);
      expect(ids, query).not.toContain(xianWangXiuying.id);
    }
    for (const term of [xianWangXiuying.idNumber, "13600005678"]) {
      const ids = (await leshan.members.lookup({ term })).items.map((m) => m.id);
      expect(ids, term).not.toContain(xianWangXiuying.id);
    }
    const sichuan = await callerAs(sichuanCaseworker).members.search({ query: "王秀英" });
    expect(sichuan.items.map((m) => m.id)).toEqual([wangXiuying.id]);
    const xian = await callerAs(xianCaseworker).members.search({ query: "王秀英" });
    expect(xian.items.map((m) => m.id)).toEqual([xianWangXiuying.id]);
    const everywhere = await callerAs(manager).members.search({ query: "王秀英" });
    expect(everywhere.items.map((m) => m.id).sort()).toEqual(
      [wangXiuying.id, xianWangXiuying.id].sort(),
    );
  });

  it("rejects an empty or overlong query and signed-out callers", async () => {
    const caller = callerAs(manager);
    expect((await failureOf(caller.members.search({ query: "  " }))).code).toBe("BAD_REQUEST");
    expect((await failureOf(caller.members.search({ query: "王".repeat(33) }))).code).toBe(
      "BAD_REQUEST",
    );
    expect((await failureOf(callerAs(null).members.search({ query: "王" }))).code).toBe(
      "UNAUTHORIZED",
    );
  });
});

describe("members.byId", () => {
  it("returns the masked member with region names and who registered them", async () => {
    const created = await callerAs(leshanCaseworker).members.create(
      registration({
        name: "周志强",
        idNumber: buildIdNumber(LESHAN_SHIZHONG, "19610606", 61),
        phone: "15912345678",
        personCategory: "retired",
        tier: null,
        regionCode: LESHAN_SHIZHONG,
      }),
    );
    const member = await callerAs(manager).members.byId({ id: created.id });
    expect(member).toEqual({
      id: created.id,
      name: "周志强",
      idNumberMasked: created.idNumberMasked,
      phoneMasked: "159****5678",
      insurance: { scheme: "employee", category: "retired", tier: null },
      regionCode: LESHAN_SHIZHONG,
      regionName: "市中区",
      parentRegionName: "乐山市",
      employerName: "乐山市第一中学",
      createdAt: expect.any(Date),
      createdByName: expect.any(String),
    });
  });

  it("answers NOT_FOUND for a member outside the caller's scope and for an unknown id", async () => {
    const xianMember = await createMember(testDb.db, pii, { name: "孙丽娟", regionCode: XIAN });
    const failure = await failureOf(callerAs(leshanCaseworker).members.byId({ id: xianMember.id }));
    expect(failure).toMatchObject({ code: "NOT_FOUND", message: "参保人不存在或无权查看" });
    expect((await failureOf(callerAs(manager).members.byId({ id: 987_654_321 }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await callerAs(xianCaseworker).members.byId({ id: xianMember.id })).name).toBe(
      "孙丽娟",
    );
  });
});
