import { z } from "zod";
import { isCalendarDay, shanghaiDay } from "./calendar-day";

// GB 11643 citizen ID numbers: 6-digit region, 8-digit birth date, 3-digit sequence, and a
// check character computed from the first 17 digits (ISO 7064 MOD 11-2).

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = "10X98765432";

export function idCheckCharacter(first17Digits: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(first17Digits[i]) * (WEIGHTS[i] ?? 0);
  }
  return CHECK_CHARACTERS[sum % 11] as string;
}

export function buildIdNumber(regionCode: string, birthDate: string, sequence: number): string {
  const first17 = `${regionCode}${birthDate}${String(sequence).padStart(3, "0")}`;
  return `${first17}${idCheckCharacter(first17)}`;
}

// Validation of the 18-character citizen ID number (GB 11643) as a caseworker types it at the
// counter. Each rule has its own message so the caseworker knows which part to re-read from the
// card instead of retyping the whole number.

export type IdNumberCheck =
  | { ok: true; value: string; birthDate: string; regionCode: string }
  | { ok: false; message: string };

const ID_LENGTH = 18;
const EARLIEST_BIRTH_YEAR = 1900;

// Chinese input methods often produce full-width digits and spaces; the card shows the same
// number, so accept them rather than reject what the caseworker read correctly.
export function normaliseIdNumber(raw: string): string {
  const halfWidth = raw.replace(/[０-９Ｘｘ]/g, (char) =>
    String.fromCharCode(char.charCodeAt(0) - 0xfee0),
  );
  return halfWidth.replace(/\s+/g, "").replace(/x$/, "X");
}

export function validateIdNumber(
  raw: string,
  isKnownRegion: (code6: string) => boolean,
  today: Date = new Date(),
): IdNumberCheck {
  const value = normaliseIdNumber(raw);
  if (value.length === 0) return { ok: false, message: "请输入身份证号" };
  if (value.length !== ID_LENGTH) {
    return { ok: false, message: `身份证号应为18位，当前为${value.length}位` };
  }
  if (!/^\d{17}/.test(value)) return { ok: false, message: "身份证号前17位只能是数字" };
  if (!/[\dX]$/.test(value)) return { ok: false, message: "身份证号最后一位只能是数字或X" };

  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isCalendarDay(birthDate)) {
    return { ok: false, message: `身份证号中的出生日期 ${birthDate} 不是有效日期` };
  }
  if (Number(birthDate.slice(0, 4)) < EARLIEST_BIRTH_YEAR) {
    return { ok: false, message: `身份证号中的出生日期 ${birthDate} 早于1900年` };
  }
  // Birth dates are calendar dates in China; comparing against the Beijing date keeps the
  // "not in the future" rule right on a server whose clock runs in UTC.
  if (birthDate > shanghaiDay(today)) {
    return { ok: false, message: `身份证号中的出生日期 ${birthDate} 晚于今天` };
  }

  const regionCode = value.slice(0, 6);
  if (!isKnownRegion(regionCode)) {
    return { ok: false, message: `身份证号前6位 ${regionCode} 不是有效的行政区划代码` };
  }
  if (idCheckCharacter(value.slice(0, 17)) !== value[17]) {
    return { ok: false, message: "身份证号校验位不正确，请核对最后一位" };
  }
  return { ok: true, value, birthDate, regionCode };
}

// The raw form field: bounded so a pasted paragraph is refused before any rule runs. The full
// check needs the region list, which forms and routers pass through `validIdNumber`.
export const idNumberInput = z.string().trim().max(32, "身份证号过长");

export function validIdNumber(isKnownRegion: (code6: string) => boolean, today?: Date) {
  return idNumberInput.transform((raw, ctx) => {
    const check = validateIdNumber(raw, isKnownRegion, today);
    if (!check.ok) {
      ctx.addIssue({ code: "custom", message: check.message });
      return z.NEVER;
    }
    return check.value;
  });
}
