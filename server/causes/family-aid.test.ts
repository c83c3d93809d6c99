import { describe, expect, it } from "vitest";
import { testRegion } from "../testing/policy";
import { hitsOf, labels, pointsOf, suggest, topLabel } from "../testing/triage";

const bound = { boundRelatives: 1 };

describe("家庭共济: bound relatives", () => {
  it("explain a drop or a zero balance", () => {
    expect(topLabel({ symptom: "sudden_drop", facts: bound })).toBe("家庭共济");
    expect(topLabel({ symptom: "zero", balanceFen: 0, facts: { boundRelatives: 2 } })).toBe(
      "家庭共济",
    );
  });

  it("never make a balance negative", () => {
    const negative = suggest({ symptom: "negative", balanceFen: -2_000, facts: bound });
    expect(labels(negative)).not.toContain("家庭共济");
  });

  it("count for nothing when none are bound or they have not used the account", () => {
    expect(
      pointsOf("family_aid.boundRelatives", "family_aid", { facts: { boundRelatives: 0 } }),
    ).toBe(-100);
    const unused = { boundRelatives: 1, relativeRecentUse: false };
    expect(topLabel({ symptom: "sudden_drop", facts: unused })).toBe("其他·医疗费用支出");
  });

  it("cannot use a balance below the region's minimum", () => {
    const region = testRegion({
      family_aid: {
        minimumBalanceFen: 420_500,
        carriedOverOnly: false,
        counterOnly: false,
        note: null,
      },
    });
    const below = { symptom: "sudden_drop" as const, balanceFen: 91_000, facts: bound, region };
    expect(topLabel(below)).toBe("其他·医疗费用支出");
    expect(topLabel({ ...below, balanceFen: 421_000 })).toBe("家庭共济");
    expect(topLabel({ ...below, region: testRegion() })).toBe("家庭共济");
  });

  it("need an account to be bound to", () => {
    const resident = { scheme: "resident", category: null } as const;
    expect(hitsOf("family_aid.boundRelatives", { insurance: resident, facts: bound })).toEqual([]);
    const accountlessTier = testRegion({
      employee_tiers: { tiers: [{ name: "二档", personalAccount: false }] },
    });
    expect(
      hitsOf("family_aid.boundRelatives", {
        region: accountlessTier,
        facts: { ...bound, tier: "二档" },
      }),
    ).toEqual([]);
  });

  it("may have left an almost empty account that cannot pay", () => {
    const input = { symptom: "unusable" as const, balanceFen: 200, facts: { boundRelatives: 2 } };
    expect(topLabel(input)).toBe("家庭共济");
  });
});

describe("家庭共济: a relative's resident premium", () => {
  it("is what 居民医保缴费 on an employee's ledger is", () => {
    expect(topLabel({ symptom: "sudden_drop", said: ["resident_insurance"] })).toBe("家庭共济");
    expect(
      hitsOf("family_aid.relativePremium", {
        symptom: "sudden_drop",
        insurance: { scheme: "resident", category: null },
        said: ["resident_insurance"],
      }),
    ).toEqual([]);
  });
});
