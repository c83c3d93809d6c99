"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/server/auth/config";
import { signInErrorMessage } from "@/server/auth/sign-in-errors";
import { signInInput } from "@/server/schemas/auth";

// Only same-site paths are followed after sign-in, never an absolute URL from the query.
function safeRedirect(target: unknown): string {
  return typeof target === "string" && target.startsWith("/") && !target.startsWith("//")
    ? target
    : "/";
}

export async function signInAction(
  input: unknown,
  callbackUrl?: string,
): Promise<{ error: string } | undefined> {
  const parsed = signInInput.safeParse(input);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "请输入用户名和密码" };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeRedirect(callbackUrl) });
  } catch (error) {
    // signIn redirects by throwing NEXT_REDIRECT, which must propagate.
    if (error instanceof AuthError) return { error: signInErrorMessage(error) };
    throw error;
  }
  return undefined;
}
