// Figures as members say and type them: 一千零二十四, 十三, 两百五, and the spoken shortening
// 三千二 (= 3,200: a digit left after a unit counts one unit lower). A run of digits with no unit
// is read digit by digit, as years and phone numbers are (二〇二六, 幺二三三三).

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  幺: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

// For building patterns: every character a Chinese figure can contain.
export const CHINESE_NUMERAL_CHARS = "零〇一幺二两三四五六七八九十百千万";

function readDigitByDigit(chars: string[]): number {
  return Number(chars.map((char) => DIGITS[char]).join(""));
}

// The value of a Chinese figure below 一亿, or null when the characters do not form one.
export function parseChineseNumber(text: string): number | null {
  const chars = [...text];
  if (chars.length === 0) return null;
  if (chars.every((char) => char in DIGITS)) return readDigitByDigit(chars);

  let closedWan = 0; // the part already multiplied by 万
  let section = 0; // the part below 万
  let digit: number | null = null;
  let lastUnit = 0; // the unit just applied; units must fall within a section
  let afterZero = false; // 一千零二 is 1,002, not the shortened 1,200
  let seenWan = false;
  for (const char of chars) {
    const value = DIGITS[char];
    if (value !== undefined) {
      if (digit !== null) return null;
      if (value === 0) afterZero = true;
      else digit = value;
      continue;
    }
    const unit = UNITS[char];
    if (unit !== undefined) {
      if (lastUnit !== 0 && unit >= lastUnit) return null;
      // A bare 十 at the start means 一十 (十三 = 13); a bare 百 or 千 is not a figure.
      const multiplier = digit ?? (unit === 10 && section === 0 ? 1 : null);
      if (multiplier === null) return null;
      section += multiplier * unit;
      lastUnit = unit;
    } else if (char === "万") {
      if (seenWan) return null;
      const below = section + (digit ?? 0);
      if (below === 0) return null;
      closedWan = below * 10_000;
      section = 0;
      lastUnit = 10_000;
      seenWan = true;
    } else {
      return null;
    }
    digit = null;
    afterZero = false;
  }
  if (digit !== null && lastUnit >= 100 && !afterZero) {
    // 三千二, 一万二, 两百五: the trailing digit is one unit below the last one.
    return closedWan + section + digit * (lastUnit / 10);
  }
  return closedWan + section + (digit ?? 0);
}

// A number written in Arabic digits or in Chinese, as in 3月 or 三月.
export function readNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  return parseChineseNumber(text);
}
