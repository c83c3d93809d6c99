import { describe, expect, it } from "vitest";
import { BOM, csvCell, csvRow, neutraliseFormula } from "./csv";
import { csvChunks } from "./csv-stream";
import { text } from "./sheet";

describe("neutraliseFormula", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["-2+3", "'-2+3"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["-", "'-"],
    ["-1e3", "'-1e3"],
  ])("prefixes %j", (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it.each(["-356.20", "-5", "陈建国", "12393 医保热线", "510104********1234", "", "1+1"])(
    "leaves %j as it is",
    (input) => {
      expect(neutraliseFormula(input)).toBe(input);
    },
  );
});

describe("csvCell", () => {
  it("writes nothing for a missing value and numbers as digits", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(-3)).toBe("-3");
  });

  it("quotes commas, quotes and line breaks, doubling inner quotes (RFC 4180)", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('说"明"')).toBe('"说""明"""');
    expect(csvCell("一\n二")).toBe('"一\n二"');
    expect(csvCell("一\r\n二")).toBe('"一\r\n二"');
    expect(csvCell("离职减员、其他·断缴")).toBe("离职减员、其他·断缴");
  });

  it("neutralises before quoting", () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell("=1,2")).toBe('"\'=1,2"');
  });
});

describe("csvRow", () => {
  it("joins cells with commas and ends with CRLF", () => {
    expect(csvRow(["地区", 1, null, "-356.20", "=1+1"])).toBe("地区,1,,-356.20,'=1+1\r\n");
  });
});

describe("csvChunks", () => {
  it("starts with the BOM and separates sheets by a blank line", async () => {
    let output = "";
    const sheets = [
      { name: "a", columns: [text("地区")], rows: [["四川省"], ["@陕西"]] },
      { name: "b", columns: [text("月份")], rows: [["2026-01"]] },
    ];
    for await (const chunk of csvChunks(sheets)) output += chunk;
    expect(output.startsWith(BOM)).toBe(true);
    expect(output).toBe(`${BOM}地区\r\n四川省\r\n'@陕西\r\n\r\n月份\r\n2026-01\r\n`);
  });
});
