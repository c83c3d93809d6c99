import { describe, expect, it } from "vitest";
import { findDates, findMonths } from "./dates";

// A Wednesday; its week runs from Monday 2026-04-13 to Sunday 2026-04-19.
const TODAY = "2026-04-15";
// A Monday in the first week of a year.
const NEW_YEAR = "2026-01-05";

const only = (clause: string, today = TODAY) => {
  const found = findDates(clause, today);
  expect(found).toHaveLength(1);
  const [{ start: _start, end: _end, ...rest }] = found as [(typeof found)[number]];
  return rest;
};

describe("findDates: days relative to the enquiry", () => {
  it.each([
    ["今天查的", { text: "今天", date: "2026-04-15" }],
    ["昨天查的", { text: "昨天", date: "2026-04-14" }],
    ["前天查的", { text: "前天", date: "2026-04-13" }],
    ["大前天查的", { text: "大前天", date: "2026-04-12" }],
    ["10天前", { text: "10天前", date: "2026-04-05" }],
    ["十天前", { text: "十天前", date: "2026-04-05" }],
    ["两周前", { text: "两周前", date: "2026-04-01" }],
    ["三个星期前", { text: "三个星期前", date: "2026-03-25" }],
    ["半个月前", { text: "半个月前", date: "2026-03-31" }],
    ["三个月前", { text: "三个月前", month: "2026-01" }],
    ["半年前", { text: "半年前", month: "2025-10" }],
    ["两年前", { text: "两年前", year: "2024" }],
  ])("%s", (clause, expected) => {
    expect(only(clause)).toEqual(expected);
  });
});

describe("findDates: weeks (Monday first)", () => {
  it.each([
    ["上周三查询", { text: "上周三", date: "2026-04-08" }],
    ["上个星期二", { text: "上个星期二", date: "2026-04-07" }],
    ["上礼拜天", { text: "上礼拜天", date: "2026-04-12" }],
    ["上上周五", { text: "上上周五", date: "2026-04-03" }],
    ["本周一", { text: "本周一", date: "2026-04-13" }],
    ["这周五", { text: "这周五", date: "2026-04-17" }],
    ["这个星期二", { text: "这个星期二", date: "2026-04-14" }],
    ["周一", { text: "周一", date: "2026-04-13" }],
    ["星期五", { text: "星期五", date: "2026-04-10" }],
    ["周日", { text: "周日", date: "2026-04-12" }],
  ])("%s", (clause, expected) => {
    expect(only(clause)).toEqual(expected);
  });
});

describe("findDates: months and years", () => {
  it.each([
    ["上个月", { text: "上个月", month: "2026-03" }],
    ["上月底", { text: "上月底", month: "2026-03" }],
    ["上上个月", { text: "上上个月", month: "2026-02" }],
    ["这个月", { text: "这个月", month: "2026-04" }],
    ["本月初", { text: "本月初", month: "2026-04" }],
    ["月初", { text: "月初", month: "2026-04" }],
    ["上个月15号", { text: "上个月15号", date: "2026-03-15" }],
    ["去年", { text: "去年", year: "2025" }],
    ["今年", { text: "今年", year: "2026" }],
    ["去年年底", { text: "去年年底", month: "2025-12" }],
    ["今年年初", { text: "今年年初", month: "2026-01" }],
    ["年初", { text: "年初", month: "2026-01" }],
    ["年底", { text: "年底", month: "2025-12" }],
    ["2025年", { text: "2025年", year: "2025" }],
  ])("%s", (clause, expected) => {
    expect(only(clause)).toEqual(expected);
  });
});

