import type { Metadata } from "next";
import { serverCaller } from "../../_trpc/server";
import { MemberLookup } from "./member-lookup";

export const metadata: Metadata = { title: "参保人" };

// The query lives in the URL (?q=) so a lookup can be reloaded, shared and stepped back to.
export default async function MembersPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const caller = await serverCaller();
  const [{ q }, me] = await Promise.all([searchParams, caller.viewer.me()]);
  const query = (Array.isArray(q) ? q[0] : q)?.trim() ?? "";
  return <MemberLookup query={query} canRegister={me.role === "caseworker"} />;
}
