import { z } from "zod";
import { REGION_REVIEW_RESOLUTION_CODES, REGION_REVIEW_STATUS_CODES } from "@/db/constants";
import { rowId } from "./fields";

export const listRegionReviewsInput = z.strictObject({
  status: z.enum(REGION_REVIEW_STATUS_CODES).default("open"),
});

export const RESOLUTION_NOTE_MIN = 2;
export const RESOLUTION_NOTE_MAX = 200;

// Closing a review: move the member to the requested region (参保地变更) or decline, with a note
// that says why, kept on the review and in the audit trail.
export const resolveRegionReviewInput = z.strictObject({
  id: rowId,
  resolution: z.enum(REGION_REVIEW_RESOLUTION_CODES, { error: "请选择处理结果" }),
  note: z
    .string({ error: "请填写处理说明" })
    .trim()
    .min(RESOLUTION_NOTE_MIN, `处理说明至少${RESOLUTION_NOTE_MIN}个字`)
    .max(RESOLUTION_NOTE_MAX, `处理说明不能超过${RESOLUTION_NOTE_MAX}个字`),
});
export type ResolveRegionReviewInput = z.infer<typeof resolveRegionReviewInput>;
