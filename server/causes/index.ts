// The registry of cause modules, in the order of CAUSES (db/constants.ts): the triage engine
// breaks ties and the demo seed lays out its counts in this order.
import type { CauseRegistry } from "./cause-module";
import { familyAid } from "./family-aid";
import { other } from "./other";
import { policyReform } from "./policy-reform";
import { resignation } from "./resignation";
import { systemDelay } from "./system-delay";

export const CAUSE_MODULES: CauseRegistry = {
  resignation,
  system_delay: systemDelay,
  policy_reform: policyReform,
  family_aid: familyAid,
  other,
};
