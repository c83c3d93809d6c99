"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Table, Tag } from "antd";
import { formatCount, formatPercent } from "@/app/_components/percent";
import { errorMessage } from "@/app/_components/trpc-error";
import { useTRPC } from "@/app/_trpc/client";
import { CAUSE_COLORS, CAUSE_LABELS } from "@/db/constants";
import type { AnalyticsFilter } from "@/server/schemas/analytics";
import { SectionCard } from "./section-card";

// How often caseworkers keep the cause the triage rules suggested at filing. A low rate for a
// cause says its rule needs another look, not that caseworkers are wrong.
export function TriageAcceptanceCard({ filter }: { filter: AnalyticsFilter }) {
  const trpc = useTRPC();
  const acceptance = useQuery(
    trpc.analytics.triageAcceptance.queryOptions(filter, { placeholderData: keepPreviousData }),
  );
  return (
    <SectionCard
      testId="triage-acceptance"
      title="研判建议采纳率"
      hint="受理时系统给出的原因建议中，最终被标为工单原因的比例（随后修改原因分类也会计入）。"
    >
      {acceptance.isError ? (
        <Alert type="error" showIcon title={errorMessage(acceptance.error)} />
      ) : (
        <Table
          size="small"
          rowKey="cause"
          pagination={false}
          loading={acceptance.isLoading}
          dataSource={acceptance.data ?? []}
          locale={{ emptyText: "所选范围内暂无研判记录" }}
          columns={[
            {
              title: "原因",
              dataIndex: "cause",
              render: (cause: keyof typeof CAUSE_LABELS) => (
                <Tag color={CAUSE_COLORS[cause]}>{CAUSE_LABELS[cause]}</Tag>
              ),
            },
            { title: "建议次数", dataIndex: "suggested", align: "right", render: formatCount },
            { title: "采纳次数", dataIndex: "accepted", align: "right", render: formatCount },
            { title: "采纳率", dataIndex: "rate", align: "right", render: formatPercent },
            {
              title: "排第一时采纳率",
              key: "top",
              align: "right",
              render: (_: unknown, row) =>
                formatPercent(row.topSuggested === 0 ? null : row.topAccepted / row.topSuggested),
            },
          ]}
        />
      )}
    </SectionCard>
  );
}
