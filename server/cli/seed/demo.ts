// Realistic demo data: the demo accounts, members and two years of enquiries with their causes
// and resolution steps, most hotline calls among them dispatched as work orders. Deterministic:
// the same `now` gives the same rows (only the ciphertext of personal data differs, its IV is
// random), so demos, screenshots and tests agree.
import type { Role } from "@/db/constants";
import type { Database, Executor } from "@/db/index";
import { createPiiCodec } from "@/db/pii";
import { enquiries, enquiryCauses, members, resolutionSteps, users } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import { seedMonths } from "./calendar";
import { type DraftContext, draftMonth, type EnquiryDraft } from "./enquiries";
import { seedHistory } from "./history";
import { attachDemoMembers, type MemberDraft } from "./members";
import { protectPerson } from "./people";
import { allocateEnquiries, BURST, type SEED_CITY_NAMES } from "./plan";
import { seedPolicySettings } from "./policy-settings";
import { createRandom } from "./random";
import { loadSeedCities } from "./regions";
import { demoTriageFacts } from "./triage";
import { recordSeededTriage, regionRulesByDay } from "./triage-record";
import { seedWorkOrders } from "./work-orders";

export const DEMO_PASSWORD = "demo-pass-2026";
export const DEFAULT_DEMO_ENQUIRIES = 2400;

export const DEMO_ACCOUNTS = [
  { login: "xa_caseworker", displayName: "王敏", role: "caseworker", cityName: "西安市" },
  { login: "ls_caseworker", displayName: "李娟", role: "caseworker", cityName: "乐山市" },
  { login: "sh_caseworker", displayName: "陈晨", role: "caseworker", cityName: "上海市" },
  { login: "manager", displayName: "张强", role: "manager", cityName: null },
  { login: "admin", displayName: "系统管理员", role: "admin", cityName: null },
] as const satisfies readonly {
  login: string;
  displayName: string;
  role: Role;
  cityName: (typeof SEED_CITY_NAMES)[number] | null;
}[];

// Fixed seeds: the data depends on `now` only through its dates.
const PLAN_SEED = 0x5eed_2026;
const PEOPLE_SEED = 0x9e0_91e;
const TRIAGE_SEED = 0x7e1a_6e;

export type SeedOptions = {
  piiKey: string;
  now: Date;
  enquiries?: number;
};

export type SeedSummary = {
  users: number;
  members: number;
  enquiries: number;
  causes: number;
  steps: number;
  // Hotline enquiries dispatched as work orders.
  workOrders: number;
  // Enquiries given triage facts (the recent months').
  triaged: number;
  // First and last month of the demo period, "2024-08".
  fromMonth: string;
  toMonth: string;
  // Where and when the 系统延迟 burst lies, for checking the spike detection.
  burst: { regionCode: string; regionName: string; month: string };
};

const CHUNK = 1000;

async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<void>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

