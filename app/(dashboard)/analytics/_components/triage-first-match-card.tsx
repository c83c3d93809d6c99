"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Table } from "antd";
import { formatCount, formatPercent } from "@/app/_components/percent";
import { errorMessage } from "@/app/_components/trpc-error";
import { useTRPC } from "@/app/_trpc/client";
import type { AnalyticsFilter } from "@/server/schemas/analytics";
import { SectionCard } from "./section-card";

// By month, how often the suggestion ranked first named the cause (and sub-reason) the enquiry
// ended up with as its primary one: the figure the triage rules are measured by.
export function TriageFirstMatchCard({ filter }: { filter: AnalyticsFilter }) {
  const trpc = useTRPC();
  const firstMatch = useQuery(
    trpc.analytics.triageFirstMatch.queryOptions(filter, { placeholderData: keepPreviousData }),
  );
  return (
    <SectionCard
      testId="triage-first-match"
      title="首位建议命中率（按月）"
      hint="受理时排第一的原因建议，与工单最终主要原因（含子原因）一致的工单占比。"
    >
      {firstMatch.isError ? (
        <Alert type="error" showIcon title={errorMessage(firstMatch.error)} />
      ) : (
        <Table
          size="small"
          rowKey="month"
          pagination={false}
          loading={firstMatch.isLoading}
          dataSource={firstMatch.data ?? []}
          locale={{ emptyText: "所选范围内暂无研判记录" }}
          columns={[
            { title: "月份", dataIndex: "month" },
            { title: "有建议的工单", dataIndex: "enquiries", align: "right", render: formatCount },
            { title: "首位命中", dataIndex: "matched", align: "right", render: formatCount },
            { title: "命中率", dataIndex: "rate", align: "right", render: formatPercent },
          ]}
        />
      )}
    </SectionCard>
  );
}
