import { randomBytes } from "node:crypto";
import type { MemberInsurance, Role } from "@/db/constants";
import type { Executor } from "@/db/index";
import { maskIdNumber, maskPhone, type PiiCodec } from "@/db/pii";
import { enquiries, enquiryLetters, members, userSessions, users, workOrders } from "@/db/schema";
import { buildIdNumber } from "../rules/id-number";

// Test data builders: each call makes a new row with unique values; tests state only what
// matters to them.
let sequence = 0;
const next = () => ++sequence;

export async function createUser(
  db: Executor,
  overrides: Partial<typeof users.$inferInsert> & { role?: Role } = {},
) {
  const n = next();
  const [user] = await db
    .insert(users)
    .values({
      displayName: `测试用户${n}`,
      login: `user_${n}_${Date.now().toString(36)}`,
      passwordHash: "not-a-real-hash",
      role: "caseworker",
      ...overrides,
    })
    .returning();
  if (!user) throw new Error("user insert returned nothing");
  return user;
}

// An open server-side session, as sign-in opens one, and the reference a signed cookie would
// carry for it. `at` backdates it, for the idle and absolute limits.
export async function createSession(
  db: Executor,
  user: { id: number; sessionVersion?: number },
  at: { createdAt?: Date; lastSeenAt?: Date } = {},
) {
  const createdAt = at.createdAt ?? new Date();
  const sessionId = randomBytes(32).toString("base64url");
  await db.insert(userSessions).values({
    id: sessionId,
    userId: user.id,
    createdAt,
    lastSeenAt: at.lastSeenAt ?? createdAt,
  });
  return { userId: user.id, sessionVersion: user.sessionVersion ?? 1, sessionId };
}

// A user with an open session, for tests that call procedures as that user.
export async function createSignedInUser(
  db: Executor,
  overrides: Parameters<typeof createUser>[1] = {},
) {
  const user = await createUser(db, overrides);
  return { ...user, session: await createSession(db, user) };
}
export type SignedInTestUser = Awaited<ReturnType<typeof createSignedInUser>>;

// A member stored the way registration stores one: ID number and phone encrypted, hashed and
// masked. The ID number is valid (region, birth date, check character) and unique per call.
export async function createMember(
  db: Executor,
  pii: PiiCodec,
  overrides: {
    name?: string;
    idNumber?: string;
    phone?: string | null;
    insurance?: MemberInsurance;
    tier?: string | null;
    regionCode?: string;
    employerName?: string | null;
    createdBy?: number | null;
  } = {},
) {
  const n = next();
  const regionCode = overrides.regionCode ?? "511100";
  const birthDate = `19${String(50 + (n % 50)).padStart(2, "0")}0${1 + (n % 9)}1${n % 10}`;
  const idNumber = overrides.idNumber ?? buildIdNumber(regionCode, birthDate, n % 1000);
  const phone =
    overrides.phone === undefined ? `139${String(n).padStart(8, "0").slice(-8)}` : overrides.phone;
  const [member] = await db
    .insert(members)
    .values({
      name: overrides.name ?? `测试参保人${n}`,
      idNumberHash: pii.hash(idNumber),
      idNumberEncrypted: pii.encrypt(idNumber),
      idNumberMasked: maskIdNumber(idNumber),
      phoneHash: phone ? pii.hash(phone) : null,
      phoneEncrypted: phone ? pii.encrypt(phone) : null,
      phoneMasked: phone ? maskPhone(phone) : null,
      phoneLast4: phone ? phone.slice(-4) : null,
      insuranceScheme: overrides.insurance?.scheme ?? "employee",
      personCategory: overrides.insurance ? overrides.insurance.category : "active",
      tier: overrides.tier ?? null,
      regionCode,
      employerName: overrides.employerName === undefined ? "测试单位" : overrides.employerName,
      createdBy: overrides.createdBy ?? null,
    })
    .returning();
  if (!member) throw new Error("member insert returned nothing");
  return { ...member, idNumber, phone };
}

// An issued letter row for an enquiry, without rendering one (for access tests).
export async function createLetter(
  db: Executor,
  enquiry: { id: number; regionCode: string },
  issuedBy: number,
) {
  const n = next();
  const [letter] = await db
    .insert(enquiryLetters)
    .values({
      enquiryId: enquiry.id,
      version: 1,
      numberingRegion: `${enquiry.regionCode.slice(0, 4)}00`,
      numberYear: 2026,
      serial: 100_000 + n,
      stage: "checking",
      content: { title: "测试告知书" },
      contentHash: `test-${n}`,
      settingIds: [],
      issuedBy,
      issuedAt: new Date(),
    })
    .returning();
  if (!letter) throw new Error("letter insert returned nothing");
  return letter;
}

// A 12345 order in work whose caller is not identified yet (待识别参保人), for linking a member.
export async function createUnlinkedWorkOrder(
  db: Executor,
  at: { regionCode: string; createdBy: number },
) {
  const [row] = await db
    .insert(enquiries)
    .values({
      memberId: null,
      regionCode: at.regionCode,
      channel: "hotline_12345",
      symptom: "zero",
      description: "待识别参保人测试",
      status: "in_progress",
      createdBy: at.createdBy,
      dueAt: new Date(Date.now() + 86_400_000),
    })
    .returning({ id: enquiries.id, version: enquiries.version });
  if (!row) throw new Error("enquiry insert returned nothing");
  await db.insert(workOrders).values({
    enquiryId: row.id,
    platform: "hotline_12345",
    externalNumber: `LINK-${row.id}`,
    dispatchingCity: at.regionCode,
    dispatchingUnit: "12345市民服务热线",
    classification: "consult",
    dispatchedAt: new Date(),
    dispatchedBy: at.createdBy,
  });
  return row;
}
