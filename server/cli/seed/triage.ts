// What the caseworkers of the demo answered in the triage panel. The panel is taken to have
// gone live TRIAGE_LIVE_MONTHS ago, so only the enquiries filed since then carry facts; they fit
// each scenario (someone who left an employer gives a leave date, a 家庭共济 holder names bound
// relatives), some are left blank as a hurried caseworker would, and a few carry a fact that
// points elsewhere, as a member's answers sometimes do. The suggestions themselves come from the
// triage rules, which live in server/ and are handed in by the caller of seedDemo.
import type { BalanceQueryMethod, InsuranceType, OtherSubReason } from "@/db/constants";
import { addDays, shanghaiDay, shanghaiMonth, shiftMonth } from "../../rules/calendar-day";
import type { EnquiryDraft } from "./enquiries";
import type { Random, Weighted } from "./random";

// The same fields as the triage panel sends (TriageFacts in server/rules/triage.ts).
export type DemoTriageFacts = {
  leftEmployer?: boolean;
  leaveDate?: string;
  reductionFiled?: boolean;
  expectedBalanceFen?: number;
  boundRelatives?: number;
  employerPaid?: boolean;
  employerPaidOn?: string;
  recentlyEnrolled?: boolean;
  queryMethod?: BalanceQueryMethod;
};

export type DemoTriage = { enquiryId: number; facts: DemoTriageFacts };

// The current month and the five before it.
export const TRIAGE_LIVE_MONTHS = 6;
// Filings where the caseworker skipped the panel, and where one answer points elsewhere.
const SKIPPED_SHARE = 0.08;
const MISLEADING_SHARE = 0.15;

const APP_OR_CARD: Weighted<BalanceQueryMethod> = [
  ["insurance_app", 60],
  ["pharmacy", 25],
  ["counter", 15],
];
const AT_THE_PHARMACY: Weighted<BalanceQueryMethod> = [
  ["pharmacy", 70],
  ["insurance_app", 30],
];
const RELATIVE_COUNTS: Weighted<number> = [
  [1, 60],
  [2, 30],
  [3, 10],
];

// The Beijing calendar day `back` days before the filing day.
function dayBefore(openedAt: Date, back: number): string {
  return addDays(shanghaiDay(openedAt), -back);
}

// A day in the month `back` months before filing; never the 30th, since a 30 June leave
// removes nothing and the 离职减员 scenarios are about what the reduction took back.
function dayInMonthBefore(random: Random, openedAt: Date, back: number): string {
  const month = shiftMonth(shanghaiMonth(openedAt), -back);
  return `${month}-${String(random.int(1, 28)).padStart(2, "0")}`;
}

// The last 30 June before filing: the insurance year's final day.
function lastJuneEnd(openedAt: Date): string {
  const [year, month] = shanghaiMonth(openedAt).split("-").map(Number) as [number, number];
  return `${month >= 7 ? year : year - 1}-06-30`;
}

const maybeQuery = (random: Random, methods: Weighted<BalanceQueryMethod>) =>
  random.chance(0.5) ? { queryMethod: random.weighted(methods) } : {};

function scenarioFacts(
  random: Random,
  draft: EnquiryDraft,
  insuranceType: InsuranceType,
): DemoTriageFacts {
  const primary = draft.causes.find((tag) => tag.isPrimary);
  const { symptom, openedAt } = draft;
  switch (primary?.cause) {
    case "resignation":
      return {
        leftEmployer: true,
        leaveDate: dayInMonthBefore(random, openedAt, draft.leftMonthsBefore),
        reductionFiled: !random.chance(0.12),
        ...maybeQuery(random, APP_OR_CARD),
      };
    case "system_delay": {
      // Only an employee has an employer whose payment the caseworker can ask about.
      const employer = insuranceType === "employee";
      if (symptom === "zero") {
        return { recentlyEnrolled: true, ...(employer ? { employerPaid: true } : {}) };
      }
      if (!employer) return maybeQuery(random, AT_THE_PHARMACY);
      if (symptom === "sudden_drop") {
        return { employerPaid: true, employerPaidOn: dayBefore(openedAt, random.int(8, 25)) };
      }
      return {
        employerPaid: true,
        // Most call within the usual one or two working days; some wait longer.
        employerPaidOn: dayBefore(
          openedAt,
          random.chance(0.8) ? random.int(1, 4) : random.int(7, 12),
        ),
        ...(symptom === "unusable" ? maybeQuery(random, AT_THE_PHARMACY) : {}),
      };
    }
    case "policy_reform":
      if (symptom === "negative") return { leftEmployer: false, boundRelatives: 0 };
      if (insuranceType === "retired") {
        return { boundRelatives: 0, ...maybeQuery(random, APP_OR_CARD) };
      }
      return {
        leftEmployer: false,
        // What the member counted on from the credits of earlier years.
        ...(draft.reportedBalanceFen !== null && draft.disputedAmountFen !== null
          ? { expectedBalanceFen: draft.reportedBalanceFen + draft.disputedAmountFen }
          : {}),
        queryMethod: "insurance_app",
      };
    case "family_aid":
      return {
        boundRelatives: random.weighted(RELATIVE_COUNTS),
        ...maybeQuery(random, APP_OR_CARD),
      };
    case "other":
      return otherFacts(random, draft, insuranceType, primary.subReason);
    default:
      return {};
  }
}

