import type { Metadata } from "next";
import { serverCaller } from "../../_trpc/server";
import { MemberLookup } from "./member-lookup";

export const metadata: Metadata = { title: "参保人" };

// The lookup keeps what was typed in the page, not in the URL: a full ID number or phone in a
// URL would stay in proxy logs and in a shared counter PC's history.
export default async function MembersPage() {
  const caller = await serverCaller();
  const me = await caller.viewer.me();
  return (
    <MemberLookup canRegister={me.role === "caseworker"} canLookUpExactly={me.role !== "manager"} />
  );
}
