"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Segmented } from "antd";
import { useState } from "react";
import { CauseChart } from "@/app/_components/cause-chart";
import { chartState } from "@/app/_components/chart-frame";
import { useTRPC } from "@/app/_trpc/client";
import type { AnalyticsFilter } from "@/server/schemas/analytics";
import { drillDownQueryString } from "@/server/schemas/analytics-params";
import { PolicyMarkerNote, usePolicyMarkers } from "./policy-markers";
import { SectionCard } from "./section-card";

type Shape = "bar" | "line";

export function ByMonthCard({ filter }: { filter: AnalyticsFilter }) {
  const trpc = useTRPC();
  const byMonth = useQuery(
    trpc.analytics.byMonth.queryOptions(filter, { placeholderData: keepPreviousData }),
  );
  // Stacked bars show the monthly total; lines make one cause's own trend easier to follow.
  const [shape, setShape] = useState<Shape>("bar");
  const markers = usePolicyMarkers(filter);
  return (
    <SectionCard
      testId="chart-by-month"
      title="原因分类月度趋势"
      hint="每月各原因的咨询数量。同一工单有多个原因时分别计入各原因；点击柱形可查看对应工单。"
      extra={
        <Segmented<Shape>
          aria-label="图形样式"
          size="small"
          value={shape}
          onChange={setShape}
          options={[
            { value: "bar", label: "堆叠柱状" },
            { value: "line", label: "折线" },
          ]}
        />
      }
    >
      <CauseChart
        kind={shape}
        caption="原因分类月度趋势（按原因计数）"
        categoryLabel="月份"
        causes={filter.causes}
        state={chartState(byMonth)}
        rows={byMonth.data?.rows.map((row) => ({
          key: row.month,
          label: row.month,
          counts: row.counts,
        }))}
        linkFor={({ rowKey, cause }) =>
          `/enquiries?${drillDownQueryString(filter, { month: rowKey, cause })}`
        }
        markers={markers}
      />
      <PolicyMarkerNote markers={markers} />
    </SectionCard>
  );
}
