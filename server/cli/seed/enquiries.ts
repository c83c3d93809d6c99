// One month of demo enquiries at a time: causes, symptom, amounts, wording, status history and
// resolution steps, all consistent with each other. Members are attached by the caller (the
// demo creates them as they call, the bulk loader draws from a pool).
import {
  CAUSE_CODES,
  type Cause,
  type Channel,
  type EnquiryStatus,
  type FollowUpMethod,
  type InsuranceType,
  type OtherSubReason,
  type Priority,
  type Satisfaction,
  type StepKind,
  type Symptom,
} from "@/db/constants";
import { addWorkingDays } from "../../rules/working-days";
import { CLOSING_MINUTE, monthLabelBefore, OPENING_MINUTE, shanghaiTime } from "./calendar";
import type { MonthAllocation } from "./plan";
import type { Random, Weighted } from "./random";
import {
  FAMILY_AID_SCENARIOS,
  fillTemplate,
  OTHER_SCENARIOS,
  OTHER_SUB_REASON_WEIGHTS,
  POLICY_REFORM_SCENARIOS,
  RELATIVES,
  RESIGNATION_SCENARIOS,
  type Scenario,
  SYSTEM_DELAY_SCENARIOS,
} from "./scenarios";
import { settle } from "./status";
import { type CauseTag, planSteps } from "./steps";

export type { CauseTag } from "./steps";

export type SeedCity = {
  code: string;
  name: string;
  shortName: string;
  districtCodes: string[];
  weight: number;
  // The demo caseworker scoped to this city, if there is one.
  caseworkerId: number | null;
};

export type StepDraft = {
  kind: StepKind;
  note: string;
  doneBy: number;
  doneAt: Date;
  dueAt: Date | null;
};

export type EnquiryDraft = {
  cityIndex: number;
  regionCode: string;
  memberTypes: Weighted<InsuranceType>;
  channel: Channel;
  symptom: Symptom;
  reportedBalanceFen: number | null;
  disputedAmountFen: number | null;
  description: string;
  status: EnquiryStatus;
  priority: Priority;
  assigneeId: number | null;
  createdBy: number;
  openedAt: Date;
  dueAt: Date;
  // "2026-11-24"; set while a 系统延迟 re-check is pending.
  recheckDueOn: string | null;
  resolvedAt: Date | null;
  resolutionSummary: string | null;
  followUpMethod: FollowUpMethod | null;
  followUpResult: string | null;
  satisfaction: Satisfaction | null;
  followedUpAt: Date | null;
  updatedAt: Date;
  causes: CauseTag[];
  steps: StepDraft[];
  // How many months before filing the member says they left their employer (the 离职减员
  // wording); the demo's triage facts give the same month.
  leftMonthsBefore: number;
};

export type DraftContext = {
  now: Date;
  cities: readonly SeedCity[];
  // Files the enquiries of cities without a demo caseworker.
  fallbackCreatorId: number;
};

const SCENARIOS: Record<Exclude<Cause, "other">, readonly Scenario[]> = {
  resignation: RESIGNATION_SCENARIOS,
  system_delay: SYSTEM_DELAY_SCENARIOS,
  policy_reform: POLICY_REFORM_SCENARIOS,
  family_aid: FAMILY_AID_SCENARIOS,
};

// The second cause seen alongside each primary one, in about a fifth of the enquiries.
const SECONDARY: Record<Cause, Weighted<readonly [Cause, OtherSubReason | null]>> = {
  resignation: [
    [["other", "employer_arrears"], 3],
    [["policy_reform", null], 2],
    [["other", "medical_spending"], 2],
  ],
  system_delay: [
    [["other", "card_not_activated"], 3],
    [["other", "identity_mismatch"], 2],
    [["policy_reform", null], 1],
  ],
  policy_reform: [
    [["family_aid", null], 3],
    [["other", "medical_spending"], 3],
    [["resignation", null], 1],
  ],
  family_aid: [
    [["other", "medical_spending"], 3],
    [["policy_reform", null], 2],
  ],
  other: [
    [["policy_reform", null], 2],
    [["system_delay", null], 2],
    [["family_aid", null], 1],
  ],
};

const CHANNELS: Weighted<Channel> = [
  ["counter", 30],
  ["hotline_12393", 28],
  ["hotline_12345", 14],
  ["hotline_12333", 10],
  ["online", 18],
];
const byWeight = (scenarios: readonly Scenario[]): Weighted<Scenario> =>
  scenarios.map((scenario) => [scenario, scenario.weight]);

// Money in 分, rounded to 角 the way balances are read out.
const fen = (random: Random, fromYuan: number, toYuan: number) =>
  random.int(fromYuan * 10, toYuan * 10) * 10;
const formatYuan = (amountFen: number) => (amountFen / 100).toFixed(2);

