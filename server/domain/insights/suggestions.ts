import { and, asc, eq, gte, like, lte, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import type { MemberInsurance, Symptom } from "@/db/constants";
import { enquiries, enquirySuggestions, enquiryTriageFacts } from "@/db/schema";
import { notFound } from "../../errors";
import { shanghaiDay, shanghaiDayStart } from "../../rules/calendar-day";
import { assessCauses } from "../../rules/cause-assessment";
import type { Policy } from "../../rules/policy-settings";
import { reasonText, stepsFor, type TriageFacts } from "../../rules/triage";
import { firstOfLastWorkingDays } from "../../rules/working-days";
import type { CauseTag } from "../../schemas/enquiries";
import type { SameSymptomNearbyInput, TriageFactsInput } from "../../schemas/insights";
import { isWithinScope } from "../region-scope";
import type { Actor } from "../users";

export type TriagedEnquiry = {
  id: number;
  symptom: Symptom;
  description: string;
  reportedBalanceFen: number | null;
  openedAt: Date;
  memberInsurance: MemberInsurance;
  // The settings of the enquiry's region on its filing day.
  policy: Policy;
  // Enquiries with the same symptom in the same city within the last 3 working days.
  sameSymptomNearby: number;
  // The causes tagged at filing, already written.
  causes: readonly Pick<CauseTag, "cause" | "subReason">[];
};

// The rows filing stores for one enquiry: the facts the rules used (the answers over what the
// description says, the cues struck out, the count of like enquiries nearby) and the
// suggestions they make, each accepted when the enquiry carries its cause and sub-reason.
export function triageRows(enquiry: TriagedEnquiry, given: TriageFactsInput | undefined) {
  const { insurance: verified, removedCues, ...answers } = given ?? {};
  const insurance = verified ?? enquiry.memberInsurance;
  const today = shanghaiDay(enquiry.openedAt);
  const assessment = assessCauses({
    description: enquiry.description,
    removedCues: removedCues ?? [],
    symptom: enquiry.symptom,
    insurance,
    balanceFen: enquiry.reportedBalanceFen,
    facts: {
      ...answers,
      ...(enquiry.sameSymptomNearby > 0 ? { sameSymptomNearby: enquiry.sameSymptomNearby } : {}),
    },
    today,
    policy: enquiry.policy,
  });
  return {
    facts: {
      enquiryId: enquiry.id,
      facts: compact({
        ...assessment.facts,
        ...(removedCues?.length ? { removedCues } : {}),
      }),
      insuranceScheme: insurance.scheme,
      personCategory: insurance.category,
      triageDay: today,
    },
    suggestions: assessment.suggestions.map((suggestion, index) => ({
      enquiryId: enquiry.id,
      rank: index + 1,
      cause: suggestion.cause,
      subReason: suggestion.subReason,
      score: suggestion.score,
      reason: reasonText(suggestion),
      accepted: enquiry.causes.some(
        (tag) => tag.cause === suggestion.cause && (tag.subReason ?? null) === suggestion.subReason,
      ),
    })),
  };
}

// The server runs the same assessment as the filing form, on the same answers and description,
// so what is stored is what the caseworker was shown, whatever the browser sent.
export async function recordTriage(
  db: Executor,
  enquiry: TriagedEnquiry,
  given: TriageFactsInput | undefined,
) {
  const rows = triageRows(enquiry, given);
  await db.insert(enquiryTriageFacts).values(rows.facts);
  if (rows.suggestions.length > 0) {
    await db.insert(enquirySuggestions).values(rows.suggestions);
  }
}

// How many enquiries of the same city with the same symptom were filed in the last 3 working
// days before `openedAt` (this one not counted): the triage reads a burst as an incident.
export async function countSameSymptomNearby(
  db: Executor,
  enquiry: { id: number | null; regionCode: string; symptom: Symptom; openedAt: Date },
) {
  const since = shanghaiDayStart(firstOfLastWorkingDays(shanghaiDay(enquiry.openedAt), 3));
  const city = `${enquiry.regionCode.slice(0, 4)}%`;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(enquiries)
    .where(
      and(
        like(enquiries.regionCode, city),
        eq(enquiries.symptom, enquiry.symptom),
        gte(enquiries.openedAt, since),
        lte(enquiries.openedAt, enquiry.openedAt),
        enquiry.id === null ? undefined : ne(enquiries.id, enquiry.id),
      ),
    );
  return row?.n ?? 0;
}

// A suggestion counts as accepted while the enquiry carries its cause (and, for 其他, the same
// sub-reason). Called after every write of the cause set, so retagging later moves the count.
export async function syncSuggestionAcceptance(db: Executor, enquiryId: number) {
  await db.execute(sql`
    update enquiry_suggestions s
    set accepted = exists (
      select 1 from enquiry_causes c
      where c.enquiry_id = s.enquiry_id
        and c.cause = s.cause
        and c.sub_reason is not distinct from s.sub_reason)
    where s.enquiry_id = ${enquiryId}`);
}

export async function readTriage(db: Executor, enquiryId: number) {
  const [factsRow, rows] = await Promise.all([
    db.select().from(enquiryTriageFacts).where(eq(enquiryTriageFacts.enquiryId, enquiryId)),
    db
      .select()
      .from(enquirySuggestions)
      .where(eq(enquirySuggestions.enquiryId, enquiryId))
      .orderBy(asc(enquirySuggestions.rank)),
  ]);
  const stored = factsRow[0];
  if (!stored) return null;
  return {
    facts: stored.facts as TriageFacts,
    insurance: stored.insuranceScheme
      ? { scheme: stored.insuranceScheme, category: stored.personCategory }
      : null,
    triageDay: stored.triageDay,
    suggestions: rows.map((row) => ({
      rank: row.rank,
      cause: row.cause,
      subReason: row.subReason,
      score: row.score,
      reason: row.reason,
      accepted: row.accepted,
      steps: stepsFor(row.cause, row.subReason),
    })),
  };
}

// Only the facts actually given are kept, so "not asked" and "no" stay different.
function compact(facts: TriageFacts): TriageFacts {
  return Object.fromEntries(
    Object.entries(facts).filter(([, value]) => value !== null && value !== undefined),
  ) as TriageFacts;
}

// The count for the filing form, in a region of the caseworker's scope: NOT_FOUND outside it.
export async function sameSymptomNearby(
  db: Executor,
  actor: Actor,
  input: SameSymptomNearbyInput,
  now: Date,
) {
  if (!isWithinScope(input.regionCode, actor.regionScope)) throw notFound("地区");
  return countSameSymptomNearby(db, { id: null, ...input, openedAt: now });
}
