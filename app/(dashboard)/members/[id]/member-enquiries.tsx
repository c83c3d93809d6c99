"use client";

import { Empty, Space, Table, type TableColumnsType, Typography } from "antd";
import Link from "next/link";
import { CauseTags, PriorityTag, StatusTag } from "@/app/_components/enquiry-tags";
import { formatDateTime } from "@/app/_components/format";
import { SYMPTOM_LABELS } from "@/db/constants";
import type { RouterOutputs } from "@/server/api/root";
import { formatFen } from "@/server/rules/money";

type EnquiryListItem = RouterOutputs["enquiries"]["list"]["items"][number];

const amount = (fen: number | null) => (fen === null ? "—" : formatFen(fen));

const columns: TableColumnsType<EnquiryListItem> = [
  {
    title: "工单编号",
    dataIndex: "id",
    render: (id: number) => <Link href={`/enquiries/${id}`}>#{id}</Link>,
  },
  { title: "受理时间", dataIndex: "openedAt", render: (at: Date) => formatDateTime(at) },
  {
    title: "状态",
    key: "status",
    render: (_, enquiry) => (
      <Space size={4}>
        <StatusTag status={enquiry.status} />
        <PriorityTag priority={enquiry.priority} />
      </Space>
    ),
  },
  {
    title: "反映问题",
    dataIndex: "symptom",
    render: (symptom: EnquiryListItem["symptom"]) => SYMPTOM_LABELS[symptom],
  },
  {
    title: "原因分类",
    dataIndex: "causes",
    render: (causes: EnquiryListItem["causes"]) => <CauseTags causes={causes} />,
  },
  {
    title: "反映余额",
    dataIndex: "reportedBalanceFen",
    align: "right",
    render: amount,
  },
  {
    title: "涉及金额",
    dataIndex: "disputedAmountFen",
    align: "right",
    render: amount,
  },
  { title: "受理地区", dataIndex: "regionName" },
  {
    title: "经办人",
    dataIndex: "assigneeName",
    render: (name: string | null) => name ?? "待分配",
  },
];

export function MemberEnquiries({
  items,
  total,
  totalIsCapped,
}: {
  items: EnquiryListItem[];
  total: number;
  totalIsCapped: boolean;
}) {
  const more = total > items.length;
  return (
    <>
      <Table<EnquiryListItem>
        rowKey="id"
        caption="该参保人的咨询工单，按受理时间从新到旧"
        dataSource={items}
        columns={columns}
        pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: <Empty description="暂无咨询记录" /> }}
      />
      {more && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          共 {totalIsCapped ? `${total.toLocaleString("zh-CN")}+` : total} 条，此处显示最近{" "}
          {items.length} 条。
        </Typography.Paragraph>
      )}
    </>
  );
}
