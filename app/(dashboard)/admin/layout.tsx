import { Flex, Result } from "antd";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { currentActor } from "@/server/auth/current-actor";
import { AdminTabs } from "./admin-tabs";

// 系统管理 is for administrators; the routers check the role again on every call.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (actor.role !== "admin") {
    return (
      <Result
        status="403"
        title="无权访问系统管理"
        subTitle="系统管理供系统管理员维护用户账号和地区政策参数、查看审计日志。如需开通或调整账号，请联系系统管理员。"
      />
    );
  }
  return (
    <Flex vertical gap={16}>
      <AdminTabs />
      {children}
    </Flex>
  );
}
