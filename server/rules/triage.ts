import type {
  AccountPart,
  BalanceQueryMethod,
  CardState,
  Cause,
  MemberInsurance,
  PersonCategory,
  StepKind,
  SUB_REASONS_BY_CAUSE,
  SubReason,
  Symptom,
} from "@/db/constants";
import { CAUSE_MODULES } from "../causes";
import { type CauseRegistry, causesOf } from "../causes/cause-module";
import type { CueKey } from "./description/cues";
import type { Policy, PolicyValue } from "./policy-settings";

// The triage engine: from what the member reports and the few facts a caseworker can ask on the
// phone, rank the documented causes. Every point a cause earns comes from one named rule with a
// sentence the member would understand, so a suggestion can always say why it was made. The
// rules themselves live with their cause (server/causes/<cause>.ts). The caseworker decides;
// nothing here tags an enquiry.

export type TriageFacts = {
  leftEmployer?: boolean | null;
  leaveDate?: string | null;
  reductionFiled?: boolean | null;
  // The month the reduction (减员) took effect, "YYYY-MM".
  reductionMonth?: string | null;
  // What the member expected to see, e.g. estimated from the contributions they paid.
  expectedBalanceFen?: number | null;
  boundRelatives?: number | null;
  // Whether a bound relative has paid from the account lately (the ledger shows it).
  relativeRecentUse?: boolean | null;
  employerPaid?: boolean | null;
  employerPaidOn?: string | null;
  recentlyEnrolled?: boolean | null;
  queryMethod?: BalanceQueryMethod | null;
  card?: CardState | null;
  // When the card was activated or replaced.
  cardChangedOn?: string | null;
  identityChanged?: boolean | null;
  relocated?: boolean | null;
  // The member's own months without contributions (断缴).
  contributionGapMonths?: number | null;
  // The member's 档次 by name, as the region's settings list it (一档, 二档…).
  tier?: string | null;
  lastCreditOn?: string | null;
  lastCreditFen?: number | null;
  // When the member first saw the problem, "YYYY-MM".
  firstNoticedMonth?: string | null;
  // The part of the account the member asks about.
  accountPart?: AccountPart | null;
  outOfAreaOrExpired?: boolean | null;
  bankAccountFrozen?: boolean | null;
  commercialInsurance?: boolean | null;
  // Enquiries with the same symptom in the same city within the last 3 working days, counted by
  // the caller: a burst usually means a data-sync incident there.
  sameSymptomNearby?: number | null;
};

// What the description says beyond the facts above (server/rules/description/facts.ts): the
// cues the member stated, denied, or only asked or guessed about ("是不是系统升级了？"). A guess
// is the member's theory, not a fact; a rule may read it as the topic of the question at most.
export type TextSignals = {
  said: ReadonlySet<CueKey>;
  denied: ReadonlySet<CueKey>;
  asked: ReadonlySet<CueKey>;
  // The sums the description gives with a cue: a drop ("少了13块"), a deduction ("每月扣10元").
  amounts: Readonly<Partial<Record<CueKey, number>>>;
};

export const NO_SIGNALS: TextSignals = {
  said: new Set(),
  denied: new Set(),
  asked: new Set(),
  amounts: {},
};

// The rules of the member's region the triage reads (from its settings, server/rules/
// policy-settings.ts), each with the day its current version took effect where a rule says
// "since".
export type RegionRules = {
  reformStart: string | null;
  insuranceYearStartMonth: 1 | 4 | 7;
  creditingMode: "monthly" | "pre_allocation";
  // What is deducted from the account each month (大额医疗补助, 大病保险…), in total.
  monthlyDeductionFen: number;
  deductionNames: readonly string[];
  deductionsSince: string;
  // 档次 and 人员类别 that have no personal account here.
  accountlessTiers: readonly string[];
  accountlessCategories: readonly PersonCategory[];
  overdraftAllowed: boolean;
  overdraftLimitFen: number | null;
  // Only the balance above this may pay for bound relatives; null where there is no minimum.
  familyAidMinimumFen: number | null;
  retireeAllocation: PolicyValue<"retiree_allocation">;
  retireeAllocationSince: string;
  // The share of the contribution base credited to an employee's account each month, in %.
  accountPercent: number;
};

