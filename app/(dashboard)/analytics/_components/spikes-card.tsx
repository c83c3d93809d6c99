"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Button, Table, Tag } from "antd";
import Link from "next/link";
import { formatCount } from "@/app/_components/percent";
import { TAG_COLORS } from "@/app/_components/tag-colors";
import { useTRPC } from "@/app/_trpc/client";
import { CAUSE_COLORS, CAUSE_LABELS } from "@/db/constants";
import type { AnalyticsFilter, SpikeResult } from "@/server/schemas/analytics";
import { drillDownQueryString } from "@/server/schemas/analytics-params";
import { SectionCard } from "./section-card";

type Row = SpikeResult["rows"][number];

const ratioText = (row: Row) =>
  row.baseline > 0 ? `${(row.count / row.baseline).toFixed(1)} 倍` : "此前为 0";

// 异常波动: months in which a cause jumped in one city, e.g. a data-sync incident behind a burst
// of 系统延迟 enquiries. Each count opens the enquiries behind it.
export function SpikesCard({ filter }: { filter: AnalyticsFilter }) {
  const trpc = useTRPC();
  const spikes = useQuery(
    trpc.analytics.spikes.queryOptions(filter, { placeholderData: keepPreviousData }),
  );
  const linkFor = (row: Row) =>
    `/enquiries?${drillDownQueryString(filter, {
      month: row.month,
      regionCode: row.regionCode,
      cause: row.cause,
    })}`;

  return (
    <SectionCard
      testId="spikes"
      title="异常波动"
      hint="各地市每月各原因的咨询量，与此前 6 个月相比明显偏高时列出：超过中位数加 3 倍离散度（按中位数绝对偏差计），且不少于 8 件、不低于中位数的 2 倍。当月该地区有政策节点（如医保年度切换）的，标为“政策节点”，属已知的政策影响。点击数量可查看对应工单。"
    >
      {spikes.isError ? (
        <Alert
          type="error"
          showIcon
          title="异常波动加载失败"
          description={spikes.error.message}
          action={
            <Button size="small" autoInsertSpace={false} onClick={() => void spikes.refetch()}>
              重试
            </Button>
          }
        />
      ) : (
        <Table<Row>
          size="small"
          rowKey={(row) => `${row.month}|${row.regionCode}|${row.cause}`}
          loading={spikes.isFetching}
          dataSource={spikes.data?.rows ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: spikes.isPending ? "加载中" : "所选条件下未发现异常波动" }}
          columns={[
            { title: "月份", dataIndex: "month" },
            { title: "地区", dataIndex: "regionName" },
            {
              title: "性质",
              dataIndex: "policyMarker",
              render: (_, row) =>
                row.policyMarker ? (
                  <Tag color={TAG_COLORS.warning}>政策节点：{row.policyMarker}</Tag>
                ) : (
                  <Tag color={TAG_COLORS.alert}>异常</Tag>
                ),
            },
            {
              title: "原因",
              dataIndex: "cause",
              render: (_, row) => (
                <Tag color={CAUSE_COLORS[row.cause]}>{CAUSE_LABELS[row.cause]}</Tag>
              ),
            },
            {
              title: "咨询量",
              dataIndex: "count",
              align: "right",
              render: (_, row) => (
                <Link
                  href={linkFor(row)}
                  aria-label={`查看${row.regionName}${row.month}${CAUSE_LABELS[row.cause]}的 ${row.count} 件工单`}
                >
                  {formatCount(row.count)}
                </Link>
              ),
            },
            {
              title: "前 6 个月中位数",
              dataIndex: "baseline",
              align: "right",
              render: (_, row) => formatCount(row.baseline),
            },
            { title: "倍数", key: "ratio", align: "right", render: (_, row) => ratioText(row) },
          ]}
        />
      )}
    </SectionCard>
  );
}