describe("findDates: calendar dates", () => {
  it.each([
    ["3月", { text: "3月", month: "2026-03" }],
    ["三月份", { text: "三月份", month: "2026-03" }],
    ["5月", { text: "5月", month: "2025-05" }],
    ["十一月", { text: "十一月", month: "2025-11" }],
    ["3月15日", { text: "3月15日", date: "2026-03-15" }],
    ["三月十五号", { text: "三月十五号", date: "2026-03-15" }],
    ["4月20日", { text: "4月20日", date: "2025-04-20" }],
    ["2026年3月", { text: "2026年3月", month: "2026-03" }],
    ["2026年3月15日", { text: "2026年3月15日", date: "2026-03-15" }],
    ["二〇二五年十二月", { text: "二〇二五年十二月", month: "2025-12" }],
    ["去年12月", { text: "去年12月", month: "2025-12" }],
    ["2025-11-20", { text: "2025-11-20", date: "2025-11-20" }],
    ["2025/11/20", { text: "2025/11/20", date: "2025-11-20" }],
    ["11.20查的", { text: "11.20", date: "2025-11-20" }],
    ["4.1查的", { text: "4.1", date: "2026-04-01" }],
  ])("%s", (clause, expected) => {
    expect(only(clause)).toEqual(expected);
  });

  it("refuses days that do not exist", () => {
    expect(findDates("2月30日", TODAY)).toEqual([]);
    expect(findDates("13月", TODAY)).toEqual([]);
  });
});

describe("findDates: holidays", () => {
  it.each([
    ["五一前后", { text: "五一前后", date: "2025-05-01" }],
    ["劳动节后", { text: "劳动节后", date: "2025-05-01" }],
    ["国庆后", { text: "国庆后", date: "2025-10-01" }],
    ["国庆节期间", { text: "国庆节期间", date: "2025-10-01" }],
    ["十一假期", { text: "十一假期", date: "2025-10-01" }],
    ["元旦", { text: "元旦", date: "2026-01-01" }],
    ["春节后", { text: "春节后", date: "2026-02-17" }],
    ["过年前", { text: "过年前", date: "2026-02-17" }],
    ["去年春节", { text: "去年春节", date: "2025-01-29" }],
  ])("%s", (clause, expected) => {
    expect(only(clause)).toEqual(expected);
  });
});

describe("findDates across a year boundary", () => {
  it.each([
    ["上周三", { text: "上周三", date: "2025-12-31" }],
    ["上个月", { text: "上个月", month: "2025-12" }],
    ["11月", { text: "11月", month: "2025-11" }],
    ["1月", { text: "1月", month: "2026-01" }],
    ["12月25日", { text: "12月25日", date: "2025-12-25" }],
    ["去年年底", { text: "去年年底", month: "2025-12" }],
    ["年底", { text: "年底", month: "2025-12" }],
    ["春节后", { text: "春节后", date: "2025-01-29" }],
    ["今年春节", { text: "今年春节", date: "2026-02-17" }],
    ["元旦", { text: "元旦", date: "2026-01-01" }],
    ["国庆后", { text: "国庆后", date: "2025-10-01" }],
    ["两周前", { text: "两周前", date: "2025-12-22" }],
    ["三个月前", { text: "三个月前", month: "2025-10" }],
  ])("%s", (clause, expected) => {
    expect(only(clause, NEW_YEAR)).toEqual(expected);
  });

  it("has no 春节 outside its table", () => {
    expect(findDates("春节后", "2019-06-01")).toEqual([]);
  });
});

describe("findDates in a clause", () => {
  it("keeps each date's position and skips figures that are not dates", () => {
    expect(findDates("称已于2026年3月离职", TODAY)).toEqual([
      { start: 3, end: 10, text: "2026年3月", month: "2026-03" },
    ]);
    expect(findDates("打12333查询", TODAY)).toEqual([]);
    expect(findDates("二十一月", TODAY)).toEqual([]);
    expect(findDates("交了三个月", TODAY)).toEqual([]);
  });
});

describe("findMonths", () => {
  it.each([
    ["断缴了三个月", 3],
    ["停缴半年", 6],
    ["有两年没交", 24],
    ["断了4个月", 4],
    ["三个多月没交", 3],
  ])("%s → %d months", (clause, months) => {
    expect(findMonths(clause)?.months).toBe(months);
  });

  it.each(["几个月没交", "三个月前断缴", "3月份断缴", "半个月没交", "2025年断缴"])(
    "%s has no length",
    (clause) => {
      expect(findMonths(clause)).toBeNull();
    },
  );
});
