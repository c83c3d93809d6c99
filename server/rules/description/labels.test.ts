import { describe, expect, it } from "vitest";
import { cueLabel } from "./labels";

describe("cueLabel", () => {
  it("uses the denial label for a denied cue", () => {
    expect(cueLabel({ key: "left_employer", negated: false })).toBe("已离职");
    expect(cueLabel({ key: "left_employer", negated: true })).toBe("未离职");
  });

  it("keeps a phrase's own label unless the cue is denied", () => {
    expect(cueLabel({ key: "deduction", negated: false }, "大病保险扣费")).toBe("大病保险扣费");
    expect(cueLabel({ key: "deduction", negated: true }, "大病保险扣费")).toBe("未扣费");
  });

  it("writes sums as on the agency's statements, rough ones with 约", () => {
    expect(cueLabel({ key: "balance_amount", negated: false, amountFen: -102400 })).toBe(
      "余额 -1,024.00 元",
    );
    expect(cueLabel({ key: "drop_amount", negated: false, amountFen: 20000, approx: true })).toBe(
      "余额减少约 200.00 元",
    );
  });

  it("writes lengths in months and the day a problem was noticed", () => {
    expect(cueLabel({ key: "contribution_gap", negated: false, months: 3 })).toBe(
      "个人断缴 3 个月",
    );
    expect(cueLabel({ key: "noticed_on", negated: false, date: "2026-04-08" })).toBe(
      "发现于 2026年4月8日",
    );
    expect(cueLabel({ key: "noticed_on", negated: false, month: "2025-12" })).toBe(
      "发现于 2025年12月",
    );
    expect(cueLabel({ key: "noticed_on", negated: false, year: "2025" })).toBe("发现于 2025年");
  });
});
