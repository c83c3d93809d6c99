import { describe, expect, it } from "vitest";
import { parseRegionFilter, toRegionQuery } from "./region-param";

describe("the region in the URL", () => {
  it("round-trips a province or city and reads no region as the national default", () => {
    expect(parseRegionFilter(new URLSearchParams(toRegionQuery({ region: "511100" })))).toEqual({
      region: "511100",
    });
    expect(toRegionQuery({ region: null })).toBe("");
    expect(parseRegionFilter(new URLSearchParams(""))).toEqual({ region: null });
  });

  it("falls back to the national default for a district or a hand-edited value", () => {
    for (const region of ["511102", "51110", "abc", "5111000"]) {
      expect(parseRegionFilter(new URLSearchParams({ region }))).toEqual({ region: null });
    }
  });
});
