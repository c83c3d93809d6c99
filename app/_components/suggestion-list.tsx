"use client";

import { CheckOutlined } from "@ant-design/icons";
import { Button, Flex, Progress, Tag, Typography } from "antd";
import {
  CAUSE_COLORS,
  type Cause,
  causeTagLabel,
  hasSubReasons,
  STEP_KIND_LABELS,
  type StepKind,
  type SubReason,
} from "@/db/constants";
import type { CauseTag } from "@/server/schemas/enquiries";
import { TAG_COLORS } from "./tag-colors";

export type SuggestionView = {
  cause: Cause;
  subReason: SubReason | null;
  score: number;
  reason: string;
  steps: readonly StepKind[];
};

export const sameCause = (tag: Pick<CauseTag, "cause" | "subReason">, s: SuggestionView) =>
  tag.cause === s.cause && (tag.subReason ?? null) === (s.subReason ?? null);

// Adds the suggested cause to a cause set (or sets its sub-reason); the first cause of an
// empty set becomes the primary one, as in the cause editor.
export function withSuggestedCause(tags: readonly CauseTag[], s: SuggestionView): CauseTag[] {
  const subReason = hasSubReasons(s.cause) ? s.subReason : null;
  if (tags.some((tag) => tag.cause === s.cause)) {
    return tags.map((tag) => (tag.cause === s.cause ? { ...tag, subReason } : tag));
  }
  return [...tags, { cause: s.cause, subReason, isPrimary: tags.length === 0 }];
}

// Ranked suggestions, each with its score, the reason in the member's terms and the steps it
// leads to. "采纳" only tags the cause after the caseworker clicks it.
export function SuggestionList({
  suggestions,
  adopted,
  onAdopt,
  adopting,
  emptyText,
}: {
  suggestions: readonly SuggestionView[];
  adopted: (s: SuggestionView) => boolean;
  onAdopt?: (s: SuggestionView) => void;
  adopting?: boolean;
  emptyText: string;
}) {
  if (suggestions.length === 0) {
    return <Typography.Text type="secondary">{emptyText}</Typography.Text>;
  }
  return (
    <ol aria-label="研判建议" style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {suggestions.map((s, index) => {
        const label = causeTagLabel(s);
        const isAdopted = adopted(s);
        return (
          <li
            key={`${s.cause}:${s.subReason ?? ""}`}
            aria-label={`建议${index + 1}：${label}`}
            style={{ padding: "10px 0", borderTop: index > 0 ? "1px solid #f0f0f0" : undefined }}
          >
            <Flex gap={8} align="center" wrap>
              <Typography.Text type="secondary">{index + 1}.</Typography.Text>
              <Tag color={CAUSE_COLORS[s.cause]}>{label}</Tag>
              <Progress
                percent={s.score}
                size="small"
                style={{ width: 120, margin: 0 }}
                format={(value) => `${value}分`}
                aria-label={`可能性评分 ${s.score}`}
              />
              <span style={{ marginLeft: "auto" }}>
                {isAdopted ? (
                  <Tag icon={<CheckOutlined />} color={TAG_COLORS.done}>
                    已采纳
                  </Tag>
                ) : (
                  onAdopt && (
                    <Button
                      size="small"
                      loading={adopting}
                      onClick={() => onAdopt(s)}
                      aria-label={`采纳 ${label}`}
                    >
                      采纳
                    </Button>
                  )
                )}
              </span>
            </Flex>
            <Typography.Paragraph style={{ margin: "4px 0" }}>{s.reason}</Typography.Paragraph>
            <Typography.Text type="secondary">
              建议步骤：{s.steps.map((step) => STEP_KIND_LABELS[step]).join(" → ")}
            </Typography.Text>
          </li>
        );
      })}
    </ol>
  );
}
