import { Result } from "antd";
import type { Metadata } from "next";
import { currentActor } from "@/server/auth/current-actor";
import { NewEnquiryForm } from "./new-enquiry-form";

export const metadata: Metadata = { title: "新建咨询" };

export default async function NewEnquiryPage() {
  const actor = await currentActor();
  if (actor?.role !== "caseworker") {
    return <Result status="403" title="无权新建咨询" subTitle="只有经办人员可以受理和录入咨询。" />;
  }
  // A city-scoped caseworker files in their own city by default.
  const defaultRegion =
    actor.regionScope && !actor.regionScope.endsWith("0000") ? actor.regionScope : null;
  return <NewEnquiryForm defaultRegion={defaultRegion} />;
}
