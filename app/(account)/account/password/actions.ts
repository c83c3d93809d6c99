"use server";

import { signOut } from "@/server/auth/config";

// The new password has already ended every session of the account (session_version moved on);
// this clears the now useless cookie and sends the user to sign in with the new password.
export async function signOutAfterPasswordChange(): Promise<void> {
  await signOut({ redirectTo: "/login?notice=password-changed" });
}
