import { z } from "zod";
import { isCommonPassword } from "../auth/common-passwords";
import { text } from "./text";

export const signInInput = z.strictObject({
  login: text().trim().min(1, "请输入用户名").max(64, "用户名过长"),
  password: text().min(1, "请输入密码").max(256, "密码过长"),
});
export type SignInInput = z.infer<typeof signInInput>;

// The password policy, one schema for every form and router that sets a password. Length beats
// complexity rules; the list catches what people choose when forced to make it long. The
// login rule needs the login, which a form knows and the server reads from the database, so it
// is a separate check both sides run (passwordFor / passwordLoginProblem).
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_POLICY_HINT = "至少12个字符，不能是常见密码，不能包含用户名";

export const newPassword = text({ error: "请输入新密码" })
  .min(PASSWORD_MIN_LENGTH, `密码至少需要${PASSWORD_MIN_LENGTH}个字符`)
  .max(128, "密码不能超过128个字符")
  .refine((password) => !isCommonPassword(password), "该密码过于常见，容易被猜中，请换一个");

export function passwordLoginProblem(password: string, login: string): string | null {
  const plain = password.toLowerCase();
  const name = login.trim().toLowerCase();
  if (!name) return null;
  if (plain === name) return "密码不能与用户名相同";
  if (plain.includes(name)) return "密码不能包含用户名";
  return null;
}

// The policy with the login rule, for a form that knows whose password it sets.
export function passwordFor(login: string) {
  return newPassword.superRefine((password, ctx) => {
    const problem = passwordLoginProblem(password, login);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

export const changePasswordInput = z
  .strictObject({
    currentPassword: text().min(1, "请输入当前密码").max(256, "密码过长"),
    newPassword,
    confirmPassword: text().max(256, "密码过长"),
  })
  .refine((input) => input.confirmPassword === input.newPassword, {
    message: "两次输入的新密码不一致",
    path: ["confirmPassword"],
  });
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;
