import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ROLE_LABELS } from "@/db/constants";
import { currentActor } from "@/server/auth/current-actor";
import { navFor } from "../_components/nav";
import { Shell } from "./shell";

// Every signed-in page passes here: the actor is re-read from the database, so a disabled
// account or a changed role is sent back to the login page on its next navigation.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (actor.mustChangePassword) redirect("/account/password");
  return (
    <Shell
      user={{
        displayName: actor.displayName,
        roleLabel: ROLE_LABELS[actor.role],
        scopeLabel: actor.regionScopeName ?? "全辖区",
      }}
      nav={navFor(actor.role)}
    >
      {children}
    </Shell>
  );
}
