import type { Metadata } from "next";
import { serverCaller } from "@/app/_trpc/server";
import { PolicySettingsAdmin } from "./_components/policy-settings-admin";

export const metadata: Metadata = { title: "地区政策参数" };

// The settings are fetched in the browser because the region lives in the URL and changes
// without a page load; the page passes the administrator's scope, which decides whether the
// national defaults are theirs to change. The router checks the role and scope on every call.
export default async function PolicySettingsPage() {
  const caller = await serverCaller();
  const me = await caller.viewer.me();
  return <PolicySettingsAdmin scope={me.regionScope} scopeName={me.regionScopeName} />;
}
