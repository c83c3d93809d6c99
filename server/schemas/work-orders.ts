import { z } from "zod";
import {
  PRIORITY_CODES,
  SYMPTOM_CODES,
  WORK_ORDER_CLASSIFICATION_CODES,
  WORK_ORDER_PLATFORM_CODES,
} from "@/db/constants";
import { validateIdNumber } from "../rules/id-number";
import { fen, regionCode, rowId, version } from "./fields";
import { memberName, phoneNumber } from "./members";
import { instant, text } from "./text";

// 派单: a work order from the 12345 or 12393 hotline, registered and dispatched to a region (and
// optionally to one of its caseworkers) by a manager. Shared by the dispatch form and the router.

const id = rowId;

// The caller as the hotline recorded them. With no member chosen, the order is matched by ID
// number, phone, or name in the handling city; unmatched, it waits as 待识别参保人.
export const callerInput = z.strictObject({
  name: memberName,
  phone: phoneNumber.nullish(),
  // Checked like a recorded one (length, birth date, check character); the region prefix is
  // not, since a caller may be insured anywhere.
  idNumber: text()
    .trim()
    .max(20, "身份证号应为18位")
    .superRefine((raw, ctx) => {
      if (!raw) return;
      const check = validateIdNumber(raw, () => true);
      if (!check.ok) ctx.addIssue({ code: "custom", message: `来电人${check.message}` });
    })
    .nullish(),
});

export const dispatchWorkOrderInput = z
  .strictObject({
    idempotencyKey: z.uuid("提交编号无效"),
    platform: z.enum(WORK_ORDER_PLATFORM_CODES, { error: "请选择来源平台" }),
    externalNumber: text()
      .trim()
      .min(1, "请填写工单编号")
      .max(40, "工单编号不能超过40个字符")
      .regex(/^[0-9A-Za-z-]+$/, "工单编号只能包含数字、字母和连字符"),
    dispatchingCity: regionCode,
    dispatchingUnit: text().trim().min(1, "请填写派单单位").max(60, "派单单位不能超过60个字"),
    // When the hotline dispatched it: the limits count from then, not from when it was typed in.
    dispatchedAt: instant(),
    externalDueAt: instant().nullish(),
    classification: z.enum(WORK_ORDER_CLASSIFICATION_CODES, { error: "请选择工单分类" }),
    priority: z.enum(PRIORITY_CODES, { error: "请选择紧急程度" }),
    regionCode,
    assigneeId: id.nullish(),
    memberId: id.nullish(),
    caller: callerInput.nullish(),
    symptom: z.enum(SYMPTOM_CODES, { error: "请选择反映的问题" }),
    reportedBalanceFen: fen("反映余额").nullish(),
    description: text().trim().min(1, "请填写诉求内容").max(2000, "诉求内容不能超过2000个字"),
  })
  .refine((input) => input.memberId || input.caller, {
    message: "请选择参保人，或填写工单上的来电人信息",
    path: ["memberId"],
  });
export type DispatchWorkOrderInput = z.infer<typeof dispatchWorkOrderInput>;

export const linkMemberInput = z.strictObject({
  id,
  version,
  memberId: id,
});
