import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { serverCaller } from "@/app/_trpc/server";
import { LetterSheet } from "../letter-sheet";
import { PrintButton } from "../print-button";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ id: string; letterId: string }>;
}): Promise<Metadata> {
  return { title: `告知书 · 咨询工单 #${(await params).id}` };
}

// An issued letter, printed from its stored text: what the member was given, whatever changed
// in the enquiry or the region's settings since.
export default async function IssuedLetterPage({
  params,
}: {
  params: Promise<{ id: string; letterId: string }>;
}) {
  const { id, letterId } = await params;
  const enquiryId = Number(id);
  const letterNumber = Number(letterId);
  if (![enquiryId, letterNumber].every((n) => Number.isSafeInteger(n) && n > 0)) notFound();
  const caller = await serverCaller();
  let letter: Awaited<ReturnType<typeof caller.letters.byId>>;
  try {
    letter = await caller.letters.byId({ id: letterNumber });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  if (letter.enquiryId !== enquiryId) notFound();
  return (
    <>
      <h1 className="notice-toolbar" style={{ fontSize: 16, fontWeight: 600 }}>
        告知书 {letter.number}（第{letter.version}版 · {letter.stageLabel}）
      </h1>
      <div className="notice-toolbar">
        <Link href={`/enquiries/${enquiryId}`}>← 返回工单</Link>
        <PrintButton />
      </div>
      <LetterSheet content={letter.content} number={letter.number} issuedOn={letter.issuedOn} />
    </>
  );
}
