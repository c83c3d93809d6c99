"use client";

import { Button, Result } from "antd";

// Reached when the page itself fails (for example the session check); a failed list request is
// shown inside the page with its own 重试 button instead.
export default function EnquiriesError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : null;
  return (
    <Result
      status="error"
      title="页面加载失败"
      subTitle={digest ? `请稍后重试（错误编号：${digest}）` : "请稍后重试"}
      extra={
        <Button type="primary" onClick={() => retry()}>
          重新加载
        </Button>
      }
    />
  );
}
