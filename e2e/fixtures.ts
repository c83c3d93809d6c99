import { readFileSync } from "node:fs";
import { test as base, expect, type Page } from "@playwright/test";
import postgres from "postgres";
import { DEMO_PASSWORD, E2E_STATE_FILE } from "./config";

export const DEMO_LOGINS = {
  caseworker: "xa_caseworker",
  otherCaseworker: "ls_caseworker",
  manager: "manager",
  admin: "admin",
} as const;

export async function signIn(page: Page, login: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(login);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

type Fixtures = {
  asCaseworker: Page;
  asManager: Page;
  asAdmin: Page;
  sql: postgres.Sql;
};

// Signs in as a demo account the way its owner would. An account is slowed down after five
// failed attempts within 15 minutes, and the suite signs the same demo accounts in many times
// from two workers, some of them failing on purpose; when the form asks to wait a moment, wait
// and try again, as a person would.
async function signInAsOwner(page: Page, login: string) {
  for (let attempt = 1; ; attempt++) {
    await signIn(page, login);
    const outcome = await Promise.race([
      page.waitForURL(/\/$/, { timeout: 20_000 }).then(() => "in" as const),
      page
        .getByText("登录尝试过于频繁，请稍后再试")
        .waitFor({ timeout: 20_000 })
        .then(() => "slowed" as const),
    ]).catch(() => "unknown" as const);
    if (outcome !== "slowed" || attempt === 4) break;
    await page.waitForTimeout(2_000 * attempt);
  }
  await expect(page).toHaveURL(/\/$/);
}

function signedIn(login: string) {
  return async ({ page }: { page: Page }, use: (page: Page) => Promise<void>) => {
    await signInAsOwner(page, login);
    await use(page);
  };
}

export const test = base.extend<Fixtures>({
  asCaseworker: signedIn(DEMO_LOGINS.caseworker),
  asManager: signedIn(DEMO_LOGINS.manager),
  asAdmin: signedIn(DEMO_LOGINS.admin),
  // Direct access to the e2e database, to check that what the UI showed is what was stored.
  sql: async ({ page: _page }, use) => {
    const state = JSON.parse(readFileSync(E2E_STATE_FILE, "utf8")) as { databaseUrl: string };
    const sql = postgres(state.databaseUrl, { max: 2, onnotice: () => {} });
    await use(sql);
    await sql.end();
  },
});

export { expect };
