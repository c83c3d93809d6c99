import { Typography } from "antd";
import { CHANGE_FIELD_LABELS, type Change } from "@/app/_components/change-fields";

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "是" : "否";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

// One line per changed field: "角色：经办人员 → 科室负责人", or the value alone when the row
// records only the new state.
export function AuditChange({ before, after }: { before: Change; after: Change }) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  if (keys.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: "none" }}>
      {keys.map((key) => {
        const label = CHANGE_FIELD_LABELS[key] ?? key;
        const hasBefore = before !== null && key in before;
        const hasAfter = after !== null && key in after;
        return (
          <li key={key}>
            {label}：
            {hasBefore && hasAfter
              ? `${show(before[key])} → ${show(after[key])}`
              : hasAfter
                ? show(after?.[key])
                : `${show(before?.[key])}（已移除）`}
          </li>
        );
      })}
    </ul>
  );
}
