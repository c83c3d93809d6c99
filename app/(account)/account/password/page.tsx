import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CentredMain } from "@/app/_components/centred-main";
import { currentActor } from "@/server/auth/current-actor";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "修改密码" };

// Outside the dashboard shell on purpose: the dashboard layout sends a user who must replace
// an initial password here, and this page must not send them back.
export default async function ChangePasswordPage() {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  return (
    <CentredMain>
      <ChangePasswordForm
        login={actor.login}
        displayName={actor.displayName}
        forced={actor.mustChangePassword}
      />
    </CentredMain>
  );
}
