import { describe, expect, it } from "vitest";
import { buildIdNumber, idCheckCharacter } from "@/server/rules/id-number";
import { idNumberInput, normaliseIdNumber, validateIdNumber, validIdNumber } from "./id-number";

const KNOWN_REGIONS = new Set(["110101", "110105", "510112", "440300", "340102"]);
const isKnownRegion = (code: string) => KNOWN_REGIONS.has(code);
const TODAY = new Date("2025-06-15T12:00:00+08:00");

const check = (raw: string, today = TODAY) => validateIdNumber(raw, isKnownRegion, today);
const messageOf = (raw: string, today = TODAY) => {
  const result = check(raw, today);
  return result.ok ? null : result.message;
};

// Builds a number whose check character is right, so a test fails only on the rule it targets.
const withCheck = (first17: string) => `${first17}${idCheckCharacter(first17)}`;

// The sample printed in GB 11643 itself; its check character is X.
const STANDARD_SAMPLE = "11010519491231002X";

describe("validateIdNumber", () => {
  it("accepts a valid number and reports its birth date and region", () => {
    const id = buildIdNumber("110101", "19900307", 123);
    expect(check(id)).toEqual({
      ok: true,
      value: id,
      birthDate: "1990-03-07",
      regionCode: "110101",
    });
  });

  it.each([
    ["510112", "19651231", 7],
    ["440300", "20000229", 42],
    ["340102", "19000101", 1],
    ["110101", "20250615", 999],
  ])("accepts region %s born %s", (region, birth, sequence) => {
    expect(check(buildIdNumber(region, birth, sequence)).ok).toBe(true);
  });

  it("accepts the standard's own sample, whose check character is X", () => {
    expect(check(STANDARD_SAMPLE)).toEqual({
      ok: true,
      value: STANDARD_SAMPLE,
      birthDate: "1949-12-31",
      regionCode: "110105",
    });
  });

  it("accepts a lower-case x and stores it upper-case", () => {
    expect(check(STANDARD_SAMPLE.toLowerCase())).toMatchObject({
      ok: true,
      value: STANDARD_SAMPLE,
    });
    expect(check("11010519491231002ｘ")).toMatchObject({ ok: true, value: STANDARD_SAMPLE });
  });

  it("ignores surrounding and inner spaces, including full-width ones", () => {
    const id = buildIdNumber("110101", "19900307", 123);
    const spaced = ` ${id.slice(0, 6)} ${id.slice(6, 14)}\u3000${id.slice(14)} `;
    expect(check(spaced)).toMatchObject({ ok: true, value: id });
  });

  it("accepts full-width digits typed through a Chinese input method", () => {
    const id = buildIdNumber("110101", "19900307", 123);
    const fullWidth = id.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(check(fullWidth)).toMatchObject({ ok: true, value: id });
  });

  it.each([
    ["", "请输入身份证号"],
    ["   ", "请输入身份证号"],
    ["11010119900307123", "身份证号应为18位，当前为17位"],
    ["1101011990030712345", "身份证号应为18位，当前为19位"],
    ["110101900307123", "身份证号应为18位，当前为15位"],
  ])("rejects %j by length", (raw, message) => {
    expect(messageOf(raw)).toBe(message);
  });

  it.each([
    ["A10101199003071234", "身份证号前17位只能是数字"],
    ["1101011990O3071234", "身份证号前17位只能是数字"],
    ["1101011990030712X4", "身份证号前17位只能是数字"],
    ["11010119900307123Y", "身份证号最后一位只能是数字或X"],
  ])("rejects letters in %s", (raw, message) => {
    expect(messageOf(raw)).toBe(message);
  });

  it("rejects a wrong check character", () => {
    const id = buildIdNumber("110101", "19900307", 123);
    const wrong = id.slice(0, 17) + (id[17] === "0" ? "1" : "0");
    expect(messageOf(wrong)).toBe("身份证号校验位不正确，请核对最后一位");
  });

  it("rejects a single mistyped digit through the check character", () => {
    const id = buildIdNumber("110101", "19900307", 123);
    const typo = `${id.slice(0, 15)}${id[15] === "9" ? "8" : "9"}${id.slice(16)}`;
    expect(messageOf(typo)).toBe("身份证号校验位不正确，请核对最后一位");
  });

  it.each([
    ["20230230", "身份证号中的出生日期 2023-02-30 不是有效日期"],
    ["19901301", "身份证号中的出生日期 1990-13-01 不是有效日期"],
    ["19900001", "身份证号中的出生日期 1990-00-01 不是有效日期"],
    ["19900431", "身份证号中的出生日期 1990-04-31 不是有效日期"],
    ["19000229", "身份证号中的出生日期 1900-02-29 不是有效日期"],
    ["18991231", "身份证号中的出生日期 1899-12-31 早于1900年"],
    ["20250616", "身份证号中的出生日期 2025-06-16 晚于今天"],
    ["20990101", "身份证号中的出生日期 2099-01-01 晚于今天"],
  ])("rejects birth date %s", (birth, message) => {
    expect(messageOf(withCheck(`110101${birth}123`))).toBe(message);
  });

  it("judges 'today' by the Beijing calendar date", () => {
    const id = buildIdNumber("110101", "20250615", 1);
    // 2025-06-14 16:30 UTC is already 2025-06-15 00:30 in Beijing.
    expect(check(id, new Date("2025-06-14T16:30:00Z")).ok).toBe(true);
    expect(messageOf(id, new Date("2025-06-14T15:30:00Z"))).toBe(
      "身份证号中的出生日期 2025-06-15 晚于今天",
    );
  });

  it("rejects an unknown region code", () => {
    expect(messageOf(withCheck("99999919900307123"))).toBe(
      "身份证号前6位 999999 不是有效的行政区划代码",
    );
  });

  it("asks the callback about the first six digits only", () => {
    const asked: string[] = [];
    validateIdNumber(
      buildIdNumber("510112", "19900307", 5),
      (code) => {
        asked.push(code);
        return true;
      },
      TODAY,
    );
    expect(asked).toEqual(["510112"]);
  });
});

describe("normaliseIdNumber", () => {
  it("only upper-cases an x in the last position", () => {
    expect(normaliseIdNumber("11010119900307123x")).toBe("11010119900307123X");
    expect(normaliseIdNumber("x10101199003071234")).toBe("x10101199003071234");
  });
});

describe("idNumberInput", () => {
  it("trims and bounds the raw field", () => {
    expect(idNumberInput.parse("  110101199003071234 ")).toBe("110101199003071234");
    const tooLong = idNumberInput.safeParse("1".repeat(33));
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues[0]?.message).toBe("身份证号过长");
  });
});

describe("validIdNumber", () => {
  const schema = validIdNumber(isKnownRegion, TODAY);

  it("outputs the normalised number", () => {
    expect(schema.parse(` ${STANDARD_SAMPLE.toLowerCase()} `)).toBe(STANDARD_SAMPLE);
  });

  it("reports the rule's Chinese message as the issue", () => {
    const result = schema.safeParse("11010119900307123");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "身份证号应为18位，当前为17位",
    ]);
  });
});
