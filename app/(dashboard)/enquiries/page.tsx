import type { Metadata } from "next";
import { serverCaller } from "@/app/_trpc/server";
import { EnquiryList } from "./_components/enquiry-list";

export const metadata: Metadata = { title: "咨询工单" };

// The role decides what the list offers (新建咨询, 只看我的); the rows themselves are fetched
// in the browser because their filters live in the URL and change without a page load.
export default async function EnquiriesPage() {
  const caller = await serverCaller();
  const me = await caller.viewer.me();
  return <EnquiryList role={me.role} />;
}
