import { z } from "zod";
import {
  ACCOUNT_PART_CODES,
  BALANCE_QUERY_METHOD_CODES,
  CARD_STATE_CODES,
  SYMPTOM_CODES,
  TIER_MAX_LENGTH,
} from "@/db/constants";
import { CUE_KEYS, type CueKey } from "../rules/description/cues";
import { fen, regionCode, rowId, version } from "./fields";
import { categoryIssue, insuranceScheme, personCategory } from "./members";
import { calendarDay, calendarMonth, text } from "./text";

// Triage facts, the 离职减员 calculator and repeat-enquiry links. Money travels as integer 分,
// dates as "YYYY-MM-DD" calendar days in Beijing time.

const id = rowId;
const day = (label: string) => calendarDay(`${label}应为有效日期（YYYY-MM-DD）`);

// The member's insurance as the caseworker verified it on the phone, when it differs from the
// record; the rules then run on it.
const verifiedInsurance = z
  .strictObject({ scheme: insuranceScheme, category: personCategory.nullable() })
  .superRefine((insurance, ctx) => {
    const issue = categoryIssue(insurance.scheme, insurance.category);
    if (issue) ctx.addIssue({ code: "custom", message: issue, path: ["category"] });
  });

export const triageFacts = z.strictObject({
  insurance: verifiedInsurance.nullish(),
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
  // The questions asked as the symptom calls for them (issue: the phone questions).
  reductionMonth: calendarMonth("减员生效月份应为 YYYY-MM").nullish(),
  relativeRecentUse: z.boolean().nullish(),
  card: z.enum(CARD_STATE_CODES, { error: "社保卡状态无效" }).nullish(),
  cardChangedOn: day("激活或补换卡日期").nullish(),
  identityChanged: z.boolean().nullish(),
  relocated: z.boolean().nullish(),
  contributionGapMonths: z
    .number({ error: "断缴月数应为数字" })
    .int("断缴月数应为整数")
    .min(0, "断缴月数不能为负数")
    .max(600, "断缴月数超出范围")
    .nullish(),
  tier: text().trim().max(TIER_MAX_LENGTH, `档次不能超过${TIER_MAX_LENGTH}个字`).nullish(),
  lastCreditOn: day("最近一次划入日期").nullish(),
  lastCreditFen: fen("最近一次划入金额").nullish(),
  firstNoticedMonth: calendarMonth("发现问题的月份应为 YYYY-MM").nullish(),
  accountPart: z.enum(ACCOUNT_PART_CODES, { error: "账户类别无效" }).nullish(),
  outOfAreaOrExpired: z.boolean().nullish(),
  bankAccountFrozen: z.boolean().nullish(),
  commercialInsurance: z.boolean().nullish(),
  // Cues read from the description that the caseworker struck out: the text misread them.
  removedCues: z
    .array(z.enum(CUE_KEYS as [CueKey, ...CueKey[]], { error: "描述识别项无效" }))
    .max(CUE_KEYS.length)
    .optional(),
});
export type TriageFactsInput = z.infer<typeof triageFacts>;

export const sameSymptomNearbyInput = z.strictObject({
  regionCode,
  symptom: z.enum(SYMPTOM_CODES, { error: "请选择反映的问题" }),
});
export type SameSymptomNearbyInput = z.infer<typeof sameSymptomNearbyInput>;

export const relatedEnquiryIds = z.array(id).max(10, "最多关联10个咨询").optional();

// The 离职减员 calculator's figures; which ones a region needs (a yearly total only where it
// pre-allocates) and how they fit together is the rule's to say, next to the field.
export const leaveCalculationInput = z.strictObject({
  leaveDate: day("离职日期"),
  reductionMonth: calendarMonth("减员生效月份应为 YYYY-MM"),
  creditStartMonth: calendarMonth("起划月份应为 YYYY-MM").nullish(),
  monthlyCreditFen: fen("每月划入金额").nullish(),
  yearlyTotalFen: fen("全年预划总额").nullish(),
  openingBalanceFen: fen("上年结转余额").nullish(),
  cardSpendingFen: fen("刷卡支出").nullish(),
  familyAidFen: fen("家庭共济支出").nullish(),
  deductionsFen: fen("扣缴金额").nullish(),
  reportedBalanceFen: fen("反映余额").nullish(),
});

// Without figures the answer is the region's settings alone, for the form to show first.
export const leaveCalculationQuery = z.strictObject({
  id,
  calculation: leaveCalculationInput.nullish(),
});
export type LeaveCalculationQuery = z.infer<typeof leaveCalculationQuery>;

export const saveLeaveCalculationInput = z.strictObject({
  id,
  version,
  calculation: leaveCalculationInput,
});
export type SaveLeaveCalculationInput = z.infer<typeof saveLeaveCalculationInput>;

export const linkEnquiryInput = z.strictObject({ id, relatedEnquiryId: id });
