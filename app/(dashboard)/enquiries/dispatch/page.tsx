import { Result } from "antd";
import type { Metadata } from "next";
import { currentActor } from "@/server/auth/current-actor";
import { DispatchForm } from "./dispatch-form";

export const metadata: Metadata = { title: "登记派单" };

// 派单 is the manager's: the order is registered from the hotline's platform and handed to a
// region (and optionally to one of its caseworkers), who must 签收 it.
export default async function DispatchPage() {
  const actor = await currentActor();
  if (actor?.role !== "manager") {
    return <Result status="403" title="无权登记派单" subTitle="热线工单由科室负责人登记派单。" />;
  }
  const city = actor.regionScope && !actor.regionScope.endsWith("0000") ? actor.regionScope : null;
  return <DispatchForm defaultCity={city} />;
}
