import { describe, expect, it } from "vitest";
import { findAmounts } from "./amounts";

const one = (clause: string) => {
  const found = findAmounts(clause);
  expect(found).toHaveLength(1);
  const [{ start: _start, end: _end, ...rest }] = found as [(typeof found)[number]];
  return rest;
};

describe("findAmounts: written forms", () => {
  it.each([
    ["1024元", { text: "1024元", fen: 102400, approx: false, role: null }],
    ["余额1,024.5元", { text: "余额1,024.5元", fen: 102450, approx: false, role: "balance" }],
    ["显示-1,024元", { text: "显示-1,024元", fen: -102400, approx: false, role: "balance" }],
    ["显示－86元", { text: "显示－86元", fen: -8600, approx: false, role: "balance" }],
    ["负五十", { text: "负五十", fen: -5000, approx: false, role: "balance" }],
    ["负的五十块", { text: "负的五十块", fen: -5000, approx: false, role: "balance" }],
    ["欠了三百", { text: "欠了三百", fen: -30000, approx: false, role: "balance" }],
    ["透支了两百", { text: "透支了两百", fen: -20000, approx: false, role: "balance" }],
    ["少了两百多", { text: "少了两百多", fen: 20000, approx: true, role: "drop" }],
    ["余额三千二", { text: "余额三千二", fen: 320000, approx: false, role: "balance" }],
    ["一千零二十四元", { text: "一千零二十四元", fen: 102400, approx: false, role: null }],
    ["1.2万", { text: "1.2万", fen: 1200000, approx: false, role: null }],
    ["¥300", { text: "¥300", fen: 30000, approx: false, role: null }],
    ["￥1,024.50", { text: "￥1,024.50", fen: 102450, approx: false, role: null }],
    ["300块", { text: "300块", fen: 30000, approx: false, role: null }],
    ["三百块钱", { text: "三百块钱", fen: 30000, approx: false, role: null }],
    ["五十多块", { text: "五十多块", fen: 5000, approx: true, role: null }],
    ["十三元", { text: "十三元", fen: 1300, approx: false, role: null }],
    ["三块五", { text: "三块五", fen: 350, approx: false, role: null }],
    ["十三块八毛", { text: "十三块八毛", fen: 1380, approx: false, role: null }],
    ["大约300元", { text: "300元", fen: 30000, approx: true, role: null }],
    ["300元左右", { text: "300元左右", fen: 30000, approx: true, role: null }],
  ])("%s", (clause, expected) => {
    expect(one(clause)).toEqual(expected);
  });
});

describe("findAmounts: the role of a sum", () => {
  it.each([
    ["余额是0", { text: "余额是0", fen: 0, approx: false, role: "balance" }],
    ["余额为零", { text: "余额为零", fen: 0, approx: false, role: "balance" }],
    ["只剩五十多", { text: "只剩五十多", fen: 5000, approx: true, role: "balance" }],
    ["个账只有三百块", { text: "只有三百块", fen: 30000, approx: false, role: "balance" }],
    ["突然少了300元", { text: "少了300元", fen: 30000, approx: false, role: "drop" }],
    ["余额少了300", { text: "少了300", fen: 30000, approx: false, role: "drop" }],
    ["扣了我300", { text: "扣了我300", fen: 30000, approx: false, role: "drop" }],
    ["少了大概三百", { text: "少了大概三百", fen: 30000, approx: true, role: "drop" }],
    ["个人账户被扣回 300 元", { text: "被扣回 300 元", fen: 30000, approx: false, role: "drop" }],
    ["300元不见了", { text: "300元", fen: 30000, approx: false, role: "drop" }],
  ])("%s", (clause, expected) => {
    expect(one(clause)).toEqual(expected);
  });

  it("keeps the position of a sum inside its clause", () => {
    expect(findAmounts("余额为负数（-86元）")).toEqual([
      { start: 6, end: 10, text: "-86元", fen: -8600, approx: false, role: "balance" },
    ]);
  });
});

describe("findAmounts: figures that are not money", () => {
  it.each([
    "交了三个月",
    "2026年3月15日",
    "打12333查询",
    "一直在职",
    "余额是一样的",
    "2025-11-20",
    "11.20查的",
    "上周三查询",
    "职工医保二档",
    "交了三年只有几百",
    "余额为负数",
  ])("%s", (clause) => {
    expect(findAmounts(clause)).toEqual([]);
  });
});
