"use client";

import { useQuery } from "@tanstack/react-query";
import { Card, Col, Flex, Row, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { AnalyticsFilters } from "./analytics-filters";
import { ByMonthCard } from "./by-month-card";
import { ByRegionCard } from "./by-region-card";
import { CauseShareCard } from "./cause-share-card";
import { ExportMenu } from "./export-menu";
import { HeatmapCard } from "./heatmap-card";
import { KpiTiles } from "./kpi-tiles";
import { PolicyEventsCard } from "./policy-events-card";
import { SpikesCard } from "./spikes-card";
import { TriageAcceptanceCard } from "./triage-acceptance-card";
import { TriageFirstMatchCard } from "./triage-first-match-card";
import { useAnalyticsFilter } from "./use-analytics-filter";

// Every section reads the one filter from the URL and fetches on its own, so a slow or failed
// chart never holds up the others.
export function AnalyticsDashboard({
  scopeLabel,
  canEditPolicyEvents = false,
}: {
  scopeLabel: string;
  canEditPolicyEvents?: boolean;
}) {
  const trpc = useTRPC();
  const regions = useQuery(trpc.regions.options.queryOptions());
  const { filter, apply, reset } = useAnalyticsFilter();

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={16} wrap>
        <div>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
            统计分析
          </Typography.Title>
          <Typography.Text type="secondary">
            管辖范围：{scopeLabel} · 统计月份 {filter.from} 至 {filter.to}（北京时间）
          </Typography.Text>
        </div>
        <ExportMenu filter={filter} />
      </Flex>

      <Card size="small">
        <AnalyticsFilters filter={filter} regions={regions.data} onChange={apply} onReset={reset} />
      </Card>

      <KpiTiles filter={filter} />

      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <ByMonthCard filter={filter} />
        </Col>
        <Col xs={24}>
          <SpikesCard filter={filter} />
        </Col>
        {canEditPolicyEvents && (
          <Col xs={24}>
            <PolicyEventsCard />
          </Col>
        )}
        <Col xs={24} xl={10}>
          <CauseShareCard filter={filter} />
        </Col>
        <Col xs={24} xl={14}>
          <ByRegionCard
            filter={filter}
            regions={regions.data}
            onRegion={(regionCode) => apply({ ...filter, regionCode })}
          />
        </Col>
        <Col xs={24}>
          <HeatmapCard filter={filter} />
        </Col>
        <Col xs={24} xl={14}>
          <TriageAcceptanceCard filter={filter} />
        </Col>
        <Col xs={24} xl={10}>
          <TriageFirstMatchCard filter={filter} />
        </Col>
      </Row>
    </Flex>
  );
}
