// One month of demo enquiries at a time: causes, symptom, amounts, wording, status history and
// resolution steps, all consistent with each other. Members are attached by the caller (the
// demo creates them as they call, the bulk loader draws from a pool).
import type {
  Cause,
  Channel,
  EnquiryStatus,
  FollowUpMethod,
  MemberInsurance,
  Priority,
  Satisfaction,
  StepKind,
  Symptom,
} from "@/db/constants";
import { CAUSE_MODULES } from "../../causes";
import { type CauseRegistry, causesOf } from "../../causes/cause-module";
import { shanghaiDay } from "../../rules/calendar-day";
import { addWorkingDays } from "../../rules/working-days";
import { CLOSING_MINUTE, monthLabelBefore, OPENING_MINUTE, shanghaiTime } from "./calendar";
import type { MonthAllocation } from "./plan";
import type { Random, Weighted } from "./random";
import { fillTemplate, RELATIVES, type Scenario, sameInsurance } from "./scenarios";
import { settle } from "./status";
import { type CauseTag, planSteps } from "./steps";

export type { CauseTag } from "./steps";

export type DeductionVersion = {
  effectiveFrom: string;
  items: readonly { name: string; monthlyFen: number }[];
};

// The first deduction in force in the city on `day`, if it has any.
export function deductionOn(city: Pick<SeedCity, "deductions">, day: string) {
  const current = city.deductions.filter((version) => version.effectiveFrom <= day).at(-1);
  return current?.items[0] ?? null;
}

export type SeedCity = {
  code: string;
  name: string;
  shortName: string;
  districtCodes: string[];
  weight: number;
  // How the city credits the account (its demo settings): only where it credits the insurance
  // year in advance can a reduction take money back.
  crediting: "monthly" | "pre_allocation";
  // The month its insurance year starts (1, 4 or 7; its demo settings).
  insuranceYearStartMonth: number;
  accountTier: string | null;
  // Its monthly deductions from the account, each version from its first day (demo settings).
  deductions: readonly DeductionVersion[];
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
  memberTypes: Weighted<MemberInsurance>;
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

function amountsFor(
  random: Random,
  symptom: Symptom,
  tag: CauseTag,
  scenario: Scenario,
  // The city's monthly deduction in 分, when the scenario is about one.
  deductionFen: number | null,
) {
  switch (symptom) {
    case "negative": {
      const reported =
        scenario.monthlyDeduction && deductionFen
          ? -deductionFen * random.int(1, 3)
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

function draftEnquiry(
  random: Random,
  context: DraftContext,
  allocation: MonthAllocation,
  cityIndex: number,
  cause: Cause,
  registry: CauseRegistry,
): EnquiryDraft {
  const { demo } = registry[cause];
  const { month } = allocation;
  const city = context.cities[cityIndex] as SeedCity;
  const openedAt = shanghaiTime(
    month.year,
    month.month,
    random.pick(month.workingDays),
    random.int(OPENING_MINUTE, CLOSING_MINUTE - 1),
  );

  const deduction = deductionOn(city, shanghaiDay(openedAt));
  const primary: CauseTag = {
    cause,
    subReason: demo.subReason?.(random, { hasDeduction: deduction !== null }) ?? null,
    isPrimary: true,
  };
  const all = demo.scenarios(primary.subReason);
  const local = all.filter(
    (one) =>
      (!one.crediting || one.crediting === city.crediting) &&
      (!one.atYearChange || month.month === city.insuranceYearStartMonth) &&
      (!one.monthlyDeduction || deduction !== null),
  );
  const scenario = random.weighted(byWeight(local.length > 0 ? local : all));
  const causes: CauseTag[] = [primary];
  if (random.chance(0.2)) {
    const [secondCause, subReason] = random.weighted(demo.secondary);
    // Nothing else explains a balance when there is no personal account, and a cause for some
    // members only (leaving an employer) needs a scenario about one of them.
    const only = registry[secondCause].demo.memberTypes;
    const fits =
      primary.subReason !== "no_personal_account" &&
      (!only ||
        scenario.memberTypes.some(([type]) => only.some((one) => sameInsurance(one, type))));
    if (fits) causes.push({ cause: secondCause, subReason, isPrimary: false });
  }

  const { reported, disputed } = amountsFor(
    random,
    scenario.symptom,
    primary,
    scenario,
    deduction?.monthlyFen ?? null,
  );
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
    deduction: deduction?.name ?? "",
    deductionAmount: deduction ? formatYuan(deduction.monthlyFen) : "",
  };
  const priority: Priority = scenario.symptom === "negative" ? "urgent" : "normal";
  const quick = priority === "urgent" || demo.awaitsRecheck === true;
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
  const plan = planSteps(random, registry, causes, values, {
    policyNote: scenario.policyNote,
    crediting: city.crediting,
  });
  const summary = fillTemplate(random.pick(scenario.summaries), values);
  settle(random, context.now, draft, plan, summary, demo.awaitsRecheck === true);
  return draft;
}

// The month's enquiries in the order they were opened.
export function draftMonth(
  random: Random,
  context: DraftContext,
  allocation: MonthAllocation,
  registry: CauseRegistry = CAUSE_MODULES,
): EnquiryDraft[] {
  const codes = causesOf(registry);
  const drafts: EnquiryDraft[] = [];
  allocation.counts.forEach((perCause, cityIndex) => {
    perCause.forEach((count, causeIndex) => {
      const cause = codes[causeIndex] as Cause;
      for (let i = 0; i < count; i++) {
        drafts.push(draftEnquiry(random, context, allocation, cityIndex, cause, registry));
      }
    });
  });
  return drafts.sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
}
