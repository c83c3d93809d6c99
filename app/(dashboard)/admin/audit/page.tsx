import type { Metadata } from "next";
import { serverCaller } from "@/app/_trpc/server";
import { AuditLog } from "./_components/audit-log";

export const metadata: Metadata = { title: "审计日志" };

// The rows are fetched in the browser because the filters live in the URL and change without a
// page load; the router checks the administrator role on every page of rows.
export default async function AuditPage() {
  await serverCaller();
  return <AuditLog />;
}
