import { buildIdNumber } from "@/server/rules/id-number";
import { expect, test } from "./fixtures";

// A full ID number is looked up in a POST body: it appears in no URL the browser requests or
// keeps in its history, and the lookup is audited with the masked number.
test("a caseworker looks up a member by full ID number without it entering a URL", async ({
  asCaseworker: page,
  sql,
}) => {
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, "0");
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, "0");
  const idNumber = buildIdNumber("610113", `1961${month}${day}`, Math.floor(Math.random() * 1000));
  const masked = `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`;
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));

  await page.goto("/members");
  await page.getByRole("button", { name: "录入参保人" }).first().click();
  const dialog = page.getByRole("dialog", { name: "录入参保人" });
  await dialog.getByLabel("姓名").fill("周查询");
  await dialog.getByLabel("身份证号").fill(idNumber);
  await dialog.getByRole("radio", { name: "职工医保", exact: true }).check();
  await dialog.getByRole("radio", { name: "退休", exact: true }).check();
  await dialog.getByRole("button", { name: "录入", exact: true }).click();
  await expect(page).toHaveURL(/\/members\/\d+$/);

  await page.goto("/members");
  await page.getByLabel("查询参保人").fill(idNumber);
  await page.getByLabel("查询参保人").press("Enter");
  await expect(page.getByRole("cell", { name: masked })).toBeVisible();
  await expect(page).toHaveURL(/\/members$/);
  expect(urls.filter((url) => url.includes(idNumber))).toEqual([]);

  const [audit] = await sql<{ after: { term: string; found: boolean } }[]>`
    select a.after from audit_events a join users u on u.id = a.actor_id
    where a.action = 'member.lookup' and u.login = 'xa_caseworker'
    order by a.id desc limit 1`;
  expect(audit?.after).toMatchObject({ term: masked, found: true });
});
