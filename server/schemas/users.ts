import { z } from "zod";
import { ROLE_CODES } from "@/db/constants";
import { newPassword, passwordLoginProblem } from "./auth";
import { rowId as id } from "./fields";
import { text } from "./text";

// The account administration inputs (系统管理 → 用户管理), shared by the forms, the router and
// the tests. Region scopes are province or city codes; null is the whole jurisdiction.

export const LOGIN_PATTERN = /^[a-z][a-z0-9_.-]{2,31}$/;
export const DUPLICATE_LOGIN_MESSAGE = "该用户名已被使用";
export const SCOPE_REQUIRED_MESSAGE = "经办人员必须指定管辖地区";

// Logins are compared case-insensitively at sign-in; storing them lower-case keeps the list,
// the audit trail and the uniqueness check in one spelling.
export const userLogin = text({ error: "请输入用户名" })
  .trim()
  .toLowerCase()
  .regex(LOGIN_PATTERN, "用户名为3–32位，以字母开头，只能包含字母、数字、下划线、点或连字符");

export const userDisplayName = text({ error: "请输入姓名" })
  .trim()
  .min(1, "请输入姓名")
  .max(32, "姓名不能超过32个字");

export const userRole = z.enum(ROLE_CODES, { error: "请选择角色" });

export const regionScope = text()
  .regex(/^\d{6}$/, "请选择管辖地区")
  .nullable();

type ScopedRole = { role: string; regionScope: string | null };

// Caseworkers see only their own region's members and enquiries; without a scope they would
// see everything, which is what the manager role is for.
function requireCaseworkerScope(input: ScopedRole, ctx: z.RefinementCtx) {
  if (input.role === "caseworker" && !input.regionScope) {
    ctx.addIssue({ code: "custom", message: SCOPE_REQUIRED_MESSAGE, path: ["regionScope"] });
  }
}

export const createUserInput = z
  .strictObject({
    login: userLogin,
    displayName: userDisplayName,
    role: userRole,
    regionScope,
    password: newPassword,
  })
  .superRefine((input, ctx) => {
    requireCaseworkerScope(input, ctx);
    const problem = passwordLoginProblem(input.password, input.login);
    if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["password"] });
  });
export type CreateUserInput = z.input<typeof createUserInput>;
export type CreateUserData = z.output<typeof createUserInput>;

export const updateUserInput = z
  .strictObject({ id, displayName: userDisplayName, role: userRole, regionScope })
  .superRefine(requireCaseworkerScope);
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const setUserActiveInput = z.strictObject({ id, active: z.boolean() });

export const resetPasswordInput = z.strictObject({ id, password: newPassword });

export const USER_STATUSES = ["active", "disabled"] as const;

export const listUsersInput = z.strictObject({
  q: text().trim().max(32, "搜索词不能超过32个字").optional(),
  role: userRole.optional(),
  status: z.enum(USER_STATUSES).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type ListUsersInput = z.input<typeof listUsersInput>;
