import { eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db";
import {
  enquiries,
  enquiryCauses,
  enquirySuggestions,
  enquiryTriageFacts,
  members,
} from "@/db/schema";
import type { DemoTriage } from "@/server/cli/seed/triage";
import { type TriagedEnquiry, triageRows } from "../../domain/insights/suggestions";
import { loadPolicyHistory } from "../../domain/policy-settings";
import { shanghaiDay, shanghaiDayStart } from "../../rules/calendar-day";
import { type Policy, type PolicySettingRow, resolvePolicy } from "../../rules/policy-settings";
import { type RegionRules, regionRulesOf } from "../../rules/triage";
import { firstOfLastWorkingDays } from "../../rules/working-days";

// Rows per insert statement: a round trip per chunk, not per row, keeps the demo seed fast.
const CHUNK = 1000;

async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

// The demo's triage facts and the suggestions the rules make from them, built exactly as filing
// builds them (triageRows) from the seeded enquiries, their members and their cause tags, so the
// acceptance figures on /analytics read real rule output. Handed to seedDemo as recordTriage.
// The region rules of each demo region on a day, from one read of each city's settings.
export async function policyByDay(db: Executor, regionCodes: readonly string[]) {
  const histories = new Map<string, PolicySettingRow[]>();
  for (const code of new Set(regionCodes)) histories.set(code, await loadPolicyHistory(db, code));
  return (regionCode: string, day: string): Policy =>
    resolvePolicy(histories.get(regionCode) ?? [], regionCode, day);
}

export async function regionRulesByDay(db: Executor, regionCodes: readonly string[]) {
  const policyOf = await policyByDay(db, regionCodes);
  return (regionCode: string, day: string): RegionRules => regionRulesOf(policyOf(regionCode, day));
}

type Filed = { id: number; regionCode: string; symptom: string; openedAt: Date };

// What countSameSymptomNearby answers at filing, for the seeded enquiries among themselves: the
// like enquiries of the same city in the last 3 working days before each one.
function nearbyCounter(rows: readonly Filed[]) {
  const groups = new Map<string, Filed[]>();
  for (const row of rows) {
    const key = `${row.regionCode.slice(0, 4)}:${row.symptom}`;
    const group = groups.get(key) ?? [];
    group.push(row);
    groups.set(key, group);
  }
  for (const group of groups.values())
    group.sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
  return (row: Filed) => {
    const group = groups.get(`${row.regionCode.slice(0, 4)}:${row.symptom}`) ?? [];
    const since = shanghaiDayStart(firstOfLastWorkingDays(shanghaiDay(row.openedAt), 3));
    return group.filter(
      (other) => other.id !== row.id && other.openedAt >= since && other.openedAt <= row.openedAt,
    ).length;
  };
}

export async function recordSeededTriage(db: Executor, given: readonly DemoTriage[]) {
  if (given.length === 0) return;
  const ids = given.map((row) => row.enquiryId);
  const [enquiryRows, causeRows] = await Promise.all([
    db
      .select({
        id: enquiries.id,
        symptom: enquiries.symptom,
        description: enquiries.description,
        reportedBalanceFen: enquiries.reportedBalanceFen,
        openedAt: enquiries.openedAt,
        regionCode: enquiries.regionCode,
        memberInsurance: { scheme: members.insuranceScheme, category: members.personCategory },
      })
      .from(enquiries)
      .innerJoin(members, eq(members.id, enquiries.memberId))
      .where(inArray(enquiries.id, ids)),
    db
      .select({
        enquiryId: enquiryCauses.enquiryId,
        cause: enquiryCauses.cause,
        subReason: enquiryCauses.subReason,
      })
      .from(enquiryCauses)
      .where(inArray(enquiryCauses.enquiryId, ids)),
  ]);
  const byId = new Map(enquiryRows.map((row) => [row.id, row]));
  const causesOf = new Map<number, TriagedEnquiry["causes"][number][]>();
  for (const { enquiryId, ...tag } of causeRows) {
    const list = causesOf.get(enquiryId) ?? [];
    list.push(tag);
    causesOf.set(enquiryId, list);
  }

  const policyOf = await policyByDay(
    db,
    enquiryRows.map((row) => row.regionCode),
  );
  const nearby = nearbyCounter(enquiryRows);
  const rows = given.map(({ enquiryId, facts }) => {
    const row = byId.get(enquiryId);
    if (!row) throw new Error(`seeded enquiry ${enquiryId} not found`);
    const { regionCode, ...enquiry } = row;
    const policy = policyOf(regionCode, shanghaiDay(enquiry.openedAt));
    const sameSymptomNearby = nearby(row);
    return triageRows(
      { ...enquiry, policy, sameSymptomNearby, causes: causesOf.get(enquiryId) ?? [] },
      facts,
    );
  });
  await inChunks(
    rows.map((row) => row.facts),
    (chunk) => db.insert(enquiryTriageFacts).values(chunk),
  );
  await inChunks(
    rows.flatMap((row) => row.suggestions),
    (chunk) => db.insert(enquirySuggestions).values(chunk),
  );
}