export function regionRulesOf(policy: Policy): RegionRules {
  const deductions = policy.monthly_deductions;
  const overdraft = policy.overdraft.value;
  return {
    reformStart: policy.reform_start.value.date,
    insuranceYearStartMonth: policy.insurance_year_start.value.month,
    creditingMode: policy.crediting_mode.value.mode,
    monthlyDeductionFen: deductions.value.items.reduce((sum, item) => sum + item.monthlyFen, 0),
    deductionNames: deductions.value.items.map((item) => item.name),
    deductionsSince: deductions.effectiveFrom,
    accountlessTiers: policy.employee_tiers.value.tiers
      .filter((tier) => !tier.personalAccount)
      .map((tier) => tier.name),
    accountlessCategories: policy.accountless_categories.value.categories,
    overdraftAllowed: overdraft.allowed,
    overdraftLimitFen: overdraft.limitFen,
    familyAidMinimumFen: policy.family_aid.value.minimumBalanceFen,
    retireeAllocation: policy.retiree_allocation.value,
    retireeAllocationSince: policy.retiree_allocation.effectiveFrom,
    accountPercent: policy.contribution_base.value.accountPercent,
  };
}

export type TriageInput = {
  symptom: Symptom;
  region: RegionRules;
  // 险种 and 人员类别; null when not known.
  insurance: MemberInsurance | null;
  balanceFen: number | null;
  facts: TriageFacts;
  // What the description says beyond the facts; none when the caller read no description.
  signals?: TextSignals;
  today: string;
};

export type Suggestion = {
  cause: Cause;
  subReason: SubReason | null;
  score: number;
  reasons: string[];
  steps: StepKind[];
};

// Below this a suggestion is noise rather than a lead.
export const MIN_SCORE = 20;
export const MAX_SUGGESTIONS = 4;

// What a rule scores: a cause, or one of its sub-reasons (其他·断缴, 政策改革·扣费).
type SplitCause = keyof typeof SUB_REASONS_BY_CAUSE;
export type TriageKey = Exclude<Cause, SplitCause> | `${SplitCause}:${SubReason}`;
export type TriageHit = { key: TriageKey; points: number; reason: string };
export type TriageRule = (input: TriageInput) => TriageHit[];

// A rule under a name of its own, so the evaluation can say which rules fire and how often. The
// name is set explicitly because a bundler may shorten the function's own.
export function namedRule(name: string, rule: TriageRule): TriageRule {
  return Object.defineProperty(rule, "name", { value: name });
}

export function stepsFor(
  cause: Cause,
  subReason: SubReason | null,
  registry: CauseRegistry = CAUSE_MODULES,
): StepKind[] {
  return registry[cause].suggestedSteps(subReason);
}

// Every rule of the registry with the hits it gives for the input, rules without hits left out.
// The rule is named by its cause module and its own name ("system_delay.burst").
export function ruleHits(
  input: TriageInput,
  registry: CauseRegistry = CAUSE_MODULES,
): { rule: string; hits: TriageHit[] }[] {
  return causesOf(registry).flatMap((code) =>
    registry[code].triageRules
      .map((rule) => ({ rule: `${code}.${rule.name || "unnamed"}`, hits: rule(input) }))
      .filter(({ hits }) => hits.length > 0),
  );
}

export function triage(input: TriageInput, registry: CauseRegistry = CAUSE_MODULES): Suggestion[] {
  const codes = causesOf(registry);
  const totals = new Map<TriageKey, { points: number; reasons: string[] }>();
  for (const { hits } of ruleHits(input, registry)) {
    for (const { key, points, reason } of hits) {
      const entry = totals.get(key) ?? { points: 0, reasons: [] };
      entry.points += points;
      // A rule that lowers a cause explains why it was ruled out, which matters only if the
      // cause still ranks; the positive reasons are what the member hears.
      if (points > 0) entry.reasons.push(reason);
      totals.set(key, entry);
    }
  }
  const order = (key: TriageKey) => codes.indexOf((key.split(":")[0] ?? key) as Cause);
  return [...totals.entries()]
    .map(([key, { points, reasons }]) => {
      const [cause, subReason] = key.split(":") as [Cause, SubReason | undefined];
      return {
        cause,
        subReason: subReason ?? null,
        score: Math.max(0, Math.min(100, points)),
        reasons,
        steps: stepsFor(cause, subReason ?? null, registry),
        key,
      };
    })
    .filter((s) => s.score >= MIN_SCORE && s.reasons.length > 0)
    .sort((a, b) => b.score - a.score || order(a.key) - order(b.key))
    .slice(0, MAX_SUGGESTIONS)
    .map(({ key: _key, ...suggestion }) => suggestion);
}

// The one reason sentence stored and shown with a suggestion.
export const reasonText = (suggestion: Pick<Suggestion, "reasons">) => suggestion.reasons.join("");
