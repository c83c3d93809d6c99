"use server";

import { signOutCurrentUser } from "@/server/auth/sign-out";

export async function signOutAction(): Promise<void> {
  await signOutCurrentUser();
}
