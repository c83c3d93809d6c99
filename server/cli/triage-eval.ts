// Prints how 原因研判 does on the evaluation set: `npm run triage:eval`, or on another set of
// cases in the same format: `npm run triage:eval -- path/to/cases.json`.
import path from "node:path";
import { CAUSE_CODES, CAUSE_LABELS, causeTagLabel, SUB_REASON_LABELS } from "@/db/constants";
import { evaluate, loadCases, share } from "../causes/evaluation/evaluate";

const percent = (rate: { hits: number; total: number }) =>
  `${(share(rate) * 100).toFixed(1)}% (${rate.hits}/${rate.total})`;

// East Asian characters take two columns in a terminal.
const width = (text: string) =>
  [...text].reduce((sum, ch) => sum + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
const pad = (text: string, columns: number) =>
  text + " ".repeat(Math.max(0, columns - width(text)));

function table(rows: string[][]): string {
  const columns = rows[0]?.map((_, i) => Math.max(...rows.map((row) => width(row[i] ?? "")))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, i) => pad(cell, (columns[i] ?? 0) + 2))
        .join("")
        .trimEnd(),
    )
    .join("\n");
}

const file = process.argv[2];
const report = evaluate(file ? loadCases(path.resolve(file)) : undefined);
const lines = [
  `原因研判评估：${report.cases} 件`,
  `首位原因准确率：${percent(report.cause)}`,
  `首位子原因准确率（其他、政策改革）：${percent(report.subReason)}`,
  `疑难件：原因 ${percent(report.tricky.cause)}，子原因 ${percent(report.tricky.subReason)}`,
  "",
  "按原因：",
  table(CAUSE_CODES.map((code) => [CAUSE_LABELS[code], percent(report.byCause[code])])),
  "",
  "按子原因：",
  table(
    Object.entries(report.bySubReason).map(([code, rate]) => [
      SUB_REASON_LABELS[code as keyof typeof SUB_REASON_LABELS],
      percent(rate ?? { hits: 0, total: 0 }),
    ]),
  ),
  "",
  "混淆矩阵（行：应为，列：首位建议）：",
  table([
    ["", ...CAUSE_CODES.map((code) => CAUSE_LABELS[code]), "无建议"],
    ...CAUSE_CODES.map((code) => [
      CAUSE_LABELS[code],
      ...[...CAUSE_CODES, "none" as const].map((top) => String(report.confusion[code][top])),
    ]),
  ]),
  "",
  `无建议：${report.empty.length === 0 ? "无" : report.empty.join("、")}`,
  "",
  "规则触发件数（少于 3 件为缺陷）：",
  table(
    Object.entries(report.ruleFirings)
      .sort((a, b) => a[1] - b[1])
      .map(([rule, n]) => [rule, String(n), n < 3 ? "← 过少" : ""]),
  ),
  "",
  "未命中：",
  table(
    report.results
      .filter((result) => !result.subReasonHit)
      .map((result) => [
        result.id,
        causeTagLabel(result.expected),
        result.top ? causeTagLabel(result.top) : "无建议",
        result.tricky ? "疑难" : "",
      ]),
  ),
];
console.log(lines.join("\n"));
