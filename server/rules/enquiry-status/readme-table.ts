import { ENQUIRY_STATUS_LABELS } from "@/db/constants";
import { type CourseRole, FIELDS, GUARDS, SOURCES, TRANSITIONS } from "./table";

const ROLE_NAMES: Record<CourseRole, string> = {
  caseworker: "经办人员",
  manager: "科室负责人",
  system: "定时任务",
};
const SOURCE_NAMES = Object.fromEntries(SOURCES.map((s) => [s.code, s.label]));

// The course table as Markdown, for the README ("The course of an enquiry"); a test keeps the
// README's copy equal to this, so the document cannot drift from the code.
export function courseMarkdown(): string {
  const lines = [
    "| 操作 | 从 | 到 | 角色 | 适用 | 须填写 | 条件 |",
    "| --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const t of TRANSITIONS) {
    const cells = [
      `${t.label} \`${t.code}\``,
      t.from.map((status) => ENQUIRY_STATUS_LABELS[status]).join("、"),
      t.to ? ENQUIRY_STATUS_LABELS[t.to] : "（不变）",
      t.roles.map((role) => ROLE_NAMES[role]).join("、"),
      t.sources.map((source) => SOURCE_NAMES[source]).join("、"),
      t.requires.map((field) => FIELDS[field]).join("、") || "—",
      t.guards.map((guard) => GUARDS[guard]).join("、") || "—",
    ];
    lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}
