import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { serverCaller } from "@/app/_trpc/server";
import { LetterComposer } from "./letter-composer";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ id: string }>;
}): Promise<Metadata> {
  return { title: `出具告知书 · 咨询工单 #${(await params).id}` };
}

// The preview of the letter as it would be issued today, with the step sentences the caseworker
// may reword. Managers and administrators see the preview without the issue button.
export default async function NewLetterPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const caller = await serverCaller();
  try {
    const [preview, me] = await Promise.all([caller.letters.preview({ id }), caller.viewer.me()]);
    return <LetterComposer enquiryId={id} initial={preview} canIssue={me.role === "caseworker"} />;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
