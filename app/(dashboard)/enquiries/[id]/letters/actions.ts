"use server";

import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { serverCaller } from "@/app/_trpc/server";

export type IssueResult = { error: string } | undefined;

// 出具告知书: the server renders and stores the letter, then the caseworker lands on the stored
// copy to print it. A refusal comes back as its message for the form.
export async function issueLetterAction(
  enquiryId: number,
  stepTexts: Record<string, string>,
): Promise<IssueResult> {
  const caller = await serverCaller();
  let letterId: number;
  try {
    letterId = (await caller.letters.issue({ id: enquiryId, stepTexts })).id;
  } catch (error) {
    if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") {
      const input = error.cause instanceof ZodError ? error.cause.issues[0]?.message : null;
      return { error: input ?? error.message };
    }
    return { error: "出具失败，请稍后重试" };
  }
  redirect(`/enquiries/${enquiryId}/letters/${letterId}`);
}
