"use client";

import { PageError } from "../../_components/page-error";

// Reached when the page itself fails (for example the session check); a chart whose query fails
// shows its own 重试 inside its card instead.
export default function AnalyticsError(props: { error: unknown; retry: () => void }) {
  return <PageError {...props} title="统计数据加载失败" />;
}
