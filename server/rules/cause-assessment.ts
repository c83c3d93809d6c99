// 原因研判 in one call: read the enquiry's description, take the caseworker's structured answers
// over it, and rank the causes by the region's rules. The filing form, the server at filing and
// the evaluation all call this, so what a caseworker is shown is what is stored and measured.
import type { MemberInsurance, Symptom } from "@/db/constants";
import type { CueKey, DescriptionCue } from "./description/cues";
import { factsFromCues, mergeFacts } from "./description/facts";
import { readDescription } from "./description/index";
import type { Policy } from "./policy-settings";
import {
  regionRulesOf,
  type Suggestion,
  type TextSignals,
  type TriageFacts,
  triage,
} from "./triage";

export type CauseAssessmentInput = {
  description: string;
  // Cues the caseworker struck out under the description, by key: the text misread them.
  removedCues?: readonly CueKey[];
  symptom: Symptom;
  insurance: MemberInsurance | null;
  // The balance the caseworker entered; null when none was given.
  balanceFen: number | null;
  facts: TriageFacts;
  // The Beijing calendar day of the enquiry, "YYYY-MM-DD".
  today: string;
  // The region's settings on that day.
  policy: Policy;
};

export type CauseAssessment = {
  // The cues read from the description and kept.
  cues: DescriptionCue[];
  // What the rules used: the structured answers over those read from the text.
  facts: TriageFacts;
  balanceFen: number | null;
  signals: TextSignals;
  suggestions: Suggestion[];
};

export function assessCauses(input: CauseAssessmentInput): CauseAssessment {
  const removed = new Set(input.removedCues ?? []);
  const cues = readDescription(input.description, input.today).filter(
    (cue) => !removed.has(cue.key),
  );
  const fromText = factsFromCues(cues);
  const facts = mergeFacts(fromText.facts, input.facts);
  const balanceFen = input.balanceFen ?? fromText.balanceFen;
  const suggestions = triage({
    symptom: input.symptom,
    insurance: input.insurance,
    balanceFen,
    facts,
    signals: fromText.signals,
    today: input.today,
    region: regionRulesOf(input.policy),
  });
  return { cues, facts, balanceFen, signals: fromText.signals, suggestions };
}
