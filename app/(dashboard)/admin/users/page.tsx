import type { Metadata } from "next";
import { serverCaller } from "@/app/_trpc/server";
import { UserAdmin } from "./_components/user-admin";

export const metadata: Metadata = { title: "用户管理" };

export default async function UsersPage() {
  const caller = await serverCaller();
  const me = await caller.viewer.me();
  return <UserAdmin currentUserId={me.id} />;
}
