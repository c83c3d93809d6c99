import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { serverCaller } from "@/app/_trpc/server";
import { EnquiryDetailView } from "./detail-view";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ id: string }>;
}): Promise<Metadata> {
  return { title: `咨询工单 #${(await params).id}` };
}

export default async function EnquiryPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const caller = await serverCaller();
  try {
    const [detail, me] = await Promise.all([caller.enquiries.byId({ id }), caller.viewer.me()]);
    return (
      <EnquiryDetailView
        initial={detail}
        canEdit={me.role === "caseworker"}
        canRevealId={me.role === "caseworker" || me.role === "admin"}
      />
    );
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
