"use client";

import { Alert, Button, Empty, Flex, Segmented, Skeleton, Spin } from "antd";
import { type ReactNode, useState } from "react";

// What every chart card shows around its content: a skeleton until the first answer, the
// previous picture (dimmed) while a new filter loads, an error with 重试, an empty state, and
// the 图表 / 表格 switch that gives screen-reader and keyboard users the same numbers.

export type ChartState = {
  refreshing?: boolean;
  error?: string | null;
  onRetry?: () => void;
};

type QueryLike = {
  isFetching: boolean;
  error: { message: string } | null;
  refetch: () => unknown;
};

export function chartState(query: QueryLike): ChartState {
  return {
    refreshing: query.isFetching,
    error: query.error?.message ?? null,
    onRetry: () => void query.refetch(),
  };
}

export const EMPTY_TEXT = "所选条件下暂无数据";

type View = "chart" | "table";

export function ChartFrame({
  state,
  ready,
  empty,
  chart,
  table,
  skeletonRows = 6,
}: {
  state: ChartState;
  // False until the first answer arrives (then a skeleton, or the error alone).
  ready: boolean;
  empty: boolean;
  chart: ReactNode;
  // Absent when the chart is itself an accessible table (the heatmap) or plain figures.
  table?: () => ReactNode;
  skeletonRows?: number;
}) {
  const [view, setView] = useState<View>("chart");
  const errorAlert = state.error ? (
    <Alert
      type="error"
      showIcon
      title="数据加载失败"
      description={state.error}
      action={
        state.onRetry && (
          <Button size="small" autoInsertSpace={false} onClick={state.onRetry}>
            重试
          </Button>
        )
      }
    />
  ) : null;

  if (!ready) {
    return (
      errorAlert ?? (
        <div aria-busy="true">
          <Skeleton active title={false} paragraph={{ rows: skeletonRows }} />
        </div>
      )
    );
  }
  if (empty) {
    return (
      <Flex vertical gap={12}>
        {errorAlert}
        <Empty description={EMPTY_TEXT} />
      </Flex>
    );
  }
  return (
    <Flex vertical gap={12}>
      {errorAlert}
      {table && (
        <Segmented<View>
          aria-label="显示方式"
          size="small"
          style={{ alignSelf: "flex-end" }}
          value={view}
          onChange={setView}
          options={[
            { value: "chart", label: "图表" },
            { value: "table", label: "表格" },
          ]}
        />
      )}
      <Spin spinning={Boolean(state.refreshing)} description="更新中">
        {table && view === "table" ? table() : chart}
      </Spin>
    </Flex>
  );
}
