import { z } from "zod";
import {
  INSURANCE_SCHEME_CODES,
  type InsuranceScheme,
  PERSON_CATEGORY_CODES,
  type PersonCategory,
  TIER_MAX_LENGTH,
} from "@/db/constants";
import { idNumberInput, validateIdNumber } from "../rules/id-number";
import { rowId } from "./fields";
import { EXACT_LOOKUP_IN_SEARCH_MESSAGE, isExactLookupTerm } from "./member-query";
import { text } from "./text";

// One schema per operation, shared by the registration form (client-side rules), the router
// (input) and the tests. The ID number's region prefix needs the regions table, so the full
// check runs in the domain; the form checks everything else with `idNumberShape`.

export const DUPLICATE_ID_NUMBER_MESSAGE = "该身份证号已录入";

// Minority names join their parts with a middle dot, which input methods produce in several
// look-alike forms; they are all stored as U+00B7.
const MIDDLE_DOT_LOOKALIKES = /[•・∙⋅．.]/g;
const NAME_PATTERN = /^\p{Script=Han}+(·\p{Script=Han}+)*$/u;
const PHONE_PATTERN = /^1[3-9]\d{9}$/;

export const memberName = text()
  .trim()
  .transform((raw) => raw.replace(MIDDLE_DOT_LOOKALIKES, "·"))
  .pipe(
    z
      .string()
      .min(2, "姓名至少2个字")
      .max(30, "姓名不能超过30个字")
      .regex(NAME_PATTERN, "姓名只能是汉字，少数民族姓名用「·」分隔"),
  );

// Blank means "not given"; spaces and dashes typed between digit groups are dropped.
export const phoneNumber = text()
  .max(20, "手机号过长")
  .transform((raw) => raw.replace(/[\s-]/g, ""))
  .pipe(z.union([z.literal(""), z.string().regex(PHONE_PATTERN, "手机号应为1开头的11位数字")]))
  .transform((value) => value || null);

const employerName = text()
  .trim()
  .max(100, "单位名称不能超过100个字")
  .transform((value) => value || null);

export const insuranceScheme = z.enum(INSURANCE_SCHEME_CODES, { error: "请选择险种" });
export const personCategory = z.enum(PERSON_CATEGORY_CODES, { error: "请选择人员类别" });

// 人员类别 belongs to 职工医保, which requires one; 城乡居民医保 has none (as the table's check
// constraint says).
export const CATEGORY_REQUIRED_MESSAGE = "请选择人员类别";
export const NO_CATEGORY_FOR_RESIDENT_MESSAGE = "城乡居民医保不分人员类别";
export function categoryIssue(
  scheme: InsuranceScheme,
  category: PersonCategory | null | undefined,
): string | null {
  if (scheme === "employee" && !category) return CATEGORY_REQUIRED_MESSAGE;
  if (scheme === "resident" && category) return NO_CATEGORY_FOR_RESIDENT_MESSAGE;
  return null;
}

// 档次 by name; which names a region has is its setting, checked where the member is created
// (tierIssue). Blank means none or not known.
export const tier = text()
  .trim()
  .max(TIER_MAX_LENGTH, `档次不能超过${TIER_MAX_LENGTH}个字`)
  .transform((value) => value || null);

export const createMemberInput = z
  .strictObject({
    name: memberName,
    idNumber: idNumberInput.min(1, "请输入身份证号"),
    phone: phoneNumber.nullish(),
    insuranceScheme,
    personCategory: personCategory.nullish(),
    tier: tier.nullish(),
    regionCode: text().regex(/^\d{6}$/, "请选择参保地区"),
    employerName: employerName.nullish(),
  })
  .superRefine((input, ctx) => {
    const issue = categoryIssue(input.insuranceScheme, input.personCategory);
    if (issue) ctx.addIssue({ code: "custom", message: issue, path: ["personCategory"] });
    if (input.insuranceScheme !== "employee" && input.tier) {
      ctx.addIssue({ code: "custom", message: "档次只适用于职工医保", path: ["tier"] });
    }
  });
export type CreateMemberInput = z.input<typeof createMemberInput>;
export type CreateMemberData = z.output<typeof createMemberInput>;

// Every ID rule except the region prefix, for the form: the region list lives on the server.
// The output carries the birth date so the form can show it for the caseworker to compare.
export const idNumberShape = idNumberInput.transform((raw, ctx) => {
  const check = validateIdNumber(raw, () => true);
  if (!check.ok) {
    ctx.addIssue({ code: "custom", message: check.message });
    return z.NEVER;
  }
  return check;
});

export const searchMembersInput = z
  .strictObject({
    query: text().trim().min(1, "请输入查询内容").max(32, "查询内容不能超过32个字"),
  })
  // A search travels as a GET query string, which proxies log and browsers keep in history.
  .refine(({ query }) => !isExactLookupTerm(query), {
    message: EXACT_LOOKUP_IN_SEARCH_MESSAGE,
    path: ["query"],
  });

export const memberRef = z.strictObject({ id: rowId });

// Seeing a member's full ID number needs a stated reason, kept in the audit trail. The form
// offers the usual ones and free text; the reason stored is what the caseworker ends up with.
export const REVEAL_ID_REASONS = [
  "核实来电或来访人身份",
  "办理业务需填写完整证件号",
  "与其他系统核对参保信息",
  "参保人本人要求核对证件号",
] as const;
export const REVEAL_REASON_MIN = 4;
export const REVEAL_REASON_MAX = 200;
export const revealReason = text({ error: "请填写查看原因" })
  .trim()
  .min(REVEAL_REASON_MIN, `查看原因至少${REVEAL_REASON_MIN}个字`)
  .max(REVEAL_REASON_MAX, `查看原因不能超过${REVEAL_REASON_MAX}个字`);
export const revealIdNumberInput = z.strictObject({
  id: rowId,
  reason: revealReason,
});
export type RevealIdNumberInput = z.infer<typeof revealIdNumberInput>;

export const CROSS_REGION_ID_NUMBER_MESSAGE = "该证件号无法在本辖区录入，已提交管理员核查";
