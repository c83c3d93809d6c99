import { describe, expect, it } from "vitest";
import { testRegion } from "../../testing/policy";
import { hitsOf, labels, pointsOf, suggest, topLabel } from "../../testing/triage";

const zero = { symptom: "zero" as const, balanceFen: 0 };
const unusable = { symptom: "unusable" as const };

describe("其他·无个人账户参保类型", () => {
  const tiers = testRegion({
    employee_tiers: {
      tiers: [
        { name: "一档", personalAccount: true },
        { name: "二档", personalAccount: false },
      ],
    },
  });

  it("names the region's tier without an account", () => {
    const input = { ...zero, region: tiers, facts: { tier: "二档", employerPaid: true } };
    expect(topLabel(input)).toBe("其他·无个人账户参保类型");
    expect(hitsOf("other.accountType", input)[0]?.reason).toContain("本市职工医保二档不设个人账户");
    expect(
      hitsOf("other.accountType", { ...zero, region: tiers, facts: { tier: "一档" } }),
    ).toEqual([]);
  });

  it("outranks an inactive card for 城乡居民医保", () => {
    const resident = { scheme: "resident", category: null } as const;
    expect(topLabel({ ...zero, insurance: resident, facts: { card: "not_activated" } })).toBe(
      "其他·无个人账户参保类型",
    );
  });
});

describe("其他·查询方式错误", () => {
  it("reads the channel the member used", () => {
    expect(topLabel({ facts: { queryMethod: "bank" } })).toBe("其他·查询方式错误");
    expect(topLabel({ facts: { queryMethod: "hotline_12333" } })).toBe("其他·查询方式错误");
    expect(topLabel({ ...unusable, facts: { queryMethod: "other" } })).toBe("其他·查询方式错误");
    expect(hitsOf("other.queryChannel", { facts: { queryMethod: "insurance_app" } })).toEqual([]);
  });
});

describe("其他: the card and the member's record", () => {
  it("points an account that cannot be used to the fact the caseworker found", () => {
    expect(topLabel({ ...unusable, facts: { card: "not_applied" } })).toBe("其他·社保卡未激活");
    expect(topLabel({ ...unusable, facts: { identityChanged: true } })).toBe("其他·信息不一致");
    expect(topLabel({ ...unusable, facts: { relocated: true } })).toBe("其他·参保地变更");
    expect(topLabel({ ...unusable, facts: { outOfAreaOrExpired: true } })).toBe(
      "其他·异地使用或卡片过期",
    );
    expect(topLabel({ ...unusable, facts: { bankAccountFrozen: true } })).toBe("其他·银行账户冻结");
    expect(topLabel({ ...unusable, facts: { contributionGapMonths: 4 } })).toBe("其他·断缴");
  });

  it("reads a frozen account as the suspension when contributions are unpaid", () => {
    const arrears = { ...unusable, facts: { bankAccountFrozen: true, employerPaid: false } };
    expect(topLabel(arrears)).toBe("其他·单位欠缴");
    const gap = { ...unusable, facts: { bankAccountFrozen: true, contributionGapMonths: 4 } };
    expect(topLabel(gap)).toBe("其他·断缴");
  });

  it("weighs a gap by its length, or by the member's word without one", () => {
    const points = (facts: { contributionGapMonths?: number }, said: "contribution_gap"[] = []) =>
      pointsOf("other.contributionGap", "other:contribution_gap", { ...unusable, facts, said });
    expect(points({ contributionGapMonths: 6 })).toBe(60);
    expect(points({ contributionGapMonths: 1 })).toBe(35);
    expect(points({}, ["contribution_gap"])).toBe(40);
  });

  it("takes a commercial-insurance purchase over bound relatives", () => {
    const facts = { commercialInsurance: true, boundRelatives: 1 };
    expect(topLabel({ symptom: "sudden_drop", facts })).toBe("其他·购买商业健康保险");
  });
});

describe("其他·个人账户透支", () => {
  const overdrawing = testRegion({ overdraft: { allowed: true, limitFen: 50_000 } });

  it("explains a negative within the region's limit, and only where it has one", () => {
    const negative = { symptom: "negative" as const, balanceFen: -48_000 };
    expect(topLabel({ ...negative, region: overdrawing })).toBe("其他·个人账户透支");
    expect(hitsOf("other.overdraft", { ...negative, region: overdrawing })[0]?.reason).toContain(
      "500.00 元",
    );
    expect(labels(suggest(negative))).not.toContain("其他·个人账户透支");
  });

  it("answers a question about overdraft with the region's rule", () => {
    const question = { ...unusable, balanceFen: 1_200, asked: ["overdraft" as const] };
    expect(topLabel(question)).toBe("其他·个人账户透支");
    expect(hitsOf("other.overdraft", question)[0]?.reason).toContain("历年余额不能透支");
  });
});

describe("其他·医疗费用支出", () => {
  it("is the usual reason for a drop, unless the member denies any", () => {
    expect(topLabel({ symptom: "sudden_drop" })).toBe("其他·医疗费用支出");
    expect(
      pointsOf("other.ownSpending", "other:medical_spending", {
        symptom: "sudden_drop",
        denied: ["medical_spending"],
      }),
    ).toBe(-25);
  });

  it("leaves an error to look into when nobody used the account", () => {
    const nobody = {
      symptom: "sudden_drop" as const,
      denied: ["medical_spending" as const],
      facts: { boundRelatives: 1, relativeRecentUse: false },
    };
    expect(topLabel(nobody)).toBe("系统延迟");
  });
});

describe("其他: an employee's zero balance with nothing else known", () => {
  it("still gets the usual leads", () => {
    const result = labels(suggest(zero));
    expect(result).toEqual(
      expect.arrayContaining(["其他·社保卡未激活", "系统延迟", "其他·查询方式错误"]),
    );
  });

  it("names the region's tiers without an account", () => {
    const region = testRegion({
      employee_tiers: {
        tiers: [
          { name: "一档", personalAccount: true },
          { name: "三档", personalAccount: false },
        ],
      },
    });
    expect(labels(suggest({ ...zero, region }))).toContain("其他·无个人账户参保类型");
  });

  it("stays quiet once a fact answers it", () => {
    expect(hitsOf("other.unexplainedZero", { ...zero, facts: { recentlyEnrolled: true } })).toEqual(
      [],
    );
  });
});
