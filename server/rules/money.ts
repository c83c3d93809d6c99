import { z } from "zod";

// Money is stored and computed as integer 分 and typed by people in 元. The conversion works on
// the digits as text (never `Number("0.29") * 100`, which gives 28.999999999999996), so what the
// caseworker typed is exactly what is stored.

export type YuanParse = { ok: true; fen: number } | { ok: false; message: string };

// ±1亿元 is far above any personal-account balance; a larger figure is a typing slip.
export const MAX_FEN = 10_000_000_000;

const FEN_PER_YUAN = 100;

// Optional sign, optional ¥, whole 元 (plain or grouped by thousands), optional decimals and an
// optional trailing 元, so that our own formatFen output can be pasted back into a form.
const AMOUNT_PATTERN = /^([+-]?)\s*[¥￥]?\s*(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?\s*(?:元)?$/;

// Chinese input methods produce full-width digits and punctuation (１２．３０, －５); the
// minus sign U+2212 arrives when figures are copied from documents.
function toHalfWidth(input: string): string {
  return input
    .replace(/[０-９．，－＋]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/\u2212/g, "-");
}

export function parseYuanToFen(input: string): YuanParse {
  const text = toHalfWidth(input).trim();
  if (text === "") return { ok: false, message: "请输入金额" };

  const match = AMOUNT_PATTERN.exec(text);
  const sign = match?.[1] ?? "";
  const whole = (match?.[2] ?? "").replace(/,/g, "");
  const decimals = match?.[3] ?? "";
  if (!match || (whole === "" && decimals === "")) {
    return { ok: false, message: "请输入有效金额" };
  }
  if (decimals.length > 2) return { ok: false, message: "金额最多保留两位小数" };

  const magnitude = BigInt(`${whole || "0"}${decimals.padEnd(2, "0")}`);
  if (magnitude > BigInt(MAX_FEN)) return { ok: false, message: "金额超出范围" };

  const fen = Number(magnitude);
  // `-0` would otherwise survive into JSON and comparisons as a distinct value.
  return { ok: true, fen: sign === "-" && fen !== 0 ? -fen : fen };
}

function splitFen(fen: number): { sign: string; yuan: string; cents: string } {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额应为整数分，收到 ${fen}`);
  const magnitude = Math.abs(fen);
  return {
    sign: fen < 0 ? "-" : "",
    yuan: String(Math.floor(magnitude / FEN_PER_YUAN)),
    cents: String(magnitude % FEN_PER_YUAN).padStart(2, "0"),
  };
}

// For display: "1,234.50 元", "-356.20 元". The unit trails the number, as on the agency's
// own account statements, so a minus sign is never separated from its digits by a symbol.
export function formatFen(fen: number): string {
  const { sign, yuan, cents } = splitFen(fen);
  const grouped = yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}.${cents} 元`;
}

// For form defaults: plain "1234.50", which parseYuanToFen reads back to the same 分.
export function fenToYuanString(fen: number): string {
  const { sign, yuan, cents } = splitFen(fen);
  return `${sign}${yuan}.${cents}`;
}

// A form field typed in 元 whose parsed output is integer 分.
export const yuanAmount = z.string().transform((raw, ctx) => {
  const parsed = parseYuanToFen(raw);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  }
  return parsed.fen;
});

// The same for fields that may be left blank (e.g. the balance the member reports): blank → null.
export const optionalYuanAmount = z
  .string()
  .transform((raw) => (raw.trim() === "" ? null : raw))
  .pipe(yuanAmount.nullable());
