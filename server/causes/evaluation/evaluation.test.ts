import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate, loadCases, share } from "./evaluate";

// The cause suggestions against 200 enquiries written independently of the rules (README.md).
// The thresholds are what a caseworker can rely on; a rule that almost never fires is a rule
// nobody checked against real enquiries.
const MIN_CAUSE_ACCURACY = 0.9;
const MIN_SUB_REASON_ACCURACY = 0.8;
const MIN_RULE_FIRINGS = 3;

describe("原因研判 on the evaluation set", () => {
  const report = evaluate();

  it("puts the right cause first in at least 90% of the cases", () => {
    expect(share(report.cause)).toBeGreaterThanOrEqual(MIN_CAUSE_ACCURACY);
  });

  it("puts the right sub-reason first in at least 80% of the 其他 and 政策改革 cases", () => {
    expect(share(report.subReason)).toBeGreaterThanOrEqual(MIN_SUB_REASON_ACCURACY);
  });

  it("suggests something for every case", () => {
    expect(report.empty).toEqual([]);
  });

  it("has no rule that fires on fewer than three cases", () => {
    const rare = Object.entries(report.ruleFirings).filter(([, n]) => n < MIN_RULE_FIRINGS);
    expect(rare).toEqual([]);
  });
});

// 80 enquiries written after the rules, by someone who had not read them, and measured once
// (90.0 % cause, 88.6 % sub-reason): the honest figure. Tuning the rules to these cases would
// make it meaningless, so a miss here is fixed by a general rule, or not at all.
describe("原因研判 on the held-out set", () => {
  const report = evaluate(loadCases(path.join(import.meta.dirname, "holdout.json")));

  it("puts the right cause first in at least 90% and the sub-reason in at least 80%", () => {
    expect(share(report.cause)).toBeGreaterThanOrEqual(MIN_CAUSE_ACCURACY);
    expect(share(report.subReason)).toBeGreaterThanOrEqual(MIN_SUB_REASON_ACCURACY);
  });

  it("suggests something for every case", () => {
    expect(report.empty).toEqual([]);
  });
});
