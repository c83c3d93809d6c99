import type {
  BalanceQueryMethod,
  Cause,
  MemberInsurance,
  StepKind,
  SUB_REASONS_BY_CAUSE,
  SubReason,
  Symptom,
} from "@/db/constants";
import { CAUSE_MODULES } from "../causes";
import { type CauseRegistry, causesOf } from "../causes/cause-module";
import type { Policy } from "./policy-settings";

// The triage engine: from what the member reports and the few facts a caseworker can ask on the
// phone, rank the documented causes. Every point a cause earns comes from one named rule with a
// sentence the member would understand, so a suggestion can always say why it was made. The
// rules themselves live with their cause (server/causes/<cause>.ts). The caseworker decides;
// nothing here tags an enquiry.

export type TriageFacts = {
  leftEmployer?: boolean | null;
  leaveDate?: string | null;
  reductionFiled?: boolean | null;
  // What the member expected to see, e.g. estimated from the contributions they paid.
  expectedBalanceFen?: number | null;
  boundRelatives?: number | null;
  employerPaid?: boolean | null;
  employerPaidOn?: string | null;
  recentlyEnrolled?: boolean | null;
  queryMethod?: BalanceQueryMethod | null;
};

// The rules of the member's region the triage reads (from its settings, server/rules/
// policy-settings.ts): the reform date, when its insurance year starts and how it credits.
export type RegionRules = {
  reformStart: string | null;
  insuranceYearStartMonth: 1 | 4 | 7;
  creditingMode: "monthly" | "pre_allocation";
};

export function regionRulesOf(policy: Policy): RegionRules {
  return {
    reformStart: policy.reform_start.value.date,
    insuranceYearStartMonth: policy.insurance_year_start.value.month,
    creditingMode: policy.crediting_mode.value.mode,
  };
}

// The last day of the insurance year that contains `day` (YYYY-MM-DD).
export function insuranceYearEnd(day: string, startMonth: number): string {
  const [year, month] = day.split("-").map(Number) as [number, number];
  const endYear = startMonth === 1 || month < startMonth ? year : year + 1;
  const endMonth = startMonth === 1 ? 12 : startMonth - 1;
  const last = new Date(Date.UTC(endYear, endMonth, 0)).getUTCDate();
  return `${endYear}-${String(endMonth).padStart(2, "0")}-${String(last).padStart(2, "0")}`;
}

export type TriageInput = {
  symptom: Symptom;
  region: RegionRules;
  // 险种 and 人员类别; null when not known.
  insurance: MemberInsurance | null;
  balanceFen: number | null;
  facts: TriageFacts;
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

export function stepsFor(
  cause: Cause,
  subReason: SubReason | null,
  registry: CauseRegistry = CAUSE_MODULES,
): StepKind[] {
  return registry[cause].suggestedSteps(subReason);
}

export function triage(input: TriageInput, registry: CauseRegistry = CAUSE_MODULES): Suggestion[] {
  const codes = causesOf(registry);
  const totals = new Map<TriageKey, { points: number; reasons: string[] }>();
  for (const rule of codes.flatMap((code) => registry[code].triageRules)) {
    for (const { key, points, reason } of rule(input)) {
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
