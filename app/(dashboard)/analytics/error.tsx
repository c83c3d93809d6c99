"use client";

import { Button, Result } from "antd";

// Reached when the page itself fails (for example the session check); a chart whose query fails
// shows its own 重试 inside its card instead.
export default function AnalyticsError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : null;
  return (
    <Result
      status="error"
      title="统计数据加载失败"
      subTitle={digest ? `请稍后重试（错误编号：${digest}）` : "请稍后重试"}
      extra={
        <Button type="primary" autoInsertSpace={false} onClick={() => retry()}>
          重试
        </Button>
      }
    />
  );
}
