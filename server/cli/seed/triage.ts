// What the caseworkers of the demo answered in the triage panel. The panel is taken to have
// gone live TRIAGE_LIVE_MONTHS ago, so only the enquiries filed since then carry facts; they fit
// each scenario (someone who left an employer gives a leave date, a 家庭共济 holder names bound
// relatives), some are left blank as a hurried caseworker would, and a few carry a fact that
// points elsewhere, as a member's answers sometimes do. The suggestions themselves come from the
// triage rules, which live in server/ and are handed in by the caller of seedDemo.
import type { MemberInsurance } from "@/db/constants";
import { CAUSE_MODULES } from "../../causes";
import { type CauseRegistry, causesOf } from "../../causes/cause-module";
import { shanghaiDay, shanghaiMonth, shiftMonth } from "../../rules/calendar-day";
import type { RegionRules } from "../../rules/triage";
import type { EnquiryDraft } from "./enquiries";
import type { Random } from "./random";
import type { DemoTriageFacts } from "./triage-facts";

export type DemoTriage = { enquiryId: number; facts: DemoTriageFacts };

// The current month and the five before it.
export const TRIAGE_LIVE_MONTHS = 6;
// Filings where the caseworker skipped the panel, and where one answer points elsewhere.
const SKIPPED_SHARE = 0.08;
const MISLEADING_SHARE = 0.15;

// The answers that fit the primary cause's scenario, as its module gives them.
function scenarioFacts(
  random: Random,
  registry: CauseRegistry,
  draft: EnquiryDraft,
  insurance: MemberInsurance,
  region: RegionRules,
): DemoTriageFacts {
  const primary = draft.causes.find((tag) => tag.isPrimary);
  if (!primary) return {};
  return registry[primary.cause].demo.triageFacts(
    random,
    draft,
    insurance,
    primary.subReason,
    region,
  );
}

// One answer that leads away from the cause finally tagged: what another cause's module would
// ask about, only for a question not already answered, so the facts never contradict themselves.
function misleadingFact(
  random: Random,
  registry: CauseRegistry,
  draft: EnquiryDraft,
  insurance: MemberInsurance,
  facts: DemoTriageFacts,
): DemoTriageFacts {
  const primary = draft.causes.find((tag) => tag.isPrimary)?.cause;
  const options: DemoTriageFacts[] = [];
  for (const cause of causesOf(registry)) {
    if (cause === primary) continue;
    const option = registry[cause].demo.misleadingFact?.(random, draft, insurance, facts);
    if (option) options.push(option);
  }
  return options.length > 0 ? random.pick(options) : {};
}

// Facts for the demo enquiries filed since the panel went live, in filing order.
export function demoTriageFacts(
  random: Random,
  now: Date,
  drafts: readonly EnquiryDraft[],
  insurances: readonly MemberInsurance[],
  enquiryIds: readonly number[],
  // The rules of a region on a day (recordSeededTriage's regionRulesByDay).
  regionOf: (regionCode: string, day: string) => RegionRules,
  registry: CauseRegistry = CAUSE_MODULES,
): DemoTriage[] {
  const since = shiftMonth(shanghaiMonth(now), 1 - TRIAGE_LIVE_MONTHS);
  const result: DemoTriage[] = [];
  drafts.forEach((draft, i) => {
    if (shanghaiMonth(draft.openedAt) < since) return;
    const insurance = insurances[i] as MemberInsurance;
    let facts: DemoTriageFacts = {};
    if (!random.chance(SKIPPED_SHARE)) {
      const region = regionOf(draft.regionCode, shanghaiDay(draft.openedAt));
      facts = scenarioFacts(random, registry, draft, insurance, region);
      if (random.chance(MISLEADING_SHARE)) {
        facts = { ...facts, ...misleadingFact(random, registry, draft, insurance, facts) };
      }
    }
    result.push({ enquiryId: enquiryIds[i] as number, facts });
  });
  return result;
}
