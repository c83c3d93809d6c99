import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor } from "@/server/auth/current-actor";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "登录" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  if (await currentActor()) redirect("/");
  const { callbackUrl } = await searchParams;
  return (
    <main
      style={{
        minHeight: "100vh",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        padding: 16,
      }}
    >
      <LoginForm callbackUrl={callbackUrl} />
    </main>
  );
}
