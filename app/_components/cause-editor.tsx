"use client";

import { Checkbox, Radio, Select, Space, Typography } from "antd";
import { toOptions } from "@/app/_components/filter-controls";
import { CAUSES, type Cause, OTHER_SUB_REASONS, type OtherSubReason } from "@/db/constants";
import type { CauseTag } from "@/server/schemas/enquiries";

// Picks one or more causes, the primary among them, and the sub-reason 其他 needs. Works as a
// controlled antd form field (value / onChange).
export function CauseEditor({
  value = [],
  onChange,
}: {
  value?: CauseTag[];
  onChange?: (next: CauseTag[]) => void;
}) {
  const selected = value.map((tag) => tag.cause);
  const primary = value.find((tag) => tag.isPrimary)?.cause;
  const other = value.find((tag) => tag.cause === "other");

  const setCauses = (causes: Cause[]) => {
    const keepPrimary = primary && causes.includes(primary) ? primary : causes[0];
    onChange?.(
      causes.map((cause) => ({
        cause,
        subReason: cause === "other" ? (other?.subReason ?? null) : null,
        isPrimary: cause === keepPrimary,
      })),
    );
  };
  const setPrimary = (cause: Cause) =>
    onChange?.(value.map((tag) => ({ ...tag, isPrimary: tag.cause === cause })));
  const setSubReason = (subReason: OtherSubReason) =>
    onChange?.(value.map((tag) => (tag.cause === "other" ? { ...tag, subReason } : tag)));

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
      {other && (
        <Select<OtherSubReason>
          aria-label="其他原因的子原因"
          placeholder="请选择「其他」的具体子原因"
          style={{ width: 280 }}
          value={other.subReason ?? undefined}
          onChange={setSubReason}
          options={toOptions(OTHER_SUB_REASONS)}
        />
      )}
    </Space>
  );
}

// The same rules as the server schema, phrased for the form field.
export function causeEditorError(tags: CauseTag[] | undefined, required: boolean): string | null {
  const list = tags ?? [];
  if (required && list.length === 0) return "请至少选择一个原因分类";
  if (list.some((tag) => tag.cause === "other" && !tag.subReason)) {
    return "选择「其他」时请选择具体子原因";
  }
  return null;
}
