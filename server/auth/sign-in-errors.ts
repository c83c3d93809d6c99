import { SIGN_IN_WINDOW_MS } from "./sign-in-limiter";

// What the login page says for each way a sign-in can fail. Unknown logins and wrong
// passwords share one message; the refusals before a password check and a server fault have
// their own.
export const SIGN_IN_MESSAGES = {
  invalid: "用户名或密码错误",
  throttled: `登录失败次数过多，请 ${SIGN_IN_WINDOW_MS / 60_000} 分钟后再试`,
  slowed: "登录尝试过于频繁，请稍后再试",
  busy: "系统繁忙，请稍后再试",
  unavailable: "系统繁忙，请稍后重试",
} as const;

// The codes of the CredentialsSignin errors thrown by authorize (server/auth/config.ts).
export const SIGN_IN_CODES = {
  throttled: "too_many_attempts",
  slowed: "slow_down",
  busy: "busy",
} as const;

// Auth.js errors as the sign-in action or the ?error=&code= redirect report them.
export function signInMessageFor(type: string | undefined, code: string | undefined): string {
  if (type === "CredentialsSignin") {
    if (code === SIGN_IN_CODES.throttled) return SIGN_IN_MESSAGES.throttled;
    if (code === SIGN_IN_CODES.slowed) return SIGN_IN_MESSAGES.slowed;
    if (code === SIGN_IN_CODES.busy) return SIGN_IN_MESSAGES.busy;
    return SIGN_IN_MESSAGES.invalid;
  }
  // CallbackRouteError: authorize itself failed (database or Redis unreachable).
  return type === "CallbackRouteError" ? SIGN_IN_MESSAGES.unavailable : SIGN_IN_MESSAGES.invalid;
}

export function signInErrorMessage(error: { type?: string; code?: unknown }): string {
  return signInMessageFor(error.type, typeof error.code === "string" ? error.code : undefined);
}
