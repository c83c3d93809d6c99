import { describe, expect, it } from "vitest";
import {
  CAUSE_CODES,
  type Cause,
  choosableSubReasons,
  type MemberInsurance,
  OTHER_SUB_REASON_CODES,
  OTHER_SUB_REASON_LABELS,
  STEP_KINDS,
  subReasonsOf,
} from "@/db/constants";
import { seedMonths } from "../cli/seed/calendar";
import { type DraftContext, draftMonth } from "../cli/seed/enquiries";
import { allocateEnquiries } from "../cli/seed/plan";
import { createRandom } from "../cli/seed/random";
import { ACTIVE } from "../cli/seed/scenarios";
import { demoTriageFacts } from "../cli/seed/triage";
import { memberExplanation } from "../rules/member-explanations";
import { stepSentence } from "../rules/step-sentences";
import { stepsFor, type TriageKey, triage } from "../rules/triage";
import { JULY_PRE_ALLOCATING, testPolicy } from "../testing/policy";
import { type CauseModule, type CauseRegistry, hit } from "./cause-module";
import { CAUSE_MODULES } from "./index";

// A sixth cause, registered in memory only. Its code is not in the database enum; the engines
// only pass codes through, so this cast is the one place the test pretends.
const DUPLICATE = "duplicate_enrolment" as string as Cause;

const duplicateEnrolment: CauseModule = {
  explain: () => ({
    title: "重复参保",
    why: "您在两个地方同时参保，个人账户的资金分在两个账户里。",
    next: "请到经办窗口申请停保其中一处，余额会合并到保留的账户。",
  }),
  triageRules: [
    ({ symptom, facts }) =>
      symptom === "mismatch" && facts.recentlyEnrolled === true
        ? [
            hit(
              DUPLICATE as TriageKey,
              60,
              "您近期在新参保地参保，原参保地的个人账户可能还没有停保合并。",
            ),
          ]
        : [],
  ],
  suggestedSteps: () => ["check_contributions", "free_text", "follow_up"],
  stepSentences: {},
  demo: {
    share: 0.3,
    scenarios: () => [
      {
        weight: 1,
        symptom: "mismatch",
        memberTypes: [[ACTIVE, 1]],
        descriptions: ["参保人称个账只有一半的钱，另一半还在原参保地，目前在{city}参保"],
        summaries: ["参保人在两地重复参保，已办理原参保地停保，余额合并。"],
      },
    ],
    secondary: [[["other", "medical_spending"], 1]],
    steps: (_random, _subReason, step) => [
      step("check_contributions", "核对{city}与原参保地的参保记录"),
      step("free_text", "已申请合并两处个人账户"),
    ],
    triageFacts: () => ({ recentlyEnrolled: true }),
    misleadingFact: (_random, _draft, _insurance, facts) =>
      facts.recentlyEnrolled === undefined ? { recentlyEnrolled: true } : null,
  },
};

const withDuplicate: CauseRegistry = { ...CAUSE_MODULES, [DUPLICATE]: duplicateEnrolment };

const commonSteps = STEP_KINDS.filter((kind) => kind.cause === null).map((kind) => kind.code);
const ownSteps = (cause: Cause) =>
  STEP_KINDS.filter((kind) => kind.cause === cause).map((kind) => kind.code);

describe("the cause registry", () => {
  it("has a module for every cause, in the order of CAUSES", () => {
    expect(Object.keys(CAUSE_MODULES)).toEqual([...CAUSE_CODES]);
  });

  it("suggests only a cause's own steps or the common ones, and every own step at some point", () => {
    for (const cause of CAUSE_CODES) {
      const subReasons = [null, ...subReasonsOf(cause).map((option) => option.code)];
      const suggested = subReasons.flatMap((subReason) => stepsFor(cause, subReason));
      const allowed = [...ownSteps(cause), ...commonSteps];
      expect(
        suggested.filter((kind) => !allowed.includes(kind)),
        cause,
      ).toEqual([]);
      expect(
        ownSteps(cause).filter((kind) => !suggested.includes(kind)),
        cause,
      ).toEqual([]);
    }
  });

  it("explains every cause, and each sub-reason in words of its own", () => {
    const context = { policy: testPolicy(), retired: false };
    for (const cause of CAUSE_CODES) {
      expect(memberExplanation(cause, null, context).why).not.toBe("");
      const texts = choosableSubReasons(cause).map(
        ({ code }) => memberExplanation(cause, code, context).why,
      );
      expect(
        texts.filter((text) => text === ""),
        cause,
      ).toEqual([]);
      expect(new Set(texts).size, cause).toBe(texts.length);
    }
    for (const subReason of OTHER_SUB_REASON_CODES) {
      expect(memberExplanation("other", subReason, context).title).toBe(
        OTHER_SUB_REASON_LABELS[subReason],
      );
    }
    expect(memberExplanation("other", null, context).title).toBe("其他原因");
    // A 政策改革 tag names its mechanism; 未细分 names every one that applies.
    expect(memberExplanation("policy_reform", "deduction", context).title).toBe("按月扣费");
    expect(memberExplanation("policy_reform", "unclassified", context).title).toBe("政策调整");
  });

  it("has a sentence for the member for every step kind, none of them the internal note", () => {
    for (const kind of STEP_KINDS) {
      const sentence = stepSentence({
        kind: kind.code,
        doneOn: "2026-03-16",
        dueOn: null,
        facts: null,
      });
      expect(sentence, kind.code).toMatch(/。$/);
    }
  });
});

