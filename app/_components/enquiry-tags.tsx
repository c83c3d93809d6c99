import { Space, Tag } from "antd";
import {
  CAUSE_COLORS,
  CAUSE_LABELS,
  type Cause,
  ENQUIRY_STATUS_LABELS,
  type EnquiryStatus,
  OTHER_SUB_REASON_LABELS,
  type OtherSubReason,
  PRIORITY_LABELS,
  type Priority,
} from "@/db/constants";

const STATUS_COLORS: Record<EnquiryStatus, string> = {
  open: "orange",
  in_progress: "blue",
  awaiting_recheck: "purple",
  resolved: "green",
  followed_up: "default",
};

export function StatusTag({ status }: { status: EnquiryStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{ENQUIRY_STATUS_LABELS[status]}</Tag>;
}

export function PriorityTag({ priority }: { priority: Priority }) {
  return priority === "urgent" ? <Tag color="red">{PRIORITY_LABELS.urgent}</Tag> : null;
}

type CauseTagValue = { cause: Cause; subReason: OtherSubReason | null; isPrimary: boolean };

export function causeText(tag: CauseTagValue): string {
  return tag.cause === "other" && tag.subReason
    ? `${CAUSE_LABELS.other}·${OTHER_SUB_REASON_LABELS[tag.subReason]}`
    : CAUSE_LABELS[tag.cause];
}

export function CauseTags({ causes }: { causes: readonly CauseTagValue[] }) {
  if (causes.length === 0) return <Tag>未分类</Tag>;
  return (
    <Space size={[0, 4]} wrap>
      {causes.map((tag) => (
        <Tag
          key={tag.cause}
          color={CAUSE_COLORS[tag.cause]}
          title={tag.isPrimary ? "主要原因" : undefined}
        >
          {causeText(tag)}
          {tag.isPrimary && causes.length > 1 ? "（主）" : ""}
        </Tag>
      ))}
    </Space>
  );
}
