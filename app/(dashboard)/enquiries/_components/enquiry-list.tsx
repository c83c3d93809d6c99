"use client";

import { PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Empty, Flex, Typography } from "antd";
import { useMemo } from "react";
import { LoadMore } from "@/app/_components/load-more";
import { useUrlFilters } from "@/app/_components/use-url-filters";
import { useTRPC, useTRPCClient } from "@/app/_trpc/client";
import type { Role } from "@/db/constants";
import { EnquiryFiltersBar } from "./enquiry-filters";
import { EnquiryTable } from "./enquiry-table";
import { LinkButton } from "./link-button";
import { ListViews } from "./list-views";
import {
  EMPTY_FILTERS,
  hasActiveFilters,
  parseFilters,
  toListInput,
  toQueryString,
} from "./search-params";

export function EnquiryList({ role }: { role: Role }) {
  const trpc = useTRPC();
  const trpcClient = useTRPCClient();
  const { filters, apply } = useUrlFilters(parseFilters, toQueryString);
  const filtered = hasActiveFilters(filters);
  const clear = () => apply({ ...EMPTY_FILTERS, sort: filters.sort });

  // Each filter set is its own query key, so a change starts again from the first page; the
  // previous rows stay on screen, dimmed, until the new ones arrive. The page is fetched with the
  // plain client because tRPC's infiniteQueryOptions adds `direction` to the input, which the
  // strict list schema rejects; the key is still tRPC's, so invalidating enquiries.list works.
  const input = toListInput(filters);
  const list = useInfiniteQuery({
    queryKey: trpc.enquiries.list.infiniteQueryKey(input),
    queryFn: ({ pageParam, signal }) =>
      trpcClient.enquiries.list.query({ ...input, cursor: pageParam }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const { sort: _sort, ...countInput } = input;
  const count = useQuery({
    ...trpc.enquiries.count.queryOptions(countInput),
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const memberName = rows.find((row) => row.memberId === filters.member)?.memberName;

  // The 已转出 view alone says what it would hold rather than that filters match nothing.
  const onlyTransferred = toQueryString({ ...filters, sort: "newest" }) === "transferred=out";
  const emptyText = onlyTransferred
    ? "还没有转办至其他地区的工单"
    : filtered
      ? "没有符合条件的咨询工单"
      : "暂无咨询工单";
  const empty = list.isPending ? (
    <div style={{ height: 160 }} />
  ) : (
    <Empty description={emptyText}>
      {filtered && <Button onClick={clear}>{onlyTransferred ? "查看全部工单" : "清除筛选"}</Button>}
    </Empty>
  );

  const errorAlert = list.isError && (
    <Alert
      type="error"
      showIcon
      title="咨询工单加载失败"
      description={list.error.message}
      action={
        <Button
          size="small"
          autoInsertSpace={false}
          onClick={() => void (list.isFetchNextPageError ? list.fetchNextPage() : list.refetch())}
        >
          重试
        </Button>
      }
    />
  );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          咨询工单
        </Typography.Title>
        {role === "caseworker" && (
          <LinkButton type="primary" icon={<PlusOutlined />} href="/enquiries/new">
            新建咨询
          </LinkButton>
        )}
        {role === "manager" && (
          <LinkButton type="primary" icon={<PlusOutlined />} href="/enquiries/dispatch">
            登记派单
          </LinkButton>
        )}
      </Flex>

      <ListViews filters={filters} onChange={apply} />

      <Card size="small">
        <EnquiryFiltersBar
          filters={filters}
          role={role}
          onChange={apply}
          onReset={() => apply(EMPTY_FILTERS)}
        />
      </Card>

      {filters.member !== undefined && (
        <Alert
          type="info"
          showIcon
          title={`仅显示参保人 ${memberName ?? `#${filters.member}`} 的咨询工单`}
          action={
            <Button size="small" onClick={() => apply({ ...filters, member: undefined })}>
              显示全部参保人
            </Button>
          }
        />
      )}

      {list.isError && !list.data ? (
        errorAlert
      ) : (
        <>
          <Typography.Text type="secondary" aria-live="polite">
            {count.data &&
              list.data &&
              `${count.data.capped ? "超过" : "共"} ${count.data.total.toLocaleString("zh-CN")} 件${
                rows.length > 0 ? `，已显示 ${rows.length.toLocaleString("zh-CN")} 件` : ""
              }`}
          </Typography.Text>
          <EnquiryTable
            rows={rows}
            loading={list.isFetching && !list.isFetchingNextPage}
            empty={empty}
          />
          {errorAlert}
          {list.hasNextPage && !list.isFetchNextPageError && <LoadMore list={list} />}
        </>
      )}
    </Flex>
  );
}
