// CSV as Excel on a Chinese Windows desktop reads it: UTF-8 with a byte-order mark (without it
// Excel assumes GBK and garbles every label), CRLF line ends and RFC 4180 quoting.

export const BOM = "\uFEFF";
export const CRLF = "\r\n";

export type CsvValue = string | number | null | undefined;

// A plain negative decimal such as -356.20 (an overdrawn balance) is data that Excel reads as a
// number; it cannot call a function or a reference, so it is left as it is.
const NEGATIVE_DECIMAL = /^-\d+(\.\d+)?$/;
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

// Spreadsheet formula injection (CWE-1236): a cell starting with = + - @ (or a tab or carriage
// return, which Excel skips before such a sign) would be evaluated when the file is opened. A
// leading apostrophe makes Excel show the text as typed.
export function neutraliseFormula(text: string): string {
  if (!FORMULA_TRIGGER.test(text) || NEGATIVE_DECIMAL.test(text)) return text;
  return `'${text}`;
}

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? String(value) : neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}${CRLF}`;
}
