import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS } from "../auth/common-passwords";
import { newPassword, passwordFor, passwordLoginProblem } from "./auth";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? [] : (result.error?.issues.map((issue) => issue.message) ?? []);

describe("the password policy", () => {
  it("knows a few hundred common passwords, Chinese favourites included", () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(300);
    for (const password of ["123456789012", "qwertyuiop12", "woaini1314", "woaini1314520"]) {
      expect(COMMON_PASSWORDS.has(password)).toBe(true);
    }
    for (const password of COMMON_PASSWORDS) expect(password).toBe(password.toLowerCase());
  });

  it("asks for 12 characters and refuses listed passwords in any case", () => {
    expect(messages(newPassword.safeParse("Short-pw-1"))).toEqual(["密码至少需要12个字符"]);
    expect(messages(newPassword.safeParse("QWERTYUIOP12"))).toEqual([
      "该密码过于常见，容易被猜中，请换一个",
    ]);
    expect(newPassword.safeParse("Amber-Valley-Tram-9").success).toBe(true);
    expect(newPassword.safeParse("x".repeat(129)).success).toBe(false);
  });

  it("refuses the login, alone or inside the password, in any case", () => {
    expect(passwordLoginProblem("xa_caseworker", "XA_Caseworker")).toBe("密码不能与用户名相同");
    expect(passwordLoginProblem("my-XA_CASEWORKER-1", "xa_caseworker")).toBe("密码不能包含用户名");
    expect(passwordLoginProblem("Amber-Valley-Tram-9", "xa_caseworker")).toBeNull();
    expect(messages(passwordFor("wang_min").safeParse("Wang_Min-2026-pass"))).toEqual([
      "密码不能包含用户名",
    ]);
  });
});
