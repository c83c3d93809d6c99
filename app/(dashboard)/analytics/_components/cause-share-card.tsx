"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { CauseChart } from "@/app/_components/cause-chart";
import { chartState } from "@/app/_components/chart-frame";
import { useTRPC } from "@/app/_trpc/client";
import type { AnalyticsFilter } from "@/server/schemas/analytics";
import { drillDownQueryString } from "@/server/schemas/analytics-params";
import { SectionCard } from "./section-card";

export function CauseShareCard({ filter }: { filter: AnalyticsFilter }) {
  const trpc = useTRPC();
  const causeShare = useQuery(
    trpc.analytics.causeShare.queryOptions(filter, { placeholderData: keepPreviousData }),
  );
  return (
    <SectionCard
      testId="chart-cause-share"
      title="原因占比"
      hint="各原因在所选范围内所占的比例。同一工单有多个原因时分别计入各原因；点击扇区可查看对应工单。"
    >
      <CauseChart
        kind="pie"
        caption="原因占比（按原因计数）"
        causes={filter.causes}
        state={chartState(causeShare)}
        shares={causeShare.data}
        linkFor={(cause) => `/enquiries?${drillDownQueryString(filter, { cause })}`}
      />
    </SectionCard>
  );
}
