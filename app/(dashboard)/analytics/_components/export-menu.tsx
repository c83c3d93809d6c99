"use client";

import { DownloadOutlined, DownOutlined } from "@ant-design/icons";
import { Button, Dropdown, Space } from "antd";
import type { AnalyticsFilter } from "@/server/schemas/analytics";
import { analyticsQueryString } from "@/server/schemas/analytics-params";

const EXPORTS = [
  { key: "aggregate-csv", file: "aggregate.csv", label: "导出汇总表（CSV）" },
  { key: "aggregate-xlsx", file: "aggregate.xlsx", label: "导出汇总表（Excel）" },
  { key: "enquiries-csv", file: "enquiries.csv", label: "导出工单明细（CSV）" },
  { key: "enquiries-xlsx", file: "enquiries.xlsx", label: "导出工单明细（Excel）" },
] as const;

// Downloads are plain links with the dashboard's own query string, so the file holds exactly
// the figures on screen. A menu item chosen with the keyboard does not follow the link inside
// it, so Enter starts the same download by address.
export function ExportMenu({ filter }: { filter: AnalyticsFilter }) {
  const query = analyticsQueryString(filter);
  const hrefOf = (file: string) => `/api/export/${file}?${query}`;
  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        items: EXPORTS.map((item) => ({
          key: item.key,
          label: (
            <a href={hrefOf(item.file)} download>
              {item.label}
            </a>
          ),
        })),
        onClick: ({ key, domEvent }) => {
          const item = EXPORTS.find((entry) => entry.key === key);
          if (item && domEvent.type === "keydown") window.location.assign(hrefOf(item.file));
        },
      }}
    >
      <Button icon={<DownloadOutlined />}>
        <Space size={4}>
          导出
          <DownOutlined />
        </Space>
      </Button>
    </Dropdown>
  );
}
