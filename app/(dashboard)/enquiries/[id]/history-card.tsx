"use client";

import { Card, Empty, Timeline, Typography } from "antd";
import { CHANGE_FIELD_LABELS, type Change } from "@/app/_components/change-fields";
import { formatDateTime } from "@/app/_components/format";
import type { EnquiryDetail } from "./types";

// The fields an enquiry's history shows, in this order; the rest (ids, objects) stay in the
// admin audit log.
const HISTORY_FIELDS = [
  "status",
  "platform",
  "externalNumber",
  "classification",
  "member",
  "signed",
  "request",
  "decision",
  "centre",
  "to",
  "dueAt",
  "resumeOn",
  "comment",
  "replyBy",
  "answer",
  "late",
  "reminder",
  "causes",
  "assignee",
  "reason",
  "resolutionSummary",
  "followUp",
  "step",
  "note",
  "symptom",
  "channel",
  "priority",
  "recheckDueOn",
];

// Audit rows hold readable labels already; this lays them out as "状态：处理中 → 待复查".
function describeChange(before: Change, after: Change): string[] {
  const lines: string[] = [];
  for (const key of HISTORY_FIELDS) {
    const label = CHANGE_FIELD_LABELS[key];
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
