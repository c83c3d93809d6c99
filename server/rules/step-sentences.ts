import { z } from "zod";
import { STEP_KINDS, type StepKind } from "@/db/constants";
import { CAUSE_MODULES } from "../causes";
import type { CauseRegistry } from "../causes/cause-module";
import { leaveCalculationFacts } from "./leave-calculator";

// What a letter tells the member about each step taken: one sentence per step kind, written for
// the member and filled from what the step established (its `facts`), never from the
// caseworker's note, which is an internal working record. The caseworker sees these sentences
// in the letter preview and may reword them before issuing.

// A step's facts, as stored in resolution_steps.facts: one schema per kind of fact.
export const stepFactsSchema = z.discriminatedUnion("kind", [leaveCalculationFacts]);
export type StepFacts = z.infer<typeof stepFactsSchema>;

export type LetterStep = {
  kind: StepKind;
  doneOn: string;
  // The re-check day of a 设定复查日期 step.
  dueOn: string | null;
  facts: unknown;
};

export type StepSentence = (step: LetterStep, facts: StepFacts | null) => string;

// The steps common to every cause; a cause's own step kinds have their sentences in its module
// (server/causes/<cause>.ts), so adding a cause does not touch this file.
const COMMON: Record<CommonStepKind, StepSentence> = {
  check_contributions: () => "核对了您的缴费记录。",
  top_up: () => "告知了您补缴医保费的办理渠道。",
  // 报销 concerns costs paid out of pocket; spending paid from the account is not refunded to it.
  apply_reimbursement: () => "指导您就个人自付的合规医疗费用申请报销。",
  follow_up: () => "对您进行了回访。",
  extension_notified: () => "告知了您办理期限延长的情况。",
  free_text: () => "为您办理了相关事项。",
};

type CommonStepKind = Extract<(typeof STEP_KINDS)[number], { cause: null }>["code"];

export function stepSentence(step: LetterStep, registry: CauseRegistry = CAUSE_MODULES): string {
  const parsed = step.facts == null ? null : stepFactsSchema.safeParse(step.facts);
  const facts = parsed?.success ? parsed.data : null;
  const cause = STEP_KINDS.find((kind) => kind.code === step.kind)?.cause ?? null;
  const sentence = cause
    ? registry[cause].stepSentences[step.kind]
    : COMMON[step.kind as CommonStepKind];
  if (!sentence) throw new Error(`no member sentence for step kind ${step.kind}`);
  return sentence(step, facts);
}