function otherFacts(
  random: Random,
  draft: EnquiryDraft,
  insuranceType: InsuranceType,
  subReason: OtherSubReason | null,
): DemoTriageFacts {
  switch (subReason) {
    case "medical_spending":
      // Those who left on 30 June suspect the reduction; the others have nothing to add.
      return insuranceType === "employee" && random.chance(0.4)
        ? { leftEmployer: true, leaveDate: lastJuneEnd(draft.openedAt), reductionFiled: true }
        : { boundRelatives: 0, ...maybeQuery(random, APP_OR_CARD) };
    case "employer_arrears":
    case "contribution_gap":
      return insuranceType === "employee" ? { employerPaid: false } : {};
    case "wrong_query_channel":
      return { queryMethod: "bank" };
    case "no_personal_account":
      return { recentlyEnrolled: false };
    case "relocation":
      return { recentlyEnrolled: true };
    case "commercial_insurance":
      return { boundRelatives: 0, queryMethod: "insurance_app" };
    case "overdraft_rule":
      return { leftEmployer: false };
    default:
      return maybeQuery(random, AT_THE_PHARMACY);
  }
}

// One answer that leads away from the cause finally tagged; only for a question not already
// answered, so the facts never contradict themselves.
function misleadingFact(
  random: Random,
  draft: EnquiryDraft,
  insuranceType: InsuranceType,
  facts: DemoTriageFacts,
): DemoTriageFacts {
  const primary = draft.causes.find((tag) => tag.isPrimary)?.cause;
  const options: DemoTriageFacts[] = [];
  const holdsAccount = insuranceType === "employee" || insuranceType === "retired";
  if (primary !== "family_aid" && holdsAccount && facts.boundRelatives === undefined) {
    options.push({ boundRelatives: random.weighted(RELATIVE_COUNTS) });
  }
  if (
    primary !== "system_delay" &&
    insuranceType === "employee" &&
    facts.employerPaid === undefined
  ) {
    options.push({
      employerPaid: true,
      employerPaidOn: dayBefore(draft.openedAt, random.int(1, 3)),
    });
  }
  if (
    primary !== "resignation" &&
    insuranceType === "employee" &&
    facts.leftEmployer === undefined
  ) {
    options.push({
      leftEmployer: true,
      leaveDate: dayInMonthBefore(random, draft.openedAt, random.int(1, 4)),
    });
  }
  if (primary !== "other" && facts.queryMethod === undefined) {
    options.push({ queryMethod: random.pick(["bank", "hotline_12333"] as const) });
  }
  return options.length > 0 ? random.pick(options) : {};
}

// Facts for the demo enquiries filed since the panel went live, in filing order.
export function demoTriageFacts(
  random: Random,
  now: Date,
  drafts: readonly EnquiryDraft[],
  insuranceTypes: readonly InsuranceType[],
  enquiryIds: readonly number[],
): DemoTriage[] {
  const since = shiftMonth(shanghaiMonth(now), 1 - TRIAGE_LIVE_MONTHS);
  const result: DemoTriage[] = [];
  drafts.forEach((draft, i) => {
    if (shanghaiMonth(draft.openedAt) < since) return;
    const insuranceType = insuranceTypes[i] as InsuranceType;
    let facts: DemoTriageFacts = {};
    if (!random.chance(SKIPPED_SHARE)) {
      facts = scenarioFacts(random, draft, insuranceType);
      if (random.chance(MISLEADING_SHARE)) {
        facts = { ...facts, ...misleadingFact(random, draft, insuranceType, facts) };
      }
    }
    result.push({ enquiryId: enquiryIds[i] as number, facts });
  });
  return result;
}
