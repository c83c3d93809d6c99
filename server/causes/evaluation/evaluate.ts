// Measures 原因研判 against the evaluation set (cases.json, see README.md): each case runs through
// assessCauses exactly as the filing form runs it, with its region's demo settings on its day,
// and the top suggestion is compared with the cause an experienced caseworker settled on.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import {
  ACCOUNT_PART_CODES,
  BALANCE_QUERY_METHOD_CODES,
  CARD_STATE_CODES,
  CAUSE_CODES,
  type Cause,
  INSURANCE_SCHEME_CODES,
  PERSON_CATEGORY_CODES,
  SUB_REASON_CODES,
  type SubReason,
  SYMPTOM_CODES,
} from "@/db/constants";
import { loadRegionRows } from "@/db/regions-data";
import { DEMO_POLICY_SETTINGS } from "../../cli/seed/policy-values";
import { assessCauses, type CauseAssessment } from "../../rules/cause-assessment";
import { type Policy, type PolicySettingRow, resolvePolicy } from "../../rules/policy-settings";
import { regionRulesOf, ruleHits } from "../../rules/triage";
import { NATIONAL_DEFAULTS } from "../../testing/policy";
import { CAUSE_MODULES } from "../index";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const month = z.string().regex(/^\d{4}-\d{2}$/);

const caseFacts = z.strictObject({
  leftEmployer: z.boolean().optional(),
  leaveDate: day.optional(),
  reductionFiled: z.boolean().optional(),
  reductionMonth: month.optional(),
  expectedBalanceFen: z.number().int().optional(),
  boundRelatives: z.number().int().min(0).optional(),
  relativeRecentUse: z.boolean().optional(),
  employerPaid: z.boolean().optional(),
  employerPaidOn: day.optional(),
  recentlyEnrolled: z.boolean().optional(),
  queryMethod: z.enum(BALANCE_QUERY_METHOD_CODES).optional(),
  card: z.enum(CARD_STATE_CODES).optional(),
  cardChangedOn: day.optional(),
  identityChanged: z.boolean().optional(),
  relocated: z.boolean().optional(),
  contributionGapMonths: z.number().int().min(0).optional(),
  lastCreditOn: day.optional(),
  lastCreditFen: z.number().int().optional(),
  firstNoticedMonth: month.optional(),
  accountPart: z.enum(ACCOUNT_PART_CODES).optional(),
  outOfAreaOrExpired: z.boolean().optional(),
  bankAccountFrozen: z.boolean().optional(),
  commercialInsurance: z.boolean().optional(),
  sameSymptomNearby: z.number().int().min(0).optional(),
});

const evaluationCase = z.strictObject({
  id: z.string(),
  region: z.string(),
  date: day,
  symptom: z.enum(SYMPTOM_CODES),
  insurance: z.strictObject({
    scheme: z.enum(INSURANCE_SCHEME_CODES),
    category: z.enum(PERSON_CATEGORY_CODES).nullable(),
  }),
  tier: z.string().nullable(),
  balanceFen: z.number().int().nullable(),
  facts: caseFacts,
  description: z.string(),
  expected: z.strictObject({
    cause: z.enum(CAUSE_CODES),
    subReason: z.enum(SUB_REASON_CODES).nullable(),
  }),
  reason: z.string(),
  tricky: z.boolean(),
});
export type EvaluationCase = z.infer<typeof evaluationCase>;

// The team's set by default; another file of the same shape (a fresh set nobody tuned the rules
// to) by its path.
export function loadCases(file = path.join(import.meta.dirname, "cases.json")): EvaluationCase[] {
  const text = readFileSync(file, "utf8");
  return z.array(evaluationCase).parse(JSON.parse(text));
}

// The national defaults and the demo cities' rows, coded from the GB/T 2260 data by name, as the
// seed writes them to the database.
function demoPolicyRows(): PolicySettingRow[] {
  const regions = loadRegionRows();
  const codeOf = (name: string, level: "province" | "city") => {
    const found = regions.filter((region) => region.name === name && region.level === level);
    if (found.length !== 1) throw new Error(`${found.length} ${level} regions named ${name}`);
    return found[0]?.code as string;
  };
  const national = Object.entries(NATIONAL_DEFAULTS).map(([setting, value], index) => ({
    id: index + 1,
    regionCode: null,
    setting: setting as PolicySettingRow["setting"],
    value,
    effectiveFrom: "1900-01-01",
    sourceNote: "全国默认",
    verified: true,
  }));
  const demo = DEMO_POLICY_SETTINGS.map((row, index) => ({
    id: national.length + index + 1,
    regionCode: codeOf(row.place, row.level),
    setting: row.setting,
    value: row.value,
    effectiveFrom: row.effectiveFrom,
    sourceNote: row.source ?? "示例",
    verified: row.source !== null,
  }));
  return [...national, ...demo];
}

