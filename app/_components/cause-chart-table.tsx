"use client";

import { Table, type TableColumnsType } from "antd";
import Link from "next/link";
import { CAUSE_LABELS, type Cause } from "@/db/constants";
import type { CauseShareResult } from "@/server/schemas/analytics";
import type { CauseChartRow, CauseTarget } from "./cause-chart";
import { formatCount, formatPercent } from "./percent";

// The table view of CauseChart: the same numbers as the picture, each a link to what a click
// on the matching bar or slice opens, so the drill-down works from the keyboard too.

function CountLink({ href, count, label }: { href?: string; count: number; label: string }) {
  if (!href || count === 0) return <>{formatCount(count)}</>;
  return (
    <Link href={href} aria-label={`${label}：${formatCount(count)}，查看明细`}>
      {formatCount(count)}
    </Link>
  );
}

export function CauseSeriesTable({
  caption,
  categoryLabel,
  causes,
  rows,
  linkFor,
}: {
  caption: string;
  categoryLabel: string;
  causes: Cause[];
  rows: CauseChartRow[];
  linkFor?: (target: CauseTarget) => string;
}) {
  const columns: TableColumnsType<CauseChartRow> = [
    { title: categoryLabel, dataIndex: "label", fixed: "start", rowScope: "row" },
    ...causes.map((cause) => ({
      title: CAUSE_LABELS[cause],
      key: cause,
      align: "end" as const,
      render: (_: unknown, row: CauseChartRow) => (
        <CountLink
          href={linkFor?.({ rowKey: row.key, cause })}
          count={row.counts[cause]}
          label={`${row.label} ${CAUSE_LABELS[cause]}`}
        />
      ),
    })),
    {
      title: "合计",
      key: "total",
      align: "end",
      render: (_, row) => formatCount(causes.reduce((sum, cause) => sum + row.counts[cause], 0)),
    },
  ];
  return (
    <Table<CauseChartRow>
      caption={caption}
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: "max-content" }}
    />
  );
}

type ShareRow = CauseShareResult[number];

export function CauseShareTable({
  caption,
  shares,
  causes,
  linkFor,
}: {
  caption: string;
  shares: CauseShareResult;
  causes: Cause[];
  linkFor?: (cause: Cause) => string;
}) {
  const columns: TableColumnsType<ShareRow> = [
    {
      title: "原因分类",
      dataIndex: "cause",
      rowScope: "row",
      render: (cause: Cause) => CAUSE_LABELS[cause],
    },
    {
      title: "数量",
      dataIndex: "count",
      align: "end",
      render: (count: number, row) => (
        <CountLink href={linkFor?.(row.cause)} count={count} label={CAUSE_LABELS[row.cause]} />
      ),
    },
    { title: "占比", dataIndex: "share", align: "end", render: formatPercent },
  ];
  return (
    <Table<ShareRow>
      caption={caption}
      size="small"
      rowKey="cause"
      columns={columns}
      dataSource={shares.filter((row) => causes.includes(row.cause))}
      pagination={false}
    />
  );
}
