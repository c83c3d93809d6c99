import { describe, expect, it } from "vitest";
import { splitClauses } from "./clauses";

describe("splitClauses", () => {
  it("splits on clause punctuation and keeps each clause's position", () => {
    expect(splitClauses("没离职，单位已减员。余额是0；怎么办？")).toEqual([
      { start: 0, text: "没离职" },
      { start: 4, text: "单位已减员" },
      { start: 10, text: "余额是0" },
      { start: 15, text: "怎么办" },
    ]);
  });

  it("splits on half-width punctuation but not inside a grouped figure", () => {
    expect(splitClauses("显示-1,024元,没用过;急!")).toEqual([
      { start: 0, text: "显示-1,024元" },
      { start: 10, text: "没用过" },
      { start: 14, text: "急" },
    ]);
  });

  it("splits on 但, 但是 and 可是, not on 不但", () => {
    expect(splitClauses("没去医院但是余额少了")).toEqual([
      { start: 0, text: "没去医院" },
      { start: 6, text: "余额少了" },
    ]);
    expect(splitClauses("没离职可是减员了")).toEqual([
      { start: 0, text: "没离职" },
      { start: 5, text: "减员了" },
    ]);
    expect(splitClauses("没用过但余额少了")).toEqual([
      { start: 0, text: "没用过" },
      { start: 4, text: "余额少了" },
    ]);
    expect(splitClauses("不但没用过还少了")).toEqual([{ start: 0, text: "不但没用过还少了" }]);
  });

  it("splits on line breaks and skips empty clauses", () => {
    expect(splitClauses("来电人反映：\n\n余额为负，，")).toEqual([
      { start: 0, text: "来电人反映：" },
      { start: 8, text: "余额为负" },
    ]);
  });
});
