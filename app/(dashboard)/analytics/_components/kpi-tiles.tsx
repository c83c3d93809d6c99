"use client";

import { QuestionCircleOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Col, Row, Statistic, Tooltip, Typography } from "antd";
import type { ReactNode } from "react";
import { ChartFrame, chartState } from "@/app/_components/chart-frame";
import { formatCount, formatPercent } from "@/app/_components/percent";
import { useTRPC } from "@/app/_trpc/client";
import type { AnalyticsFilter, KpiResult } from "@/server/schemas/analytics";
import { SectionCard } from "./section-card";

// Two days and more read better in days; below that, hours are what a caseworker plans with.
export function formatDuration(hours: number | null): string {
  if (hours == null) return "—";
  if (hours >= 48) return `${(hours / 24).toFixed(1)} 天`;
  return `${hours < 10 ? hours.toFixed(1) : Math.round(hours)} 小时`;
}

export function formatChange(change: number | null): string {
  if (change == null) return "—";
  if (change === 0) return "持平";
  return `${change > 0 ? "▲" : "▼"} ${formatPercent(Math.abs(change))}`;
}

function Tile({
  title,
  help,
  value,
  note,
}: {
  title: string;
  help: string;
  value: string;
  note?: ReactNode;
}) {
  return (
    <Col flex="1 1 180px">
      <Statistic
        title={
          <>
            {title}
            <Tooltip title={help}>
              {/* A button, so the explanation also opens on keyboard focus. */}
              <Button
                type="text"
                size="small"
                aria-label={`${title}说明：${help}`}
                icon={<QuestionCircleOutlined />}
              />
            </Tooltip>
          </>
        }
        value={value}
      />
      {note && <Typography.Text type="secondary">{note}</Typography.Text>}
    </Col>
  );
}

function Tiles({ kpis }: { kpis: KpiResult }) {
  return (
    <Row gutter={[24, 16]}>
      <Tile
        title="咨询量"
        help="统计月份内受理的咨询工单数，每件工单计一次；与紧邻的前一段等长时间相比"
        value={formatCount(kpis.enquiries)}
        note={`较上期 ${formatChange(kpis.change)}（上期 ${formatCount(kpis.previousEnquiries)} 件）`}
      />
      <Tile
        title="待办积压"
        help="目前尚未办结（待处理、处理中、待复查）的工单数，不论受理月份"
        value={formatCount(kpis.openBacklog)}
      />
      <Tile
        title="办结时长中位数"
        help="统计月份内受理并已办结的工单，从受理到办结所用时间的中位数：一半快于此值，一半慢于此值"
        value={formatDuration(kpis.medianResolveHours)}
      />
      <Tile
        title="按期办结率"
        help="统计月份内受理并已办结的工单中，在办结期限内办结的比例"
        value={formatPercent(kpis.onTimeShare)}
      />
      <Tile
        title="回访满意度"
        help="统计月份内受理并已回访的工单中，评价为满意或基本满意的比例"
        value={formatPercent(kpis.satisfactionRate)}
      />
    </Row>
  );
}

export function KpiTiles({ filter }: { filter: AnalyticsFilter }) {
  const trpc = useTRPC();
  const kpis = useQuery(
    trpc.analytics.kpis.queryOptions(filter, { placeholderData: keepPreviousData }),
  );
  return (
    <SectionCard
      testId="kpi-tiles"
      title="关键指标"
      hint="按工单计数，每件工单只计一次；筛选原因时按工单的主要原因归类。"
    >
      <ChartFrame
        state={chartState(kpis)}
        ready={kpis.data !== undefined}
        empty={false}
        skeletonRows={2}
        chart={kpis.data && <Tiles kpis={kpis.data} />}
      />
    </SectionCard>
  );
}
