"use client";

import { Checkbox, Radio, Select, Space, Typography } from "antd";
import { toOptions } from "@/app/_components/filter-controls";
import {
  CAUSE_LABELS,
  CAUSES,
  type Cause,
  choosableSubReasons,
  hasSubReasons,
  type SubReason,
} from "@/db/constants";
import { type CauseTag, subReasonIssue } from "@/server/schemas/enquiries";

// Picks one or more causes, the primary among them, and the sub-reason each cause split into
// sub-reasons needs (政策改革, 其他). Works as a controlled antd form field (value / onChange).
export function CauseEditor({
  value = [],
  onChange,
}: {
  value?: CauseTag[];
  onChange?: (next: CauseTag[]) => void;
}) {
  const selected = value.map((tag) => tag.cause);
  const primary = value.find((tag) => tag.isPrimary)?.cause;

  const setCauses = (causes: Cause[]) => {
    const keepPrimary = primary && causes.includes(primary) ? primary : causes[0];
    onChange?.(
      causes.map((cause) => ({
        cause,
        subReason: value.find((tag) => tag.cause === cause)?.subReason ?? null,
        isPrimary: cause === keepPrimary,
      })),
    );
  };
  const setPrimary = (cause: Cause) =>
    onChange?.(value.map((tag) => ({ ...tag, isPrimary: tag.cause === cause })));
  const setSubReason = (cause: Cause, subReason: SubReason) =>
    onChange?.(value.map((tag) => (tag.cause === cause ? { ...tag, subReason } : tag)));

  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Checkbox.Group
        aria-label="原因分类"
        value={selected}
        onChange={(next) => setCauses(next as Cause[])}
        options={toOptions(CAUSES)}
      />
      {value.length > 1 && (
        <Space wrap>
          <Typography.Text type="secondary">主要原因：</Typography.Text>
          <Radio.Group
            aria-label="主要原因"
            value={primary}
            onChange={(event) => setPrimary(event.target.value as Cause)}
            options={CAUSES.filter((c) => selected.includes(c.code)).map((c) => ({
              value: c.code,
              label: c.label,
            }))}
          />
        </Space>
      )}
      {value
        .filter((tag) => hasSubReasons(tag.cause))
        .map((tag) => (
          <Select<SubReason>
            key={tag.cause}
            aria-label={`${CAUSE_LABELS[tag.cause]}的子原因`}
            placeholder={`请选择「${CAUSE_LABELS[tag.cause]}」的具体子原因`}
            style={{ width: 280 }}
            // A tag from before the sub-reasons (未细分) shows as not chosen yet.
            value={
              choosableSubReasons(tag.cause).some((option) => option.code === tag.subReason)
                ? (tag.subReason ?? undefined)
                : undefined
            }
            onChange={(subReason) => setSubReason(tag.cause, subReason)}
            options={toOptions(choosableSubReasons(tag.cause))}
          />
        ))}
    </Space>
  );
}

// The same rules as the server schema, phrased for the form field.
export function causeEditorError(tags: CauseTag[] | undefined, required: boolean): string | null {
  const list = tags ?? [];
  if (required && list.length === 0) return "请至少选择一个原因分类";
  for (const tag of list) {
    const issue = subReasonIssue(tag);
    if (issue) return issue;
  }
  return null;
}
