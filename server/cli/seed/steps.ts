// Which resolution steps a caseworker records for each tagged cause, with short notes. Each cause
// module writes its own (its step kinds from STEP_KINDS plus the common ones); this fills in the
// notes and puts the plans of an enquiry's causes together.
import {
  type Cause,
  FOLLOW_UP_METHOD_LABELS,
  type FollowUpMethod,
  type StepKind,
  type SubReason,
} from "@/db/constants";
import type { CauseRegistry } from "../../causes/cause-module";
import type { StepContext, StepWriter } from "./profile";
import type { Random } from "./random";
import { fillTemplate } from "./scenarios";

export type CauseTag = { cause: Cause; subReason: SubReason | null; isPrimary: boolean };
export type PlannedStep = { kind: StepKind; note: string };

// The full plan of an enquiry, primary cause first; the caller cuts it short for open work.
export function planSteps(
  random: Random,
  registry: CauseRegistry,
  tags: readonly CauseTag[],
  values: Record<string, string>,
  context: StepContext,
): PlannedStep[] {
  const step: StepWriter = (kind, note) => ({ kind, note: fillTemplate(note, values) });
  return tags.flatMap((tag) =>
    registry[tag.cause].demo.steps(random, tag.subReason, step, context),
  );
}

export function followUpStep(method: FollowUpMethod, result: string): PlannedStep {
  return { kind: "follow_up", note: `${FOLLOW_UP_METHOD_LABELS[method]}：${result}` };
}
