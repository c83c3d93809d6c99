import type { Page } from "@playwright/test";
import { axeProblems } from "./axe";
import { expect, test } from "./fixtures";

// Every page each role can open, as that role: no serious accessibility problem, a first-level
// heading, and not one console error or failed request on the way.
function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${page.url()} console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${page.url()} page error: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  return errors;
}

async function walk(page: Page, paths: string[]): Promise<string[]> {
  const errors = watchConsole(page);
  const problems: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    problems.push(...(await axeProblems(page, path)));
  }
  return [...problems, ...errors];
}

test("the sign-in page", async ({ page }) => {
  expect(await walk(page, ["/login"])).toEqual([]);
});

test("every page a caseworker opens", async ({ asCaseworker: page, sql }) => {
  const [enquiry] = await sql`
    select id, member_id from enquiries where region_code = '610100' order by id limit 1`;
  expect(
    await walk(page, [
      "/",
      "/enquiries",
      "/enquiries?recheck=due",
      "/enquiries/new",
      `/enquiries/${enquiry?.id}`,
      `/enquiries/${enquiry?.id}/notice`,
      "/members",
      `/members/${enquiry?.member_id}`,
      "/account/password",
    ]),
  ).toEqual([]);
});

test("every page a manager opens", async ({ asManager: page, sql }) => {
  const [enquiry] = await sql`select id from enquiries order by id limit 1`;
  expect(
    await walk(page, [
      "/",
      "/enquiries",
      `/enquiries/${enquiry?.id}`,
      "/analytics",
      "/members",
      "/account/password",
    ]),
  ).toEqual([]);
});

test("every page an administrator opens", async ({ asAdmin: page }) => {
  expect(
    await walk(page, [
      "/",
      "/admin/users",
      "/admin/region-reviews",
      "/admin/audit",
      "/analytics",
      "/enquiries",
      "/members",
    ]),
  ).toEqual([]);
});
