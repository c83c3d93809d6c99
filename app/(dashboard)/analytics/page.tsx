import { Result } from "antd";
import type { Metadata } from "next";
import { serverCaller } from "@/app/_trpc/server";
import { AnalyticsDashboard } from "./_components/analytics-dashboard";

export const metadata: Metadata = { title: "统计分析" };

// The figures themselves are fetched in the browser, because the filters live in the URL and
// change without a page load; the page only decides who may see them. The router checks the
// role again on every query.
export default async function AnalyticsPage() {
  const caller = await serverCaller();
  const me = await caller.viewer.me();
  if (me.role !== "manager" && me.role !== "admin") {
    return (
      <Result
        status="403"
        title="无权访问统计分析"
        subTitle="统计分析供科室负责人和系统管理员查看辖区的咨询量、原因与地区分布。如需查看，请联系科室负责人。"
      />
    );
  }
  return (
    <AnalyticsDashboard
      scopeLabel={me.regionScopeName ?? "全辖区"}
      canEditPolicyEvents={me.role === "admin"}
    />
  );
}
