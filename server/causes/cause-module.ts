// The shape of a cause module: what belongs to one cause (原因分类), kept in one file per cause
// so that adding a cause means writing one module and registering it (see "Adding a cause" in
// the README). The generic machinery reads these: the triage engine (server/rules/triage.ts),
// the explanation sheet (server/rules/member-explanations.ts) and the demo seed
// (server/cli/seed/). Each of them takes the registry as an argument, the real one by default.
import { type Cause, STEP_KINDS, type StepKind, type SubReason } from "@/db/constants";
import type { DemoProfile } from "../cli/seed/profile";
import type { CueKey } from "../rules/description/cues";
import type { Explanation, ExplanationContext } from "../rules/member-explanations";
import type { StepSentence } from "../rules/step-sentences";
import type { TriageHit, TriageInput, TriageKey, TriageRule } from "../rules/triage";

export type CauseModule = {
  // The 告知书 paragraphs: why the balance looks as it does and what the member can do, in the
  // terms of the member's region. Only 其他 has sub-reasons; the other causes ignore the argument.
  explain: (subReason: SubReason | null, context: ExplanationContext) => Explanation;
  // Run in registry order. A rule may also score another cause, when the fact it reads points
  // there instead (a 30 June leave takes nothing back, so the drop is ordinary spending).
  triageRules: readonly TriageRule[];
  // The steps a triage suggestion of this cause lists, in the order a caseworker does them:
  // the cause's own step kinds (STEP_KINDS in db/constants.ts) or the common ones.
  suggestedSteps: (subReason: SubReason | null) => StepKind[];
  // What a letter tells the member about each of the cause's own step kinds (those STEP_KINDS
  // assigns to it), filled from the step's facts; the internal note is never used.
  stepSentences: Partial<Record<StepKind, StepSentence>>;
  demo: DemoProfile;
};

// Every cause has its module: a cause left out of the registry is a type error.
export type CauseRegistry = Readonly<Record<Cause, CauseModule>>;

// The registry's causes in its order, which is also how equal triage scores are ranked.
export const causesOf = (registry: CauseRegistry) => Object.keys(registry) as Cause[];

export const hit = (key: TriageKey, points: number, reason: string): TriageHit => ({
  key,
  points,
  reason,
});

// What the description says about a cue beyond the structured facts (TextSignals).
export const said = ({ signals }: TriageInput, key: CueKey) => signals?.said.has(key) ?? false;
export const denied = ({ signals }: TriageInput, key: CueKey) => signals?.denied.has(key) ?? false;
export const asked = ({ signals }: TriageInput, key: CueKey) => signals?.asked.has(key) ?? false;
export const amountSaid = ({ signals }: TriageInput, key: CueKey) => signals?.amounts[key] ?? null;

// The step kinds STEP_KINDS assigns to the cause, in their order there.
export const ownStepKinds = (cause: Cause): StepKind[] =>
  STEP_KINDS.filter((kind) => kind.cause === cause).map((kind) => kind.code);
