import type { Page } from "@playwright/test";
import type postgres from "postgres";
import { axeProblems } from "./axe";
import { expect, test } from "./fixtures";

// Every page each role can open, as that role: no serious accessibility problem, a first-level
// heading, and not one console error or failed request on the way. One test a page, so each
// stays well inside its time budget.
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

async function visit(page: Page, path: string): Promise<string[]> {
  const errors = watchConsole(page);
  await page.goto(path);
  return [...(await axeProblems(page, path)), ...errors];
}

type PathOf = (sql: postgres.Sql) => Promise<string>;
const at =
  (path: string): PathOf =>
  async () =>
    path;
const xianEnquiry = async (sql: postgres.Sql) =>
  (
    await sql`select id, member_id from enquiries where region_code = '610100' order by id limit 1`
  )[0];

const CASEWORKER: Record<string, PathOf> = {
  home: at("/"),
  enquiries: at("/enquiries"),
  recheck: at("/enquiries?recheck=due"),
  transferred: at("/enquiries?transferred=out"),
  new: at("/enquiries/new"),
  enquiry: async (sql) => `/enquiries/${(await xianEnquiry(sql))?.id}`,
  letter: async (sql) => `/enquiries/${(await xianEnquiry(sql))?.id}/letters/new`,
  members: at("/members"),
  member: async (sql) => `/members/${(await xianEnquiry(sql))?.member_id}`,
  password: at("/account/password"),
};
const MANAGER: Record<string, PathOf> = {
  home: at("/"),
  enquiries: at("/enquiries"),
  enquiry: async (sql) => `/enquiries/${(await sql`select min(id) as id from enquiries`)[0]?.id}`,
  dispatch: at("/enquiries/dispatch"),
  // A demo hotline order with the most history: reviews, pauses, 督办 and 催办 on one page.
  "work order": async (sql) =>
    `/enquiries/${
      (
        await sql`select w.enquiry_id as id from work_orders w
          order by (select count(*) from audit_events a
                    where a.entity = 'enquiry' and a.entity_id = w.enquiry_id::text) desc
          limit 1`
      )[0]?.id
    }`,
  analytics: at("/analytics"),
  members: at("/members"),
};
const ADMIN: Record<string, PathOf> = {
  home: at("/"),
  users: at("/admin/users"),
  reviews: at("/admin/region-reviews"),
  audit: at("/admin/audit"),
  "policy settings": at("/admin/policy-settings"),
  "policy settings of a city": at("/admin/policy-settings?region=520100"),
  analytics: at("/analytics"),
  password: at("/account/password"),
};

test("the sign-in page", async ({ page }) => {
  expect(await visit(page, "/login")).toEqual([]);
});

for (const [name, pathOf] of Object.entries(CASEWORKER)) {
  test(`caseworker: ${name}`, async ({ asCaseworker: page, sql }) => {
    expect(await visit(page, await pathOf(sql))).toEqual([]);
  });
}
for (const [name, pathOf] of Object.entries(MANAGER)) {
  test(`manager: ${name}`, async ({ asManager: page, sql }) => {
    expect(await visit(page, await pathOf(sql))).toEqual([]);
  });
}
for (const [name, pathOf] of Object.entries(ADMIN)) {
  test(`administrator: ${name}`, async ({ asAdmin: page, sql }) => {
    expect(await visit(page, await pathOf(sql))).toEqual([]);
  });
}
