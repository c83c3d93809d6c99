"use client";

import { Table, type TableColumnsType, Typography } from "antd";
import Link from "next/link";
import type { ReactNode } from "react";
import { CauseTags, PriorityTag, StatusTag } from "@/app/_components/enquiry-tags";
import { formatDate, formatDateTime } from "@/app/_components/format";
import { SYMPTOM_LABELS } from "@/db/constants";
import type { RouterOutputs } from "@/server/api/root";
import { isOverdue } from "@/server/rules/enquiry-status";
import { formatFen } from "@/server/rules/money";
import { RecheckDate } from "./recheck-date";

export type EnquiryRow = RouterOutputs["enquiries"]["list"]["items"][number];

// An order not signed for within the region's limit is flagged until someone signs it.
const signOverdue = (row: EnquiryRow, now: number) =>
  row.status === "awaiting_sign" && row.signDueAt !== null && row.signDueAt.getTime() < now;

function columns(now: number): TableColumnsType<EnquiryRow> {
  return [
    {
      title: "编号",
      dataIndex: "id",
      // Wide enough for a hotline's number (XA20261206000123) on one line.
      width: 140,
      render: (id: number, row) => (
        <>
          <Link href={`/enquiries/${id}`}>#{id}</Link>
          {row.externalNumber && (
            <div style={{ fontSize: 12 }}>
              <Typography.Text type="secondary">{row.externalNumber}</Typography.Text>
            </div>
          )}
        </>
      ),
    },
    {
      title: "受理时间",
      dataIndex: "openedAt",
      width: 150,
      render: (openedAt: Date) => formatDateTime(openedAt),
    },
    {
      title: "参保人",
      key: "member",
      width: 170,
      render: (_, row) =>
        row.memberName === null ? (
          // A hotline order whose caller is not identified yet.
          <>
            <Typography.Text type="warning">待识别参保人</Typography.Text>
            <div style={{ fontSize: 12 }}>来电人 {row.callerName ?? "—"}</div>
          </>
        ) : (
          <>
            <div>{row.memberName}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.memberIdNumberMasked}
            </Typography.Text>
          </>
        ),
    },
    {
      title: "反映问题",
      key: "symptom",
      width: 220,
      render: (_, row) => (
        <>
          <div>{SYMPTOM_LABELS[row.symptom]}</div>
          <Typography.Text
            type="secondary"
            style={{ fontSize: 12, maxWidth: 200 }}
            ellipsis={{ tooltip: row.description }}
          >
            {row.description}
          </Typography.Text>
        </>
      ),
    },
    {
      title: "原因分类",
      dataIndex: "causes",
      width: 180,
      render: (causes: EnquiryRow["causes"]) => <CauseTags causes={causes} />,
    },
    {
      title: "状态",
      key: "status",
      width: 130,
      render: (_, row) => (
        <>
          <StatusTag status={row.status} />
          <PriorityTag priority={row.priority} />
        </>
      ),
    },
    { title: "地区", dataIndex: "regionName", width: 110 },
    {
      title: "经办人",
      dataIndex: "assigneeName",
      width: 100,
      render: (name: string | null) =>
        name ?? <Typography.Text type="secondary">待分配</Typography.Text>,
    },
    {
      title: "到期",
      key: "dueAt",
      width: 130,
      render: (_, row) => (
        <>
          {isOverdue(row.status, row.dueAt, now) ? (
            // Colour alone would not reach every reader, so overdue is also said in words.
            <Typography.Text type="danger">{formatDate(row.dueAt)}（已逾期）</Typography.Text>
          ) : (
            formatDate(row.dueAt)
          )}
          {row.status === "suspended" && <div style={{ fontSize: 12 }}>已挂起，时限暂停</div>}
          {signOverdue(row, now) && (
            <div style={{ fontSize: 12 }}>
              <Typography.Text type="danger">签收已超时</Typography.Text>
            </div>
          )}
          {row.recheckDueOn && (
            <div style={{ fontSize: 12 }}>
              复查 <RecheckDate day={row.recheckDueOn} />
            </div>
          )}
        </>
      ),
    },
    {
      title: "涉及金额",
      dataIndex: "disputedAmountFen",
      width: 130,
      align: "right",
      render: (fen: number | null) => (fen === null ? "—" : formatFen(fen)),
    },
  ];
}

export function EnquiryTable({
  rows,
  loading,
  empty,
}: {
  rows: EnquiryRow[];
  loading: boolean;
  empty: ReactNode;
}) {
  return (
    <Table<EnquiryRow>
      aria-label="咨询工单列表"
      rowKey="id"
      columns={columns(Date.now())}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 1300 }}
      locale={{ emptyText: empty }}
    />
  );
}
