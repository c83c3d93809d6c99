import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { members } from "@/db/schema";
import { shanghaiDay } from "../../rules/calendar-day";
import type { CreateEnquiryInput } from "../../schemas/enquiries";
import type { AuditContext } from "../audit";
import { loadPolicy } from "../policy-settings";
import type { Actor } from "../users";
import { linkEnquiries } from "./links";
import { countSameSymptomNearby, recordTriage } from "./suggestions";

// What filing adds beyond the enquiry itself, in the same transaction: the triage facts and
// suggestions as shown on the form, and the links to earlier enquiries the caseworker chose.
export async function recordFilingInsights(
  db: Executor,
  actor: Actor,
  enquiry: { id: number; memberId: number; regionCode: string; openedAt: Date },
  input: CreateEnquiryInput,
  audit: Omit<AuditContext, "actorId">,
) {
  const [member] = await db
    .select({ scheme: members.insuranceScheme, category: members.personCategory })
    .from(members)
    .where(eq(members.id, enquiry.memberId));
  if (!member) return;
  await recordTriage(
    db,
    {
      id: enquiry.id,
      symptom: input.symptom,
      description: input.description,
      reportedBalanceFen: input.reportedBalanceFen,
      openedAt: enquiry.openedAt,
      memberInsurance: member,
      policy: await loadPolicy(db, enquiry.regionCode, shanghaiDay(enquiry.openedAt)),
      sameSymptomNearby: await countSameSymptomNearby(db, { ...enquiry, symptom: input.symptom }),
      causes: input.causes,
    },
    input.triage,
  );
  if (input.relatedEnquiryIds?.length) {
    await linkEnquiries(db, actor, enquiry, input.relatedEnquiryIds, audit);
  }
}
