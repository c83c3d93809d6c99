import { Typography } from "antd";

type Change = Record<string, unknown> | null;

// Writers store readable values (labels, masked personal data) under these keys.
const FIELD_LABELS: Record<string, string> = {
  login: "用户名",
  displayName: "姓名",
  role: "角色",
  regionScope: "管辖地区",
  password: "密码",
  name: "姓名",
  idNumber: "证件号",
  phone: "手机号",
  insuranceType: "参保类型",
  region: "地区",
  employerName: "单位",
  status: "状态",
  causes: "原因分类",
  assignee: "经办人",
  assigneeId: "经办人编号",
  reason: "原因",
  resolutionSummary: "办结说明",
  followUp: "回访",
  step: "步骤",
  note: "说明",
  symptom: "反映问题",
  channel: "渠道",
  priority: "优先级",
};

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
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
        const label = FIELD_LABELS[key] ?? key;
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
