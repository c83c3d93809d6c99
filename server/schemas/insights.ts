import { z } from "zod";
import { BALANCE_QUERY_METHOD_CODES, INSURANCE_TYPE_CODES } from "@/db/constants";
import { calendarDay, calendarMonth } from "./text";

// Triage facts, the 离职减员 calculator and repeat-enquiry links. Money travels as integer 分,
// dates as "YYYY-MM-DD" calendar days in Beijing time.

const id = z.number().int().positive();
const day = (label: string) => calendarDay(`${label}应为有效日期（YYYY-MM-DD）`);
const fen = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}最多保留两位小数`)
    .min(-10_000_000_000, `${label}超出范围`)
    .max(10_000_000_000, `${label}超出范围`);

export const triageFacts = z.strictObject({
  insuranceType: z.enum(INSURANCE_TYPE_CODES, { error: "参保类型无效" }).nullish(),
  leftEmployer: z.boolean().nullish(),
  leaveDate: day("离职日期").nullish(),
  reductionFiled: z.boolean().nullish(),
  expectedBalanceFen: fen("预期余额").nullish(),
  boundRelatives: z
    .number({ error: "绑定亲属人数应为数字" })
    .int("绑定亲属人数应为整数")
    .min(0, "绑定亲属人数不能为负数")
    .max(20, "绑定亲属人数不能超过20")
    .nullish(),
  employerPaid: z.boolean().nullish(),
  employerPaidOn: day("单位缴费日期").nullish(),
  recentlyEnrolled: z.boolean().nullish(),
  queryMethod: z.enum(BALANCE_QUERY_METHOD_CODES, { error: "查询方式无效" }).nullish(),
});
export type TriageFactsInput = z.infer<typeof triageFacts>;

export const relatedEnquiryIds = z.array(id).max(10, "最多关联10个咨询").optional();

export const leaveCalculationInput = z.strictObject({
  periodStart: calendarMonth("预划起始月份应为 YYYY-MM"),
  leaveDate: day("离职日期"),
  preAllocatedFen: fen("预划资金").nullish(),
  monthlyCreditFen: fen("每月划入金额").nullish(),
  spentBeforeLeaveFen: fen("离职前支出"),
  reportedBalanceFen: fen("反映余额").nullish(),
});

export const saveLeaveCalculationInput = z.strictObject({
  id,
  version: z.number().int().min(1),
  calculation: leaveCalculationInput,
});
export type SaveLeaveCalculationInput = z.infer<typeof saveLeaveCalculationInput>;

export const linkEnquiryInput = z.strictObject({ id, relatedEnquiryId: id });
