import { describe, expect, it } from "vitest";
import { governingNegator } from "./negation";

// The position of the cue word in the clause, so each case reads as a sentence.
const negatorOf = (clause: string, cue: string) => {
  const start = governingNegator(clause, clause.indexOf(cue));
  return start === null ? null : clause.slice(start, clause.indexOf(cue));
};

describe("governingNegator", () => {
  it.each([
    ["本人并未离职", "离职", "并未"],
    ["本人并没有离职", "离职", "并没有"],
    ["没有离职", "离职", "没有"],
    ["没离职", "离职", "没"],
    ["单位未减员", "减员", "未"],
    ["原单位尚未办理减员", "减员", "尚未办理"],
    ["单位还没给我办理减员", "减员", "还没给我办理"],
    ["从没去过医院", "医院", "从没去过"],
    ["从未买过药", "买过药", "从未"],
    ["从来没有住院", "住院", "从来没有"],
    ["不是系统升级的问题", "系统升级", "不是"],
    ["卡还未激活", "激活", "还未"],
    ["不曾离职", "离职", "不曾"],
    ["单位不给减员", "减员", "不给"],
  ])("%s: %s is denied by %s", (clause, cue, negator) => {
    expect(negatorOf(clause, cue)).toBe(negator);
  });

  it.each([
    ["离职了", "离职"],
    ["不知道家人用了我的卡", "家人"],
    ["单位没告诉我减员", "减员"],
    ["也没注意到孩子用了卡", "孩子"],
    ["不清楚是不是系统升级", "系统升级"],
    ["有没有离职我也说不好", "离职"],
    ["没多久离职了", "离职"],
    ["没到月底就离职了", "离职"],
    ["没想到会离职", "离职"],
    ["余额不一样系统升级", "系统升级"],
  ])("%s: %s is not denied", (clause, cue) => {
    expect(negatorOf(clause, cue)).toBeNull();
  });

  it("reaches five characters and no further", () => {
    expect(negatorOf("没一二三四五离职", "离职")).toBe("没一二三四五");
    expect(negatorOf("没一二三四五六离职", "离职")).toBeNull();
  });
});

describe("words that only look negated", () => {
  it("keeps 未过期 a denial while 不过 is not one", () => {
    expect(negatorOf("卡未过期", "过期")).toBe("未");
    expect(negatorOf("不过离职了", "离职")).toBeNull();
  });
});
