import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { members } from "@/db/schema";
import { shanghaiDay } from "../../rules/calendar-day";
import { assessCauses } from "../../rules/cause-assessment";
import { reasonText } from "../../rules/triage";
import { loadPolicy } from "../policy-settings";
import { loadEnquiryInScope } from "../scoped-rows";
import type { Actor } from "../users";
import { readLinks } from "./links";
import { readTriage } from "./suggestions";

// The triage and links shown on the enquiry page. Enquiries filed before triage existed get
// the suggestions the rules give from what was recorded (the description included), marked as
// not stored.
export async function getEnquiryInsights(db: Database, actor: Actor, id: number) {
  // Read scope: a region that handed the order on by 转办 still sees what it shows.
  const enquiry = await loadEnquiryInScope(db, actor, id, { read: true });
  const [stored, links] = await Promise.all([readTriage(db, id), readLinks(db, actor, id)]);
  if (stored) return { stored: true as const, ...stored, links };

  // A hotline order not yet linked to its member has no recorded insurance to go on.
  const [member] =
    enquiry.memberId === null
      ? []
      : await db
          .select({ scheme: members.insuranceScheme, category: members.personCategory })
          .from(members)
          .where(eq(members.id, enquiry.memberId));
  const triageDay = shanghaiDay(enquiry.openedAt);
  const { suggestions } = assessCauses({
    description: enquiry.description,
    symptom: enquiry.symptom,
    insurance: member ?? null,
    balanceFen: enquiry.reportedBalanceFen,
    facts: {},
    today: triageDay,
    policy: await loadPolicy(db, enquiry.regionCode, triageDay),
  });
  return {
    stored: false as const,
    facts: {},
    insurance: member ?? null,
    triageDay,
    suggestions: suggestions.map((suggestion, index) => ({
      rank: index + 1,
      cause: suggestion.cause,
      subReason: suggestion.subReason,
      score: suggestion.score,
      reason: reasonText(suggestion),
      accepted: null,
      steps: suggestion.steps,
    })),
    links,
  };
}
