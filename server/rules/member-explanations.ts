import type { Cause, OtherSubReason } from "@/db/constants";
import { CAUSE_MODULES } from "../causes";
import type { CauseRegistry } from "../causes/cause-module";

// The plain-language paragraphs of the member explanation sheet (告知书): why the balance looks
// the way it does and what the member can do. Written for the member, in the second person;
// the texts live with their cause (server/causes/<cause>.ts), 其他 one per sub-reason.

export type Explanation = { title: string; why: string; next: string };

export function memberExplanation(
  cause: Cause,
  subReason: OtherSubReason | null,
  registry: CauseRegistry = CAUSE_MODULES,
): Explanation {
  return registry[cause].explain(subReason);
}
