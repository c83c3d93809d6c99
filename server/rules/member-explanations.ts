import type { Cause, PolicySetting, SubReason } from "@/db/constants";
import { CAUSE_MODULES } from "../causes";
import type { CauseRegistry } from "../causes/cause-module";
import type { Policy } from "./policy-settings";

// The plain-language paragraphs of a letter to the member (告知书): why the balance looks the
// way it does and what the member can do. Written for the member, in the second person, in the
// terms of the member's region on the letter's day (its reform date, insurance year, deductions,
// family-aid rules); the texts live with their cause (server/causes/<cause>.ts), 其他 one per
// sub-reason. They state mechanisms, never that something was confirmed: whether a letter says
// 经核实 is the letter's decision (server/rules/letter.ts), made from the enquiry's status.

export type Explanation = {
  title: string;
  why: string;
  next: string;
  // The settings the text was written from, so a preview can mark the unverified ones.
  uses?: readonly PolicySetting[];
};

export type ExplanationContext = {
  policy: Policy;
  // Retirees get the wording of the fixed allocation (定额划入); nobody asks them about employers.
  retired: boolean;
};

export function memberExplanation(
  cause: Cause,
  subReason: SubReason | null,
  context: ExplanationContext,
  registry: CauseRegistry = CAUSE_MODULES,
): Explanation {
  return registry[cause].explain(subReason, context);
}
