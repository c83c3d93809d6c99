"use client";

import { Table, type TableColumnsType, Tag, Typography } from "antd";
import { formatDateTime } from "@/app/_components/format";
import { InForceTag, VerifiedTag } from "./marks";
import type { SettingRow, VersionRow } from "./types";

// The light green behind the version in force, the same tint antd gives success states.
const IN_FORCE_BACKGROUND = "#f6ffed";

function status(version: VersionRow, today: string) {
  if (version.inForce) return <InForceTag />;
  if (version.effectiveFrom > today) return <Tag>待生效</Tag>;
  return <Typography.Text type="secondary">已被取代</Typography.Text>;
}

// Every version of one setting stored at the page's level, newest first. Rows from the
// migrations and the demo data have no author.
export function VersionHistory({
  row,
  today,
  levelName,
}: {
  row: SettingRow;
  today: string;
  levelName: string;
}) {
  if (row.versions.length === 0) {
    return (
      <Typography.Text type="secondary">
        {levelName}尚无此参数的版本，当前沿用{row.current.from}的设置。
      </Typography.Text>
    );
  }
  const columns: TableColumnsType<VersionRow> = [
    { title: "状态", key: "status", width: 100, render: (_, version) => status(version, today) },
    { title: "生效日期", dataIndex: "effectiveFrom", width: 110 },
    { title: "参数值", dataIndex: "text" },
    { title: "来源说明", dataIndex: "sourceNote" },
    {
      title: "核实",
      dataIndex: "verified",
      width: 130,
      render: (verified: boolean) => <VerifiedTag verified={verified} />,
    },
    {
      title: "添加人",
      dataIndex: "createdByName",
      width: 110,
      render: (name: string | null) => name ?? "系统初始数据",
    },
    {
      title: "添加时间（北京时间）",
      dataIndex: "createdAt",
      width: 160,
      render: (at: Date) => formatDateTime(at),
    },
  ];
  return (
    <Table<VersionRow>
      size="small"
      rowKey="id"
      caption={`${levelName}「${row.label}」的版本记录`}
      columns={columns}
      dataSource={row.versions}
      pagination={false}
      onRow={(version) =>
        version.inForce
          ? { style: { background: IN_FORCE_BACKGROUND }, "aria-current": "true" }
          : {}
      }
    />
  );
}