let cachedRows: PolicySettingRow[] | null = null;
let cachedCities: Map<string, string> | null = null;

// The settings of a demo city (named as in the regions table) on a day.
export function demoPolicy(cityName: string, onDay: string): Policy {
  cachedRows ??= demoPolicyRows();
  cachedCities ??= new Map(
    loadRegionRows()
      .filter((region) => region.level === "city")
      .map((region) => [region.name, region.code]),
  );
  const code = cachedCities.get(cityName);
  if (!code) throw new Error(`no city named ${cityName}`);
  return resolvePolicy(cachedRows, code, onDay);
}

// As the form calls it: the description, the structured answers, the member's 档次 among them.
export function assessCase(one: EvaluationCase): CauseAssessment {
  return assessCauses({
    description: one.description,
    symptom: one.symptom,
    insurance: one.insurance,
    balanceFen: one.balanceFen,
    facts: { ...one.facts, tier: one.tier },
    today: one.date,
    policy: demoPolicy(one.region, one.date),
  });
}

type Rate = { hits: number; total: number };
const rate = (): Rate => ({ hits: 0, total: 0 });
const count = (into: Rate, hit: boolean) => {
  into.total += 1;
  if (hit) into.hits += 1;
};
export const share = ({ hits, total }: Rate) => (total === 0 ? 1 : hits / total);

export type CaseResult = {
  id: string;
  expected: { cause: Cause; subReason: SubReason | null };
  top: { cause: Cause; subReason: SubReason | null } | null;
  causeHit: boolean;
  subReasonHit: boolean;
  tricky: boolean;
};

export type EvaluationReport = {
  cases: number;
  cause: Rate;
  // Cases whose expected cause has sub-reasons (其他, 政策改革): cause and sub-reason both right.
  subReason: Rate;
  byCause: Record<Cause, Rate>;
  bySubReason: Partial<Record<SubReason, Rate>>;
  tricky: { cause: Rate; subReason: Rate };
  // Expected cause → top suggested cause ("none" for no suggestion) → cases.
  confusion: Record<Cause, Record<Cause | "none", number>>;
  empty: string[];
  // Every rule of the registry, with the number of cases it gave hits for.
  ruleFirings: Record<string, number>;
  results: CaseResult[];
};

// Every rule's name, fired or not: a rule that never fires must show up as a zero.
function ruleNames(): string[] {
  return CAUSE_CODES.flatMap((code) =>
    CAUSE_MODULES[code].triageRules.map((rule) => `${code}.${rule.name || "unnamed"}`),
  );
}

export function evaluate(cases: readonly EvaluationCase[] = loadCases()): EvaluationReport {
  const byCause = Object.fromEntries(CAUSE_CODES.map((code) => [code, rate()])) as Record<
    Cause,
    Rate
  >;
  const confusion = Object.fromEntries(
    CAUSE_CODES.map((code) => [
      code,
      Object.fromEntries([...CAUSE_CODES, "none"].map((other) => [other, 0])),
    ]),
  ) as EvaluationReport["confusion"];
  const report: EvaluationReport = {
    cases: cases.length,
    cause: rate(),
    subReason: rate(),
    byCause,
    bySubReason: {},
    tricky: { cause: rate(), subReason: rate() },
    confusion,
    empty: [],
    ruleFirings: Object.fromEntries(ruleNames().map((name) => [name, 0])),
    results: [],
  };
  for (const one of cases) {
    const assessment = assessCase(one);
    const first = assessment.suggestions[0];
    const top = first ? { cause: first.cause, subReason: first.subReason } : null;
    const causeHit = top?.cause === one.expected.cause;
    const subReasonHit = causeHit && top?.subReason === one.expected.subReason;
    count(report.cause, causeHit);
    count(report.byCause[one.expected.cause], causeHit);
    report.confusion[one.expected.cause][top?.cause ?? "none"] += 1;
    if (one.expected.subReason) {
      count(report.subReason, subReasonHit);
      report.bySubReason[one.expected.subReason] ??= rate();
      count(report.bySubReason[one.expected.subReason] as Rate, subReasonHit);
    }
    if (one.tricky) {
      count(report.tricky.cause, causeHit);
      if (one.expected.subReason) count(report.tricky.subReason, subReasonHit);
    }
    if (!top) report.empty.push(one.id);
    const input = {
      symptom: one.symptom,
      insurance: one.insurance,
      balanceFen: assessment.balanceFen,
      facts: assessment.facts,
      signals: assessment.signals,
      today: one.date,
      region: regionRulesOf(demoPolicy(one.region, one.date)),
    };
    for (const { rule } of ruleHits(input)) {
      report.ruleFirings[rule] = (report.ruleFirings[rule] ?? 0) + 1;
    }
    report.results.push({
      id: one.id,
      expected: one.expected,
      top,
      causeHit,
      subReasonHit,
      tricky: one.tricky,
    });
  }
  return report;
}
