import { eq } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { STEP_KIND_LABELS } from "@/db/constants";
import { regions } from "@/db/schema";
import { shanghaiDay } from "../../rules/calendar-day";
import { memberExplanation } from "../../rules/member-explanations";
import { getEnquiryDetail } from "../enquiries/detail";
import type { Actor } from "../users";
import { readTriage } from "./suggestions";

// The member explanation sheet (告知书). Same access as the enquiry page: it is built from the
// detail, so an enquiry outside the actor's scope is NOT_FOUND here too. Personal data stays
// masked; the sheet is handed to the member, who knows their own numbers.
export async function getEnquiryNotice(db: Database, actor: Actor, id: number, now: Date) {
  const detail = await getEnquiryDetail(db, actor, id);
  const [agencyName, triage] = await Promise.all([
    agencyNameFor(db, detail.enquiry.regionCode),
    readTriage(db, id),
  ]);
  const acceptedReasons = new Map(
    (triage?.suggestions ?? [])
      .filter((s) => s.accepted)
      .map((s) => [`${s.cause}:${s.subReason ?? ""}`, s.reason]),
  );
  return {
    agencyName,
    issuedOn: shanghaiDay(now),
    // Signed by the caseworker handling the enquiry; one not yet assigned, by whoever prints it.
    caseworkerName: detail.assigneeName ?? actor.displayName,
    enquiry: {
      id: detail.enquiry.id,
      openedOn: shanghaiDay(detail.enquiry.openedAt),
      symptom: detail.enquiry.symptom,
      reportedBalanceFen: detail.enquiry.reportedBalanceFen,
      status: detail.enquiry.status,
      resolutionSummary: detail.enquiry.resolutionSummary,
    },
    member: {
      name: detail.member.name,
      idNumberMasked: detail.member.idNumberMasked,
      phoneMasked: detail.member.phoneMasked,
      insuranceType: detail.member.insuranceType,
    },
    causes: detail.causes.map((tag) => ({
      ...tag,
      ...memberExplanation(tag.cause, tag.subReason),
      // The triage reason names the mechanism found for this member (e.g. a monthly deduction).
      specific: acceptedReasons.get(`${tag.cause}:${tag.subReason ?? ""}`) ?? null,
    })),
    steps: detail.steps.map((step) => ({
      id: step.id,
      label: STEP_KIND_LABELS[step.kind],
      note: step.note,
      doneOn: shanghaiDay(step.doneAt),
    })),
  };
}

export type EnquiryNotice = Awaited<ReturnType<typeof getEnquiryNotice>>;

// The medical-security bureau of the enquiry's city: a district's parent city, and for the
// municipalities (whose city level the region data names after the municipality) the same name.
export async function agencyNameFor(db: Executor, regionCode: string): Promise<string> {
  const [region] = await db.select().from(regions).where(eq(regions.code, regionCode));
  if (!region) return "医疗保障局";
  if (region.level === "district" && region.parentCode) {
    const [city] = await db.select().from(regions).where(eq(regions.code, region.parentCode));
    if (city) return `${city.name}医疗保障局`;
  }
  return `${region.name}医疗保障局`;
}
