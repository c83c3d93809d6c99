import { z } from "zod";
import { STEP_TEXT_MAX } from "../rules/letter";
import { rowId } from "./fields";
import { text } from "./text";

// 告知书: the preview and the issue take the caseworker's rewording of step sentences, by step id.
const stepTexts = z
  .record(
    z.string().regex(/^\d{1,15}$/, "处理步骤无效"),
    text().trim().max(STEP_TEXT_MAX, `每条办理情况不能超过${STEP_TEXT_MAX}个字`),
  )
  .refine((value) => Object.keys(value).length <= 200, "办理情况条数过多")
  .optional();

export const letterPreviewInput = z.strictObject({
  id: rowId,
  stepTexts,
});

export const issueLetterInput = z.strictObject({
  id: rowId,
  stepTexts,
});
export type IssueLetterInput = z.infer<typeof issueLetterInput>;

export const letterRef = z.strictObject({ id: rowId });
