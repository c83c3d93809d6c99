"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Flex, Table, type TableColumnsType, Tag, Typography } from "antd";
import Link from "next/link";
import { useMemo } from "react";
import { formatDateTime } from "@/app/_components/format";
import { LoadMore } from "@/app/_components/load-more";
import { useUrlFilters } from "@/app/_components/use-url-filters";
import { useTRPC, useTRPCClient } from "@/app/_trpc/client";
import type { RouterOutputs } from "@/server/api/root";
import { AuditChange } from "./audit-change";
import { AuditFiltersBar } from "./audit-filters";
import { parseAuditFilters, toAuditInput, toAuditQuery } from "./search-params";

type AuditEventRow = RouterOutputs["auditLog"]["list"]["items"][number];

// Where an audited object can be opened.
const ENTITY_PAGES: Record<string, (id: string) => string> = {
  enquiry: (id) => `/enquiries/${id}`,
  member: (id) => `/members/${id}`,
};

const columns: TableColumnsType<AuditEventRow> = [
  {
    title: "时间",
    dataIndex: "at",
    width: 150,
    render: (at: Date) => formatDateTime(at),
  },
  {
    title: "操作人",
    key: "actor",
    width: 150,
    render: (_, row) =>
      row.actorName ? (
        <>
          <div>{row.actorName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.actorLogin}
          </Typography.Text>
        </>
      ) : (
        <Typography.Text type="secondary">系统或未识别</Typography.Text>
      ),
  },
  {
    title: "操作",
    dataIndex: "actionLabel",
    width: 130,
    render: (label: string) => <Tag>{label}</Tag>,
  },
  {
    title: "对象",
    key: "entity",
    width: 140,
    render: (_, row) => {
      const text = row.entityId ? `${row.entityLabel} #${row.entityId}` : row.entityLabel;
      const page = row.entityId ? ENTITY_PAGES[row.entity]?.(row.entityId) : undefined;
      return page ? <Link href={page}>{text}</Link> : text;
    },
  },
  {
    title: "变更内容",
    key: "change",
    render: (_, row) => <AuditChange before={row.before} after={row.after} />,
  },
  {
    title: "请求编号",
    dataIndex: "requestId",
    width: 120,
    render: (requestId: string | null) =>
      requestId ? (
        <Typography.Text
          type="secondary"
          style={{ fontSize: 12 }}
          ellipsis={{ tooltip: requestId }}
        >
          {requestId}
        </Typography.Text>
      ) : (
        "—"
      ),
  },
];

export function AuditLog() {
  const trpc = useTRPC();
  const trpcClient = useTRPCClient();
  const { filters, apply } = useUrlFilters(parseAuditFilters, toAuditQuery);
  // As on the enquiry list: the plain client fetches each page because tRPC's infinite options
  // add `direction`, which the strict input schema refuses; the query key is still tRPC's.
  const input = toAuditInput(filters);
  const list = useInfiniteQuery({
    queryKey: trpc.auditLog.list.infiniteQueryKey(input),
    queryFn: ({ pageParam, signal }) =>
      trpcClient.auditLog.list.query({ ...input, cursor: pageParam }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
        审计日志
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        每一次登录、修改和导出都记录在此，按时间从新到旧排列。审计记录只能追加，任何人都不能修改或删除。
      </Typography.Paragraph>
      <Card size="small">
        <AuditFiltersBar filters={filters} onChange={apply} />
      </Card>
      {list.isError && (
        <Alert
          type="error"
          showIcon
          title="审计日志加载失败"
          description={list.error.message}
          action={
            <Button size="small" onClick={() => void list.refetch()}>
              重试
            </Button>
          }
        />
      )}
      <Table<AuditEventRow>
        aria-label="审计日志"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={list.isFetching && !list.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: list.isPending ? " " : "没有符合条件的审计记录" }}
      />
      {list.hasNextPage && <LoadMore list={list} />}
    </Flex>
  );
}
