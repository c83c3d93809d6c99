"use client";

import { PageError } from "../../_components/page-error";

export default function AdminError(props: { error: unknown; retry: () => void }) {
  return <PageError {...props} title="页面加载失败" />;
}
