import type { APIRequestContext, Browser, BrowserContext } from "@playwright/test";
import { addressKey } from "@/server/auth/client-address";
import {
  loginAddressKey,
  loginKey,
  SIGN_IN_MAX_FAILURES_PER_ADDRESS,
} from "@/server/auth/sign-in-limiter";
import { DEMO_PASSWORD } from "./config";
import { DEMO_LOGINS, expect, signIn, test } from "./fixtures";

// Each test signs in from an address of its own (X-Forwarded-For, as the one trusted proxy of
// the e2e server would set it: e2e/serve.ts sets TRUST_PROXY=1), so the per-address limit it
// trips never reaches the other specs, which all come from 127.0.0.1.
const octet = () => 1 + Math.floor(Math.random() * 250);
const freshAddress = () => `10.${octet()}.${octet()}.${octet()}`;

function contextFrom(browser: Browser, address: string): Promise<BrowserContext> {
  return browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
}

// A failed attempt posted to Auth.js's own endpoint, as a script would try passwords.
async function failedAttempt(request: APIRequestContext, login: string): Promise<string> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, login, password: "wrong-password-e2e", callbackUrl: "/" },
    maxRedirects: 0,
  });
  return new URL(response.headers().location ?? "", "http://x").searchParams.get("code") ?? "";
}

const THROTTLED = "登录失败次数过多，请 15 分钟后再试";
const SLOWED = "登录尝试过于频繁，请稍后再试";

test("failures lock a login from one address, while its owner elsewhere is only slowed down", async ({
  browser,
  sql,
}) => {
  const login = `throttle_${Date.now().toString(36)}`;
  await sql`
    insert into users (display_name, login, password_hash, role, region_scope)
    select '限流测试', ${login}, password_hash, role, region_scope
    from users where login = ${DEMO_LOGINS.caseworker}`;
  try {
    const address = freshAddress();
    const attacker = await contextFrom(browser, address);
    for (let i = 0; i < 5; i++)
      expect(await failedAttempt(attacker.request, login)).toBe("credentials");
    // After five failures of the account, from anywhere, the next waits a second.
    expect(await failedAttempt(attacker.request, login)).toBe("slow_down");
    // Five more failures from this address earlier in the window: ten for the pair.
    await sql`
      insert into sign_in_failures (key, failed_at)
      select ${loginAddressKey(login, addressKey(address))}, now() - interval '5 minutes'
      from generate_series(1, 5)`;
    expect(await failedAttempt(attacker.request, login)).toBe("too_many_attempts");

    // The owner, from another address, with the right password, just after three more failures
    // (eight in all, so the account waits 8 s): told to wait a moment, then let in.
    const owner = await contextFrom(browser, freshAddress());
    const page = await owner.newPage();
    await page.goto("/login");
    await page.getByLabel("用户名").fill(login);
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await sql`
      insert into sign_in_failures (key, failed_at)
      select ${loginKey(login)}, now() from generate_series(1, 3)`;
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.locator(".ant-alert-error")).toContainText(SLOWED);
    await page.waitForTimeout(8_500);
    await signIn(page, login);
    await expect(page).toHaveURL(/\/$/);
    // The messages after a redirect from Auth.js's endpoint, to a visitor not signed in (a
    // signed-in one is sent from /login to the start page).
    const visitor = await contextFrom(browser, freshAddress());
    const fresh = await visitor.newPage();
    await fresh.goto("/login?error=CredentialsSignin&code=too_many_attempts");
    await expect(fresh.locator(".ant-alert-error")).toContainText(THROTTLED);
    await fresh.goto("/login?error=CredentialsSignin&code=slow_down");
    await expect(fresh.locator(".ant-alert-error")).toContainText(SLOWED);

    const audit = await sql<{ action: string; after: { limitedBy: string[] } }[]>`
      select action, after from audit_events
      where action in ('user.sign_in_failed', 'user.sign_in_blocked') and after->>'login' = ${login}
      order by id`;
    expect(audit.filter((row) => row.action === "user.sign_in_failed")).toHaveLength(5);
    expect(
      audit
        .filter((row) => row.action === "user.sign_in_blocked")
        .map((row) => row.after.limitedBy),
    ).toEqual([["login_delay"], ["login_address"], ["login_delay"]]);
    expect(JSON.stringify(audit)).not.toContain("wrong-password-e2e");
    expect(JSON.stringify(audit)).not.toContain(DEMO_PASSWORD);
    await attacker.close();
    await owner.close();
    await visitor.close();
  } finally {
    // Its audit rows keep the account (audit_events.actor_id restricts deletes); disable it.
    await sql`update users set active = false where login = ${login}`;
  }
});

test("thirty failures from one address lock that address, not the accounts", async ({
  browser,
}) => {
  const address = freshAddress();
  const attacker = await contextFrom(browser, address);
  for (let i = 0; i < SIGN_IN_MAX_FAILURES_PER_ADDRESS; i++) {
    expect(await failedAttempt(attacker.request, `nobody_${i}_${Date.now()}`)).toBe("credentials");
  }
  const sameAddress = await attacker.newPage();
  await signIn(sameAddress, DEMO_LOGINS.manager);
  await expect(sameAddress.locator(".ant-alert-error")).toContainText(THROTTLED);

  const elsewhere = await (await contextFrom(browser, freshAddress())).newPage();
  await signIn(elsewhere, DEMO_LOGINS.manager);
  await expect(elsewhere).toHaveURL(/\/$/);
  await attacker.close();
  await elsewhere.context().close();
});

test("a signed-out cookie replayed in a new browser is refused", async ({ browser, sql }) => {
  const address = freshAddress();
  const context = await contextFrom(browser, address);
  const page = await context.newPage();
  await signIn(page, DEMO_LOGINS.otherCaseworker);
  await expect(page.getByRole("heading", { name: /您好/ })).toBeVisible();
  const cookies = await context.cookies();
  const sessionCookie = cookies.find((c) => c.name.endsWith("authjs.session-token"));
  expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true });

  await page.getByRole("button", { name: "用户菜单" }).click();
  await page.getByText("退出登录").click();
  await expect(page).toHaveURL(/\/login/);
  const [ended] = await sql<{ ended_reason: string }[]>`
    select ended_reason from user_sessions where client_address = ${address}`;
  expect(ended?.ended_reason).toBe("sign_out");

  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const replayed = await replay.newPage();
  await replayed.goto("/");
  await expect(replayed).toHaveURL(/\/login/);
  const api = await replay.request.get("/api/trpc/viewer.me");
  expect(api.status()).toBe(401);
  expect(await api.text()).toContain("UNAUTHORIZED");
  await context.close();
  await replay.close();
});

test("a session unused for 30 minutes ends", async ({ browser, sql }) => {
  const address = freshAddress();
  const context = await contextFrom(browser, address);
  const page = await context.newPage();
  await signIn(page, DEMO_LOGINS.otherCaseworker);
  await expect(page.getByRole("heading", { name: /您好/ })).toBeVisible();
  await sql`
    update user_sessions set last_seen_at = now() - interval '31 minutes'
    where client_address = ${address}`;
  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  const [row] = await sql<{ ended_reason: string }[]>`
    select ended_reason from user_sessions where client_address = ${address}`;
  expect(row?.ended_reason).toBe("idle");
  await context.close();
});
