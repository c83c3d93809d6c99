// Building triage inputs for the rule tests: an active employee in a region with the national
// defaults, with whatever the test changes, and the text signals given as lists.
import { causeTagLabel } from "@/db/constants";
import type { CueKey, DescriptionCue } from "../rules/description/cues";
import {
  ruleHits,
  type Suggestion,
  type TextSignals,
  type TriageHit,
  type TriageInput,
  triage,
} from "../rules/triage";
import { testRegion } from "./policy";

type Said = {
  said?: CueKey[];
  denied?: CueKey[];
  asked?: CueKey[];
  amounts?: TextSignals["amounts"];
};

export function triageInput(overrides: Partial<TriageInput> & Said = {}): TriageInput {
  const { said = [], denied = [], asked = [], amounts = {}, ...input } = overrides;
  return {
    symptom: "mismatch",
    insurance: { scheme: "employee", category: "active" },
    balanceFen: null,
    facts: {},
    today: "2026-03-16",
    region: testRegion(),
    signals: { said: new Set(said), denied: new Set(denied), asked: new Set(asked), amounts },
    ...input,
  };
}

// The suggestions as a caseworker reads them: "离职减员", "其他·断缴".
export const labels = (suggestions: Suggestion[]) => suggestions.map(causeTagLabel);

export const suggest = (overrides: Partial<TriageInput> & Said = {}) =>
  triage(triageInput(overrides));

export const topLabel = (overrides: Partial<TriageInput> & Said = {}) => {
  const [first] = suggest(overrides);
  return first ? causeTagLabel(first) : "无建议";
};

// What one named rule ("system_delay.burst") gives for the input.
export function hitsOf(rule: string, overrides: Partial<TriageInput> & Said = {}): TriageHit[] {
  return ruleHits(triageInput(overrides)).find((fired) => fired.rule === rule)?.hits ?? [];
}

// The points one rule gives a key, summed.
export const pointsOf = (
  rule: string,
  key: TriageHit["key"],
  overrides: Partial<TriageInput> & Said = {},
) =>
  hitsOf(rule, overrides)
    .filter((one) => one.key === key)
    .reduce((sum, one) => sum + one.points, 0);

// A cue as readDescription gives it: its key, whether it was denied, the words it was read
// from and the label shown on the chip, with a date, month or amount where it carries one.
export const readCue = (
  key: DescriptionCue["key"],
  negated: boolean,
  text: string,
  label: string,
  extra: Partial<DescriptionCue> = {},
): DescriptionCue => ({ key, negated, text, label, ...extra });
