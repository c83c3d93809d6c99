"use client";

import { Button, Result } from "antd";

// The page-level error boundary's content: what failed, the server's correlation id when there
// is one (it matches the server log line), and a way to try again.
export function PageError({
  error,
  retry,
  title,
}: {
  error: unknown;
  retry: () => void;
  title: string;
}) {
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : null;
  return (
    <Result
      status="error"
      title={title}
      subTitle={digest ? `请稍后重试（错误编号：${digest}）` : "请稍后重试"}
      extra={
        <Button type="primary" onClick={() => retry()}>
          重试
        </Button>
      }
    />
  );
}
