import { describe, expect, it } from "vitest";
import { RESOLVE_HOURS_EDGES } from "@/db/rollup";
import { monthsOf } from "./filter";
import { medianHours } from "./histogram";

const histogram = (counts: Record<number, number>) =>
  RESOLVE_HOURS_EDGES.map((edge) => counts[edge] ?? 0);

describe("medianHours", () => {
  it("is null without resolutions", () => {
    expect(medianHours(histogram({}))).toBeNull();
  });

  it("interpolates inside the bucket that holds the middle resolution", () => {
    // One in [24, 36): half of it lies below 30 hours.
    expect(medianHours(histogram({ 24: 1 }))).toBe(30);
    // Four in [4, 8): the median is at half the bucket.
    expect(medianHours(histogram({ 4: 4 }))).toBe(6);
    // 1 in [0, 1), 3 in [2, 4): the second of four is a third of the way into [2, 4).
    expect(medianHours(histogram({ 0: 1, 2: 3 }))).toBeCloseTo(2 + 2 / 3, 12);
    // An even split ends exactly on the edge between two buckets.
    expect(medianHours(histogram({ 1: 2, 48: 2 }))).toBe(2);
  });

  it("reports the lower edge of the open last bucket", () => {
    expect(medianHours(histogram({ 720: 3, 0: 1 }))).toBe(720);
  });
});

describe("months", () => {
  it("lists the months of a period, across a year end", () => {
    expect(monthsOf("2024-11", "2025-02")).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
    expect(monthsOf("2025-02", "2025-02")).toEqual(["2025-02"]);
  });
});
