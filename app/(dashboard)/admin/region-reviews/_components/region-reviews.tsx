"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Card,
  Flex,
  Segmented,
  Table,
  type TableColumnsType,
  Typography,
} from "antd";
import { useState } from "react";
import { formatDateTime } from "@/app/_components/format";
import { errorMessage } from "@/app/_components/trpc-error";
import { useTRPC } from "@/app/_trpc/client";
import {
  REGION_REVIEW_RESOLUTION_LABELS,
  REGION_REVIEW_STATUSES,
  type RegionReviewStatus,
} from "@/db/constants";
import { ResolveReviewModal } from "./resolve-review-modal";
import type { RegionReviewRow } from "./types";

const STATUS_OPTIONS = REGION_REVIEW_STATUSES.map((status) => ({
  value: status.code,
  label: status.label,
}));

// Registrations refused because the ID number is insured in another region. The caseworker was
// told only that an administrator will check; here the administrator sees where the member is
// insured (masked data only) and moves them or declines.
export function RegionReviews() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<RegionReviewStatus>("open");
  const [resolving, setResolving] = useState<RegionReviewRow | null>(null);
  const list = useQuery(trpc.regionReviews.list.queryOptions({ status }));
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.regionReviews.list.queryKey() });

  const columns: TableColumnsType<RegionReviewRow> = [
    { title: "提交时间", dataIndex: "requestedAt", render: (at: Date) => formatDateTime(at) },
    { title: "参保人", dataIndex: "memberName" },
    { title: "身份证号", dataIndex: "idNumberMasked" },
    { title: "现参保地", dataIndex: "memberRegionName" },
    { title: "申请录入地", dataIndex: "requestedRegionName" },
    {
      title: "提交人",
      key: "requestedBy",
      render: (_, row) => `${row.requestedByName}（${row.requestedByLogin}）`,
    },
    status === "open"
      ? {
          title: "操作",
          key: "resolve",
          render: (_, row) => (
            <Button
              size="small"
              onClick={() => setResolving(row)}
              aria-label={`处理 ${row.memberName} 的参保地核查`}
            >
              处理
            </Button>
          ),
        }
      : {
          title: "处理结果",
          key: "resolution",
          render: (_, row) =>
            `${row.resolution ? REGION_REVIEW_RESOLUTION_LABELS[row.resolution] : "—"}：${row.resolutionNote ?? ""}（${row.closedByName ?? "—"}，${formatDateTime(row.closedAt)}）`,
        },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
        参保地核查
      </Typography.Title>
      <Card>
        <Flex vertical gap={16}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            经办人员录入的身份证号已在其管辖范围外参保时，系统不告知其参保地，转由系统管理员核查：
            确认后可办理参保地变更，或不予变更。
          </Typography.Paragraph>
          <Segmented<RegionReviewStatus>
            aria-label="核查状态"
            options={STATUS_OPTIONS}
            value={status}
            onChange={setStatus}
            style={{ alignSelf: "flex-start" }}
          />
          {list.isError ? (
            <Alert type="error" showIcon role="alert" title={errorMessage(list.error)} />
          ) : (
            <Table<RegionReviewRow>
              rowKey="id"
              caption={status === "open" ? "待处理的参保地核查" : "已处理的参保地核查"}
              loading={list.isLoading}
              dataSource={list.data ?? []}
              columns={columns}
              pagination={false}
              scroll={{ x: "max-content" }}
              locale={{ emptyText: status === "open" ? "没有待处理的核查" : "没有已处理的核查" }}
            />
          )}
        </Flex>
      </Card>
      <ResolveReviewModal review={resolving} onClose={() => setResolving(null)} onDone={refresh} />
    </Flex>
  );
}
