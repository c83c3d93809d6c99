"use client";

import { Card, Empty, Timeline, Typography } from "antd";
import { formatDateTime } from "../../../_components/format";
import type { EnquiryDetail } from "./types";

type Change = Record<string, unknown> | null;

const FIELD_LABELS: Record<string, string> = {
  status: "状态",
  causes: "原因分类",
  assignee: "经办人",
  reason: "原因",
  resolutionSummary: "办结说明",
  followUp: "回访",
  step: "步骤",
  note: "说明",
  symptom: "反映问题",
  channel: "渠道",
  priority: "优先级",
  recheckDueOn: "复查日期",
};

// Audit rows hold readable labels already; this lays them out as "状态：处理中 → 待复查".
function describeChange(before: Change, after: Change): string[] {
  const lines: string[] = [];
  for (const [key, label] of Object.entries(FIELD_LABELS)) {
    const to = after?.[key];
    if (to === undefined || typeof to === "object") continue;
    const from = before?.[key];
    lines.push(
      from !== undefined && from !== null ? `${label}：${from} → ${to}` : `${label}：${to}`,
    );
  }
  return lines;
}

export function HistoryCard({ detail }: { detail: EnquiryDetail }) {
  return (
    <Card title="处理记录">
      {detail.history.length === 0 ? (
        <Empty description="暂无记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          items={detail.history.map((event) => ({
            key: event.id,
            content: (
              <>
                <Typography.Text strong>{event.actionLabel}</Typography.Text>
                <Typography.Text type="secondary">
                  {" "}
                  · {event.actorName ?? "系统"} · {formatDateTime(event.at)}
                </Typography.Text>
                {describeChange(event.before as Change, event.after as Change).map((line) => (
                  <div key={line}>{line}</div>
                ))}
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