function amountsFor(random: Random, symptom: Symptom, tag: CauseTag, scenario: Scenario) {
  switch (symptom) {
    case "negative": {
      const reported = scenario.monthlyDeduction
        ? -1300 * random.int(1, 3)
        : -fen(random, 20, 1500);
      return { reported, disputed: -reported };
    }
    case "zero":
      return {
        reported: 0,
        disputed: tag.subReason === "no_personal_account" ? null : fen(random, 100, 3000),
      };
    case "sudden_drop":
      return { reported: fen(random, 100, 8000), disputed: fen(random, 50, 3000) };
    case "mismatch":
      return { reported: fen(random, 80, 2000), disputed: fen(random, 200, 3000) };
    case "unusable":
      return { reported: random.chance(0.3) ? fen(random, 50, 3000) : null, disputed: null };
  }
}

function primaryTag(random: Random, cause: Cause): CauseTag {
  const subReason = cause === "other" ? random.weighted(OTHER_SUB_REASON_WEIGHTS) : null;
  return { cause, subReason, isPrimary: true };
}

function draftEnquiry(
  random: Random,
  context: DraftContext,
  allocation: MonthAllocation,
  cityIndex: number,
  cause: Cause,
): EnquiryDraft {
  const { month } = allocation;
  const city = context.cities[cityIndex] as SeedCity;
  const openedAt = shanghaiTime(
    month.year,
    month.month,
    random.pick(month.workingDays),
    random.int(OPENING_MINUTE, CLOSING_MINUTE - 1),
  );

  const primary = primaryTag(random, cause);
  const scenarios = primary.subReason
    ? OTHER_SCENARIOS[primary.subReason]
    : SCENARIOS[cause as Exclude<Cause, "other">];
  const scenario = random.weighted(byWeight(scenarios));
  const causes: CauseTag[] = [primary];
  if (random.chance(0.2)) {
    const [secondCause, subReason] = random.weighted(SECONDARY[cause]);
    // Nothing else explains a balance when there is no personal account, and only an
    // employee can leave an employer.
    const fits =
      primary.subReason !== "no_personal_account" &&
      (secondCause !== "resignation" || scenario.memberTypes.some(([type]) => type === "employee"));
    if (fits) causes.push({ cause: secondCause, subReason, isPrimary: false });
  }

  const { reported, disputed } = amountsFor(random, scenario.symptom, primary, scenario);
  // Drawn in the order the templates were always filled, so the demo data stays the same.
  const amount = formatYuan(disputed ?? fen(random, 50, 3000));
  const leftMonthsBefore = random.int(1, 5);
  const values: Record<string, string> = {
    balance: formatYuan(reported ?? 0),
    amount,
    leaveMonth: monthLabelBefore(month.year, month.month, leftMonthsBefore),
    month: monthLabelBefore(month.year, month.month, random.int(0, 1)),
    relative: random.pick(RELATIVES),
    city: city.name,
  };
  const priority: Priority = scenario.symptom === "negative" ? "urgent" : "normal";
  const quick = priority === "urgent" || cause === "system_delay";
  const assigneeId = city.caseworkerId;
  const createdBy = city.caseworkerId ?? context.fallbackCreatorId;

  const draft: EnquiryDraft = {
    cityIndex,
    regionCode: city.code,
    memberTypes: scenario.memberTypes,
    channel: random.weighted(CHANNELS),
    symptom: scenario.symptom,
    reportedBalanceFen: reported,
    disputedAmountFen: disputed,
    description: fillTemplate(random.pick(scenario.descriptions), values),
    status: "open",
    priority,
    assigneeId,
    createdBy,
    openedAt,
    dueAt: addWorkingDays(openedAt, quick ? 2 : 5),
    recheckDueOn: null,
    resolvedAt: null,
    resolutionSummary: null,
    followUpMethod: null,
    followUpResult: null,
    satisfaction: null,
    followedUpAt: null,
    updatedAt: openedAt,
    causes,
    steps: [],
    leftMonthsBefore,
  };
  const plan = planSteps(random, causes, values, scenario.policyNote);
  settle(random, context.now, draft, plan, fillTemplate(random.pick(scenario.summaries), values));
  return draft;
}

// The month's enquiries in the order they were opened.
export function draftMonth(
  random: Random,
  context: DraftContext,
  allocation: MonthAllocation,
): EnquiryDraft[] {
  const drafts: EnquiryDraft[] = [];
  allocation.counts.forEach((perCause, cityIndex) => {
    perCause.forEach((count, causeIndex) => {
      const cause = CAUSE_CODES[causeIndex] as Cause;
      for (let i = 0; i < count; i++) {
        drafts.push(draftEnquiry(random, context, allocation, cityIndex, cause));
      }
    });
  });
  return drafts.sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
}
