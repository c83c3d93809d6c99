import { describe, expect, it } from "vitest";
import { parseChineseNumber, readNumber } from "./chinese-numerals";

describe("parseChineseNumber", () => {
  it.each([
    ["零", 0],
    ["三", 3],
    ["十", 10],
    ["十三", 13],
    ["二十", 20],
    ["五十", 50],
    ["一百零五", 105],
    ["两百", 200],
    ["两百五", 250],
    ["三千二", 3200],
    ["一千零二十四", 1024],
    ["一千零二", 1002],
    ["一万二", 12000],
    ["三万五千", 35000],
    ["一万零五百", 10500],
    ["十万", 100000],
    ["二十三万", 230000],
    ["幺二三三三", 12333],
    ["二〇二六", 2026],
  ])("%s → %d", (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it.each(["", "百", "百百", "十百", "三千二五", "万", "一万万", "一直"])("refuses %s", (text) => {
    expect(parseChineseNumber(text)).toBeNull();
  });
});

describe("readNumber", () => {
  it("reads Arabic and Chinese figures alike", () => {
    expect(readNumber("11")).toBe(11);
    expect(readNumber("十一")).toBe(11);
    expect(readNumber("x")).toBeNull();
  });
});
