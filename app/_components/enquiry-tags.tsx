import { Space, Tag } from "antd";
import {
  CAUSE_COLORS,
  type Cause,
  causeTagLabel,
  ENQUIRY_STATUS_LABELS,
  type EnquiryStatus,
  PRIORITY_LABELS,
  type Priority,
  type SubReason,
} from "@/db/constants";

// Dark enough that tag text on its light tint passes WCAG AA contrast.
const STATUS_COLORS: Record<EnquiryStatus, string> = {
  awaiting_sign: "#ad4e00",
  open: "#ad4e00",
  in_progress: "#0958d9",
  awaiting_recheck: "#531dab",
  suspended: "#874d00",
  return_review: "#a8071a",
  return_submitted: "#a8071a",
  resolved: "#237804",
  followed_up: "#595959",
  withdrawn: "#595959",
};

export function StatusTag({ status }: { status: EnquiryStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{ENQUIRY_STATUS_LABELS[status]}</Tag>;
}

export function PriorityTag({ priority }: { priority: Priority }) {
  return priority === "urgent" ? <Tag color="#cf1322">{PRIORITY_LABELS.urgent}</Tag> : null;
}

type CauseTagValue = { cause: Cause; subReason: SubReason | null; isPrimary: boolean };

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
          {causeTagLabel(tag)}
          {tag.isPrimary && causes.length > 1 ? "（主）" : ""}
        </Tag>
      ))}
    </Space>
  );
}
