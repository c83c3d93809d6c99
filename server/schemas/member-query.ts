import { z } from "zod";
import { normaliseIdNumber } from "../rules/id-number";

// How the member lookup reads what was typed, shared by the page (which decides how to send
// it) and the server (which decides what to match). A full ID number or phone number is an
// exact lookup: it goes in a POST body, is audited and is limited, because with the masked
// form (first 6 + last 4) a free exact lookup would recover a full number in a few thousand
// tries. Everything else is a search whose term may travel in a query string.

// `unrecognised` is a string of digits that is neither an ID number, a phone number nor the
// last four digits of one.
export type MemberMatch = "id_number" | "phone" | "phone_last4" | "name" | "unrecognised";
export type ExactMatch = Extract<MemberMatch, "id_number" | "phone">;

const ID_NUMBER_PATTERN = /^\d{17}[\dX]$/;
const PHONE_PATTERN = /^1[3-9]\d{9}$/;

export const EXACT_LOOKUP_IN_SEARCH_MESSAGE = "完整的身份证号或手机号请使用精确查询";
export const NOT_EXACT_LOOKUP_MESSAGE = "精确查询请输入完整的18位身份证号或11位手机号";
export const MANAGER_NAME_ONLY_MESSAGE = "科室负责人只能按姓名查询参保人";
export const EXACT_LOOKUP_LIMIT_MESSAGE = "精确查询失败次数过多，请稍后再试";

// Digits of any other length match nothing rather than being searched as a name.
export function interpretQuery(query: string): { match: MemberMatch; term: string } {
  const compact = normaliseIdNumber(query);
  if (ID_NUMBER_PATTERN.test(compact)) return { match: "id_number", term: compact };
  const digits = query.replace(/[\s-]/g, "");
  if (PHONE_PATTERN.test(digits)) return { match: "phone", term: digits };
  if (/^\d{4}$/.test(digits)) return { match: "phone_last4", term: digits };
  if (/^[\dXx]+$/.test(compact)) return { match: "unrecognised", term: compact };
  return { match: "name", term: query.replace(/[•・∙⋅．.]/g, "·") };
}

export function isExactMatch(match: MemberMatch): match is ExactMatch {
  return match === "id_number" || match === "phone";
}

export const isExactLookupTerm = (query: string) => isExactMatch(interpretQuery(query).match);

// The exact lookup: a mutation, so the term is in the request body and never in a URL.
export const lookupMemberInput = z.strictObject({
  term: z
    .string()
    .trim()
    .max(32, NOT_EXACT_LOOKUP_MESSAGE)
    .refine(isExactLookupTerm, NOT_EXACT_LOOKUP_MESSAGE),
});
export type LookupMemberInput = z.infer<typeof lookupMemberInput>;
