import { z } from "zod";
import {
  PRIORITY_CODES,
  SYMPTOM_CODES,
  WORK_ORDER_CLASSIFICATION_CODES,
  WORK_ORDER_PLATFORM_CODES,
} from "@/db/constants";
import { memberName, phoneNumber } from "./members";
import { instant, text } from "./text";

// 派单: a work order from the 12345 or 12393 hotline, registered and dispatched to a region (and
// optionally to one of its caseworkers) by a manager. Shared by the dispatch form and the router.

const id = z.number().int().positive();
const regionCode = text().regex(/^\d{6}$/, "行政区划代码应为6位数字");
const fen = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}最多保留两位小数`)
    .min(-10_000_000_000, `${label}超出范围`)
    .max(10_000_000_000, `${label}超出范围`);

// The caller as the hotline recorded them. With no member chosen, the order is matched by ID
// number, phone, or name in the handling city; unmatched, it waits as 待识别参保人.
export const callerInput = z.strictObject({
  name: memberName,
  phone: phoneNumber.nullish(),
  idNumber: text().trim().max(18, "身份证号应为18位").nullish(),
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
  version: z.number().int().min(1),
  memberId: id,
});
