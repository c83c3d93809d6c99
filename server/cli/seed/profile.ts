// What the demo seed reads from each cause module (server/causes/<cause>.ts): how often the cause
// comes up and when, what members say about it, the steps a caseworker records and what the
// triage panel was told. The seed's other files are the machinery that draws from these.

import type { Cause, MemberInsurance, StepKind, SubReason } from "@/db/constants";
import type { RegionRules } from "../../rules/triage";
import type { SeedMonth } from "./calendar";
import type { EnquiryDraft } from "./enquiries";
import type { PlannedCity } from "./plan";
import type { Random, Weighted } from "./random";
import type { Scenario } from "./scenarios";
import type { PlannedStep } from "./steps";
import type { DemoTriageFacts } from "./triage-facts";

// Records one step; placeholders in braces in the note are filled per enquiry (fillTemplate).
export type StepWriter = (kind: StepKind, note: string) => PlannedStep;

// What the steps of a demo enquiry depend on beyond its causes: the primary scenario's policy
// note (政策改革) and how the city credits the account.
export type StepContext = {
  policyNote: string | undefined;
  crediting: "monthly" | "pre_allocation";
};

export type DemoProfile = {
  // Weight among the causes as the primary cause of a demo enquiry.
  share: number;
  // The month's factor on that weight (1 when absent): the peaks and trends the analytics show.
  seasonality?: (month: SeedMonth, monthCount: number, city: PlannedCity) => number;
  // Draws the sub-reason of a primary tag (causes split into sub-reasons only); what the city
  // has decides some (a deduction needs a city that deducts).
  subReason?: (random: Random, place: { hasDeduction: boolean }) => SubReason;
  scenarios: (subReason: SubReason | null) => readonly Scenario[];
  // The second cause seen alongside this one when it is primary (about a fifth of enquiries).
  secondary: Weighted<readonly [Cause, SubReason | null]>;
  // Who the cause can happen to, when not everyone (only someone in work leaves an employer): it
  // is not added as the second cause of a scenario about nobody of these.
  memberTypes?: readonly MemberInsurance[];
  // The work waits for a re-check (系统延迟): due two working days after filing, resolved one to
  // three working days after, and half of the open ones 待复查.
  awaitsRecheck?: boolean;
  // The steps recorded for a tag of this cause, in order; policyNote is the scenario's.
  steps: (
    random: Random,
    subReason: SubReason | null,
    step: StepWriter,
    context: StepContext,
  ) => PlannedStep[];
  // What the triage panel was told about an enquiry with this primary cause.
  triageFacts: (
    random: Random,
    draft: EnquiryDraft,
    insurance: MemberInsurance,
    subReason: SubReason | null,
    // The rules of the enquiry's region on its filing day.
    region: RegionRules,
  ) => DemoTriageFacts;
  // An answer that points to this cause, given about an enquiry whose primary cause is another;
  // null when the question was already answered or does not apply to the member.
  misleadingFact?: (
    random: Random,
    draft: EnquiryDraft,
    insurance: MemberInsurance,
    facts: DemoTriageFacts,
  ) => DemoTriageFacts | null;
};
