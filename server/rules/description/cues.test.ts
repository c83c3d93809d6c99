import { describe, expect, it } from "vitest";
import { CUE_GROUPS, CUE_KEYS, DESCRIPTION_CUES } from "./cues";
import { CUE_PHRASES } from "./phrases";

// Cues built from figures and dates rather than from phrases.
const BUILT_FROM_FIGURES = ["balance_amount", "drop_amount", "noticed_on"];

describe("DESCRIPTION_CUES", () => {
  it("names every cue once, in plain snake_case, in a known group", () => {
    expect(new Set(CUE_KEYS).size).toBe(CUE_KEYS.length);
    const groups = CUE_GROUPS.map((group) => group.code as string);
    for (const cue of DESCRIPTION_CUES) {
      expect(cue.code).toMatch(/^[a-z0-9]+(?:_[a-z0-9]+)*$/);
      expect(groups).toContain(cue.group);
    }
  });

  it("labels every cue in Chinese, and its denial where one makes sense", () => {
    for (const cue of DESCRIPTION_CUES) {
      expect(cue.label).toMatch(/[\u4e00-\u9fa5]/);
      if (cue.negatedLabel !== null) {
        expect(cue.negatedLabel).toMatch(/[\u4e00-\u9fa5]/);
        expect(cue.negatedLabel).not.toBe(cue.label);
      }
    }
  });

  it("has phrases for every cue that is not built from a figure or a date", () => {
    const phrased = Object.keys(CUE_PHRASES);
    expect([...phrased, ...BUILT_FROM_FIGURES].sort()).toEqual([...CUE_KEYS].sort());
  });

  it("covers the cues the description chips are specified with", () => {
    expect(CUE_KEYS).toEqual([
      "left_employer",
      "reduction_filed",
      "employer_paid",
      "employer_arrears",
      "new_employer",
      "recently_enrolled",
      "retired",
      "flexible_employment",
      "resident_insurance",
      "tier",
      "system_upgrade",
      "year_carry_over",
      "sync_mismatch",
      "operator_error",
      "card_not_activated",
      "card_activated",
      "card_replaced",
      "card_expired",
      "out_of_area",
      "identity_change",
      "contribution_base",
      "deduction",
      "outpatient_reform",
      "retiree_allocation",
      "family_binding",
      "relative_use",
      "bank_query",
      "hotline_12333_query",
      "app_query",
      "relocation",
      "contribution_gap",
      "bank_account_frozen",
      "commercial_insurance",
      "overdraft",
      "medical_spending",
      "balance_amount",
      "drop_amount",
      "noticed_on",
    ]);
  });
});
