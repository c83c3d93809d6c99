import { describe, expect, it } from "vitest";
import { checkSpike, findSpikes, median } from "./spikes";

describe("median", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe("checkSpike", () => {
  it("computes the median and the scaled MAD of the previous six months", () => {
    // Median 22.5; deviations 12.5, 7.5, 2.5, 17.5, 2.5, 7.5 → MAD 7.5, scaled 11.1195.
    const history = [10, 30, 20, 40, 25, 15];
    const check = checkSpike(history, 56);
    expect(check?.baseline).toBe(22.5);
    expect(check?.spread).toBeCloseTo(11.1195, 4);
    expect(check?.threshold).toBeCloseTo(55.8585, 4);
    expect(check?.spike).toBe(true);
    // Above twice the median but inside the spread of a lively history.
    expect(checkSpike(history, 50)?.spike).toBe(false);
  });

  it("never takes the spread below the square root of the median", () => {
    // Deviations from 10: 2, 0, 2, 1, 1, 0 → scaled MAD 1.48, less than √10.
    const check = checkSpike([8, 10, 12, 9, 11, 10], 19);
    expect(check?.spread).toBeCloseTo(Math.sqrt(10), 6);
    expect(check?.spike).toBe(false);
    expect(checkSpike([8, 10, 12, 9, 11, 10], 20)?.spike).toBe(true);
    // Four a month with a MAD of 0: count and ratio are met at 9 and 10, the spread of 2 is not.
    expect(checkSpike([3, 4, 5, 4, 4, 4], 10)?.spike).toBe(false);
    expect(checkSpike([3, 4, 5, 4, 4, 4], 11)?.spike).toBe(true);
  });

  it("uses only the last six months of a longer history", () => {
    expect(checkSpike([100, 100, 10, 10, 10, 10, 10, 10], 25)?.baseline).toBe(10);
  });

  it("gives no verdict on fewer than six months or on months before the data begins", () => {
    expect(checkSpike([10, 10, 10, 10, 10], 100)).toBeNull();
    expect(checkSpike([null, 10, 10, 10, 10, 10], 100)).toBeNull();
  });

  it("needs at least twice the median even when the history is flat", () => {
    // Flat: MAD 0, the spread is √10 and the ratio still asks for 20.
    expect(checkSpike([10, 10, 10, 10, 10, 10], 19)?.spike).toBe(false);
    expect(checkSpike([10, 10, 10, 10, 10, 10], 20)?.spike).toBe(true);
  });

  it("needs a minimum count, so small numbers do not alert", () => {
    expect(checkSpike([1, 0, 1, 1, 0, 1], 5)?.spike).toBe(false);
    expect(checkSpike([1, 0, 1, 1, 0, 1], 7)?.spike).toBe(false);
    expect(checkSpike([1, 0, 1, 1, 0, 1], 8)?.spike).toBe(true);
  });

  it("stays quiet on all-zero history and a zero month", () => {
    expect(checkSpike([0, 0, 0, 0, 0, 0], 0)?.spike).toBe(false);
    expect(checkSpike([0, 0, 0, 0, 0, 0], 3)?.spike).toBe(false);
  });
});

describe("findSpikes", () => {
  it("flags nothing in a flat series", () => {
    expect(findSpikes([12, 12, 12, 12, 12, 12, 12, 12, 12, 12])).toEqual([]);
  });

  it("flags nothing in a steady trend", () => {
    // +2 a month: each month sits above the median, but never at twice it.
    const trend = Array.from({ length: 18 }, (_, i) => 10 + 2 * i);
    expect(findSpikes(trend)).toEqual([]);
  });

  it("finds a single spike and only it", () => {
    const series = [9, 11, 10, 12, 8, 10, 11, 9, 48, 10, 12, 9];
    const spikes = findSpikes(series);
    expect(spikes.map((spike) => spike.index)).toEqual([8]);
    expect(spikes[0]).toMatchObject({ count: 48, baseline: 10 });
  });

  it("is not thrown off by a spike already in the baseline", () => {
    // The month after the spike is ordinary and stays unflagged; the median ignores the 48.
    const spikes = findSpikes([9, 11, 10, 12, 8, 10, 48, 11, 10, 9, 12, 10, 11]);
    expect(spikes.map((spike) => spike.index)).toEqual([6]);
  });

  it("checks nothing before six months of history", () => {
    expect(findSpikes([1, 1, 1, 1, 1, 90])).toEqual([]);
    // Unknown months (before the records begin) do not count towards the six.
    expect(findSpikes([null, null, 1, 1, 1, 1, 1, 1, 90]).map((s) => s.index)).toEqual([8]);
  });

  it("handles zeros throughout", () => {
    expect(findSpikes(Array.from({ length: 12 }, () => 0))).toEqual([]);
  });
});
