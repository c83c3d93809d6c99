import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import type { MemberInsurance, Symptom } from "@/db/constants";
import { enquirySuggestions, enquiryTriageFacts } from "@/db/schema";
import { shanghaiDay } from "../../rules/calendar-day";
import {
  type RegionRules,
  reasonText,
  stepsFor,
  type TriageFacts,
  triage,
} from "../../rules/triage";
import type { CauseTag } from "../../schemas/enquiries";
import type { TriageFactsInput } from "../../schemas/insights";

export type TriagedEnquiry = {
  id: number;
  symptom: Symptom;
  reportedBalanceFen: number | null;
  openedAt: Date;
  memberInsurance: MemberInsurance;
  // The rules of the enquiry's region on its filing day.
  region: RegionRules;
  // The causes tagged at filing, already written.
  causes: readonly Pick<CauseTag, "cause" | "subReason">[];
};

// The rows filing stores for one enquiry: its facts, and the suggestions the rules make from
// them, each accepted when the enquiry carries its cause (and, for 其他, the same sub-reason).
export function triageRows(enquiry: TriagedEnquiry, given: TriageFactsInput | undefined) {
  const { insurance: verified, ...facts } = given ?? {};
  const insurance = verified ?? enquiry.memberInsurance;
  const today = shanghaiDay(enquiry.openedAt);
  const suggestions = triage({
    symptom: enquiry.symptom,
    insurance,
    balanceFen: enquiry.reportedBalanceFen,
    facts,
    today,
    region: enquiry.region,
  });
  return {
    facts: {
      enquiryId: enquiry.id,
      facts: compact(facts),
      insuranceScheme: insurance.scheme,
      personCategory: insurance.category,
      triageDay: today,
    },
    suggestions: suggestions.map((suggestion, index) => ({
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

// The server runs the same rules as the filing form, on the same facts, so what is stored is
// what the caseworker was shown, whatever the browser sent.
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
