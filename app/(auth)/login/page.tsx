import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CentredMain } from "@/app/_components/centred-main";
import { currentActor } from "@/server/auth/current-actor";
import { signInMessageFor } from "@/server/auth/sign-in-errors";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "登录" };

// Why the user was sent here, shown above the form.
const NOTICES: Record<string, { type: "success" | "info"; text: string }> = {
  "password-changed": { type: "success", text: "密码已修改，请使用新密码重新登录" },
  expired: { type: "info", text: "登录已失效（长时间未操作、已退出或账号已变更），请重新登录" },
};

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string; code?: string; notice?: string }>;
}) {
  if (await currentActor()) redirect("/");
  const { callbackUrl, error, code, notice } = await searchParams;
  // Auth.js redirects here with ?error=…&code=… when a sign-in posted to its own endpoint fails.
  const initialError = error ? signInMessageFor(error, code) : undefined;
  return (
    <CentredMain>
      <LoginForm
        callbackUrl={callbackUrl}
        initialError={initialError}
        notice={NOTICES[notice ?? ""]}
      />
    </CentredMain>
  );
}