// Expects a database without users (a fresh one, or one emptied with RESTART IDENTITY).
export async function seedDemo(db: Database, options: SeedOptions): Promise<SeedSummary> {
  const total = options.enquiries ?? DEFAULT_DEMO_ENQUIRIES;
  const cities = await loadSeedCities(db);
  const codec = createPiiCodec(options.piiKey);
  const passwordHashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));

  const months = seedMonths(options.now);
  const burstCityIndex = cities.findIndex((city) => city.name === BURST.cityName);
  const burstMonth = months[months.length - 1 - BURST.monthsAgo];
  const burstCity = cities[burstCityIndex];
  if (!burstMonth || !burstCity) throw new Error("demo period too short for the burst month");

  return db.transaction(async (tx) => {
    await seedPolicySettings(tx);
    const userIds = await insertUsers(tx, passwordHashes, cities);
    for (const city of cities) city.caseworkerId = userIds.caseworkerByCity.get(city.code) ?? null;
    const context: DraftContext = { now: options.now, cities, fallbackCreatorId: userIds.admin };

    const random = createRandom(PLAN_SEED);
    const allocations = allocateEnquiries(random, months, cities, burstCityIndex, total);
    const drafts = allocations.flatMap((allocation) => draftMonth(random, context, allocation));
    const people = attachDemoMembers(createRandom(PEOPLE_SEED), drafts, cities);

    const memberIds: number[] = [];
    await inChunks(people.members, async (chunk) => {
      const rows = await tx
        .insert(members)
        .values(
          chunk.map((member) => ({
            ...member,
            insuranceScheme: member.insurance.scheme,
            personCategory: member.insurance.category,
            ...protectPerson(codec, member),
          })),
        )
        .returning({ id: members.id });
      memberIds.push(...rows.map((row) => row.id));
    });

    const enquiryIds: number[] = [];
    await inChunks(drafts, async (chunk) => {
      const offset = enquiryIds.length;
      const rows = await tx
        .insert(enquiries)
        .values(
          chunk.map((draft, i) =>
            enquiryRow(draft, memberIds[people.memberIndexes[offset + i] ?? -1]),
          ),
        )
        .returning({ id: enquiries.id });
      enquiryIds.push(...rows.map((row) => row.id));
    });

    const causeRows = drafts.flatMap((draft, i) =>
      draft.causes.map((tag) => ({ ...tag, enquiryId: enquiryIds[i] as number })),
    );
    await inChunks(causeRows, async (chunk) => {
      await tx.insert(enquiryCauses).values(chunk);
    });
    const stepRows = drafts.flatMap((draft, i) =>
      draft.steps.map((step) => ({ ...step, enquiryId: enquiryIds[i] as number })),
    );
    await inChunks(stepRows, async (chunk) => {
      await tx.insert(resolutionSteps).values(chunk);
    });
    // The recent enquiries' triage facts, with the suggestions the rules make from them; recorded
    // as drafted, while each enquiry still names the member it was drafted for (a work order's
    // caller may yet be unidentified).
    const triage = demoTriageFacts(
      createRandom(TRIAGE_SEED),
      options.now,
      drafts,
      people.memberIndexes.map((index) => (people.members[index] as MemberDraft).insurance),
      enquiryIds,
      await regionRulesByDay(
        tx,
        drafts.map((draft) => draft.regionCode),
      ),
    );
    await recordSeededTriage(tx, triage);
    const workOrders = await seedWorkOrders(tx, {
      now: options.now,
      cities,
      managerId: userIds.manager,
      pii: codec,
    });
    await seedHistory(tx);
    // Orders never signed have no steps; an accepted 延期 adds a 已告知参保人延期.
    const steps = await tx.$count(resolutionSteps);

    return {
      users: DEMO_ACCOUNTS.length,
      members: memberIds.length,
      enquiries: enquiryIds.length,
      causes: causeRows.length,
      steps,
      workOrders,
      triaged: triage.length,
      fromMonth: months[0]?.key ?? "",
      toMonth: months[months.length - 1]?.key ?? "",
      burst: { regionCode: burstCity.code, regionName: burstCity.name, month: burstMonth.key },
    };
  });
}

async function insertUsers(
  tx: Executor,
  passwordHashes: readonly string[],
  cities: readonly { code: string; name: string }[],
) {
  const rows = await tx
    .insert(users)
    .values(
      DEMO_ACCOUNTS.map((account, i) => ({
        login: account.login,
        displayName: account.displayName,
        role: account.role,
        passwordHash: passwordHashes[i] as string,
        regionScope: cities.find((city) => city.name === account.cityName)?.code ?? null,
      })),
    )
    .returning({ id: users.id, role: users.role, regionScope: users.regionScope });
  const caseworkerByCity = new Map<string, number>();
  for (const row of rows) {
    if (row.role === "caseworker" && row.regionScope) caseworkerByCity.set(row.regionScope, row.id);
  }
  const admin = rows.find((row) => row.role === "admin");
  const manager = rows.find((row) => row.role === "manager");
  if (!admin || !manager) throw new Error("admin and manager accounts were not created");
  return { caseworkerByCity, admin: admin.id, manager: manager.id };
}

function enquiryRow(draft: EnquiryDraft, memberId: number | undefined) {
  if (memberId === undefined) throw new Error("enquiry without a member");
  const {
    cityIndex: _city,
    memberTypes: _types,
    causes: _causes,
    steps: _steps,
    leftMonthsBefore: _left,
    ...row
  } = draft;
  return { ...row, memberId };
}
