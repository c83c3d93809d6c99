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

function signedIn(login: string) {
  return async ({ page }: { page: Page }, use: (page: Page) => Promise<void>) => {
    await signIn(page, login);
    await expect(page).toHaveURL(/\/$/);
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