describe("a cause added to the registry", () => {
  const input = {
    symptom: "mismatch",
    insurance: ACTIVE,
    balanceFen: 40_000,
    facts: { recentlyEnrolled: true },
    today: "2026-03-16",
    region: JULY_PRE_ALLOCATING,
  } as const;

  it("is suggested by the triage engine, with its reason and its steps", () => {
    const [first] = triage(input, withDuplicate);
    expect(first).toMatchObject({
      cause: DUPLICATE,
      subReason: null,
      score: 60,
      steps: ["check_contributions", "free_text", "follow_up"],
    });
    expect(first?.reasons[0]).toContain("原参保地");
    expect(triage(input).map((s) => s.cause)).not.toContain(DUPLICATE);
  });

  it("is explained and lists its steps", () => {
    const context = { policy: testPolicy(), retired: false };
    expect(memberExplanation(DUPLICATE, null, context, withDuplicate).title).toBe("重复参保");
    expect(stepsFor(DUPLICATE, null, withDuplicate)).toEqual([
      "check_contributions",
      "free_text",
      "follow_up",
    ]);
  });

  it("gets its share of the demo enquiries, with its scenario, steps and triage answers", () => {
    const now = new Date("2026-03-16T10:00:00+08:00");
    const months = seedMonths(now);
    const cities = ["甲市", "乙市"].map((name, i) => ({
      code: `99${i}100`,
      name,
      shortName: name,
      districtCodes: [`99${i}101`],
      weight: 1,
      crediting: "monthly" as const,
      insuranceYearStartMonth: 1,
      accountTier: null,
      deductions: [],
      caseworkerId: null,
    }));
    const context: DraftContext = { now, cities, fallbackCreatorId: 1 };
    const random = createRandom(42);
    const allocations = allocateEnquiries(random, months, cities, 0, 1200, withDuplicate);
    const column = Object.keys(withDuplicate).indexOf(DUPLICATE);
    const allocated = allocations.flatMap((a) => a.counts.map((row) => row[column] ?? 0));
    // 0.3 of the shares' sum (1.3 with the real causes' 1.0) is about a quarter.
    const total = allocated.reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThan(200);
    expect(total).toBeLessThan(350);

    const drafts = allocations.flatMap((a) => draftMonth(random, context, a, withDuplicate));
    const mine = drafts.filter((draft) => draft.causes[0]?.cause === DUPLICATE);
    expect(mine).toHaveLength(total);
    for (const draft of mine) {
      expect(draft.causes[0]).toEqual({ cause: DUPLICATE, subReason: null, isPrimary: true });
      expect(draft.description).toMatch(/目前在[甲乙]市参保/);
      // Its own plan comes first; an open enquiry has done part of it, a resolved one all.
      const kinds = draft.steps.map((step) => step.kind);
      if (kinds.length > 0) expect(kinds[0]).toBe("check_contributions");
      if (draft.resolvedAt) expect(kinds.slice(0, 2)).toEqual(["check_contributions", "free_text"]);
    }
    expect(mine.some((draft) => draft.steps[0]?.note.match(/核对[甲乙]市与原参保地/))).toBe(true);

    const types = drafts.map((draft) => draft.memberTypes[0]?.[0] as MemberInsurance);
    const given = demoTriageFacts(
      createRandom(7),
      now,
      drafts,
      types,
      drafts.map((_, i) => i + 1),
      () => JULY_PRE_ALLOCATING,
      withDuplicate,
    );
    const factsOf = new Map(given.map((row) => [row.enquiryId, row.facts]));
    const answered = mine
      .map((draft) => ({ draft, facts: factsOf.get(drafts.indexOf(draft) + 1) }))
      .filter(({ facts }) => facts && Object.keys(facts).length > 0);
    expect(answered.length).toBeGreaterThan(20);
    for (const { draft, facts } of answered) {
      expect(facts?.recentlyEnrolled).toBe(true);
      const suggested = triage(
        {
          symptom: draft.symptom,
          insurance: ACTIVE,
          balanceFen: 0,
          facts: facts ?? {},
          today: "2026-03-16",
          region: JULY_PRE_ALLOCATING,
        },
        withDuplicate,
      );
      expect(suggested.map((s) => s.cause)).toContain(DUPLICATE);
    }
  });
});
