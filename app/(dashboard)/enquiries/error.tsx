"use client";

import { PageError } from "../../_components/page-error";

// Reached when the page itself fails (for example the session check); a failed list request is
// shown inside the page with its own 重试 button instead.
export default function EnquiriesError(props: { error: unknown; retry: () => void }) {
  return <PageError {...props} title="页面加载失败" />;
}
