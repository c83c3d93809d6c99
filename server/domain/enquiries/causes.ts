import { desc, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { CAUSE_CODES, causeTagLabel, hasSubReasons } from "@/db/constants";
import { enquiryCauses } from "@/db/schema";
import { codeOrder } from "@/db/schema/code-lists";
import type { CauseTag } from "../../schemas/enquiries";
import { syncSuggestionAcceptance } from "../insights/suggestions";

export async function readCauses(db: Executor, enquiryId: number): Promise<CauseTag[]> {
  return db
    .select({
      cause: enquiryCauses.cause,
      subReason: enquiryCauses.subReason,
      isPrimary: enquiryCauses.isPrimary,
    })
    .from(enquiryCauses)
    .where(eq(enquiryCauses.enquiryId, enquiryId))
    .orderBy(desc(enquiryCauses.isPrimary), codeOrder(enquiryCauses.cause, CAUSE_CODES));
}

// The cause set is written as a whole, so "exactly one primary" holds after every write.
export async function writeCauses(db: Executor, enquiryId: number, tags: CauseTag[]) {
  await db.delete(enquiryCauses).where(eq(enquiryCauses.enquiryId, enquiryId));
  if (tags.length > 0) {
    await db.insert(enquiryCauses).values(
      tags.map((tag) => ({
        enquiryId,
        cause: tag.cause,
        subReason: hasSubReasons(tag.cause) ? tag.subReason : null,
        isPrimary: tag.isPrimary,
      })),
    );
  }
  await syncSuggestionAcceptance(db, enquiryId);
}

// For audit diffs and the timeline: "离职减员（主）、其他·断缴".
export function describeCauses(tags: CauseTag[]): string {
  if (tags.length === 0) return "未分类";
  return tags
    .map((tag) => {
      const label = causeTagLabel(tag);
      return tag.isPrimary ? `${label}（主）` : label;
    })
    .join("、");
}
