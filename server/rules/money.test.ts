import { describe, expect, it } from "vitest";
import {
  fenToYuanString,
  formatFen,
  MAX_FEN,
  optionalYuanAmount,
  parseYuanToFen,
  yuanAmount,
} from "./money";

const fenOf = (input: string) => {
  const result = parseYuanToFen(input);
  return result.ok ? result.fen : result.message;
};

describe("parseYuanToFen", () => {
  it.each([
    ["12", 1200],
    ["12.3", 1230],
    ["12.30", 1230],
    ["12.", 1200],
    [".5", 50],
    ["0", 0],
    ["0.01", 1],
    ["-356.20", -35620],
    ["+5", 500],
    ["1,234.50", 123450],
    ["12,345,678.90", 1234567890],
    ["  42.00  ", 4200],
    ["007", 700],
    ["¥1,234.50", 123450],
    ["-￥356.20", -35620],
    ["1,234.50 元", 123450],
    ["-356.20元", -35620],
  ])("reads %j as %i 分", (input, fen) => {
    expect(fenOf(input)).toBe(fen);
  });

  it.each([
    ["0.29", 29],
    ["0.57", 57],
    ["1.15", 115],
    ["4.35", 435],
    ["0.30", 30],
    ["19.99", 1999],
    ["-0.07", -7],
  ])("reads %j exactly, without floating-point drift", (input, expected) => {
    expect(fenOf(input)).toBe(expected);
  });

  it("adds amounts exactly where floats would not (0.1 + 0.2)", () => {
    const sum = [parseYuanToFen("0.1"), parseYuanToFen("0.2")].reduce(
      (total, parsed) => total + (parsed.ok ? parsed.fen : Number.NaN),
      0,
    );
    expect(sum).toBe(30);
    expect(fenToYuanString(sum)).toBe("0.30");
  });

  it("gives zero without a sign for -0", () => {
    expect(Object.is(fenOf("-0"), 0)).toBe(true);
    expect(Object.is(fenOf("-0.00"), 0)).toBe(true);
  });

  it("accepts full-width digits and punctuation from a Chinese input method", () => {
    expect(fenOf("１２．３０")).toBe(1230);
    expect(fenOf("－３５６．２")).toBe(-35620);
    expect(fenOf("１，２３４．５")).toBe(123450);
    expect(fenOf("\u2212356.20")).toBe(-35620);
  });

  it.each(["1.005", "0.001", "12.345", "-356.201", "1.000"])(
    "rejects %j for having more than two decimals",
    (input) => {
      expect(fenOf(input)).toBe("金额最多保留两位小数");
    },
  );

  it.each(["", "   ", "\u3000"])("asks for an amount when given %j", (input) => {
    expect(fenOf(input)).toBe("请输入金额");
  });

  it.each([
    "abc",
    "12a",
    "1.2.3",
    "--5",
    "+-5",
    "-",
    ".",
    "1e3",
    "0x10",
    "12,34",
    "1234,567",
    ",123",
    "1,234,5",
    "1 234",
    "Infinity",
    "NaN",
    "元",
  ])("rejects %j as not an amount", (input) => {
    expect(fenOf(input)).toBe("请输入有效金额");
  });

  it("accepts the range limits of ±100,000,000 元 and rejects beyond them", () => {
    expect(fenOf("100000000")).toBe(MAX_FEN);
    expect(fenOf("-100,000,000.00")).toBe(-MAX_FEN);
    expect(fenOf("100000000.01")).toBe("金额超出范围");
    expect(fenOf("-100000000.01")).toBe("金额超出范围");
    expect(fenOf("99999999999999999999999999")).toBe("金额超出范围");
  });
});

describe("formatFen", () => {
  it.each([
    [0, "0.00 元"],
    [1, "0.01 元"],
    [-1, "-0.01 元"],
    [99, "0.99 元"],
    [100, "1.00 元"],
    [123450, "1,234.50 元"],
    [-35620, "-356.20 元"],
    [100000, "1,000.00 元"],
    [100000000, "1,000,000.00 元"],
    [MAX_FEN, "100,000,000.00 元"],
    [-MAX_FEN, "-100,000,000.00 元"],
  ])("shows %i 分 as %s", (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it("refuses a value that is not whole 分", () => {
    expect(() => formatFen(12.5)).toThrow(RangeError);
    expect(() => formatFen(Number.NaN)).toThrow(RangeError);
  });
});

describe("fenToYuanString", () => {
  it.each([
    [0, "0.00"],
    [-1, "-0.01"],
    [5, "0.05"],
    [123450, "1234.50"],
    [-35620, "-356.20"],
    [100000000, "1000000.00"],
  ])("gives %i 分 as %s", (fen, text) => {
    expect(fenToYuanString(fen)).toBe(text);
  });
});

describe("round trips", () => {
  const samples = [0, 1, -1, 29, 99, 100, 101, 123450, -35620, 4205_00, MAX_FEN, -MAX_FEN];

  it.each(samples)("%i 分 survives fenToYuanString → parseYuanToFen", (fen) => {
    expect(fenOf(fenToYuanString(fen))).toBe(fen);
  });

  it.each(samples)("%i 分 survives formatFen → parseYuanToFen", (fen) => {
    expect(fenOf(formatFen(fen))).toBe(fen);
  });

  it("holds for every 分 value below 10 元", () => {
    for (let fen = -1000; fen <= 1000; fen++) {
      expect(fenOf(fenToYuanString(fen))).toBe(fen);
    }
  });
});

describe("yuanAmount", () => {
  it("outputs integer 分", () => {
    expect(yuanAmount.parse("1,234.50")).toBe(123450);
  });

  it("reports the Chinese message as the issue", () => {
    const result = yuanAmount.safeParse("1.005");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["金额最多保留两位小数"]);
  });

  it("refuses a blank field", () => {
    expect(yuanAmount.safeParse("").error?.issues[0]?.message).toBe("请输入金额");
  });
});

describe("optionalYuanAmount", () => {
  it("turns a blank field into null", () => {
    expect(optionalYuanAmount.parse("")).toBeNull();
    expect(optionalYuanAmount.parse("  ")).toBeNull();
  });

  it("parses a filled field and keeps its errors", () => {
    expect(optionalYuanAmount.parse("-356.2")).toBe(-35620);
    expect(optionalYuanAmount.safeParse("abc").error?.issues[0]?.message).toBe("请输入有效金额");
  });
});
