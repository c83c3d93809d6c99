import { expect, test } from "./fixtures";

test("filtering by cause through the URL survives a reload and matches the database", async ({
  asCaseworker: page,
  sql,
}) => {
  const [row] = await sql`
    select count(*)::int as n from enquiries e
    where e.region_code between '610100' and '610199'
      and exists (select 1 from enquiry_causes c where c.enquiry_id = e.id and c.cause = 'system_delay')`;
  const expected = row?.n as number;
  expect(expected).toBeGreaterThan(0);

  await page.goto("/enquiries?cause=system_delay");
  const table = page.getByRole("table", { name: "咨询工单列表" });
  await expect(page.getByText(`共 ${expected.toLocaleString("zh-CN")} 件`)).toBeVisible();
  await page.reload();
  await expect(page).toHaveURL(/cause=system_delay/);
  await expect(page.getByText(`共 ${expected.toLocaleString("zh-CN")} 件`)).toBeVisible();
  const causeCells = table.locator("tbody tr.ant-table-row");
  const rows = await causeCells.count();
  expect(rows).toBeGreaterThan(0);
  for (let i = 0; i < rows; i++) {
    await expect(causeCells.nth(i)).toContainText("系统延迟");
  }
});

test("a 政策改革 sub-reason narrows the list, and the filter shows once its cause is chosen", async ({
  asManager: page,
  sql,
}) => {
  const [row] = await sql`
    select count(*)::int as n from enquiries e
    where exists (select 1 from enquiry_causes c where c.enquiry_id = e.id
      and c.cause = 'policy_reform' and c.sub_reason = 'outpatient_reform')`;
  const expected = row?.n as number;
  expect(expected).toBeGreaterThan(0);

  await page.goto("/enquiries?sub=outpatient_reform");
  // Without its cause the sub-reason is not a filter, and the bar offers none.
  await expect(page.getByLabel("子原因", { exact: true })).toHaveCount(0);
  await page.goto("/enquiries?cause=policy_reform&sub=outpatient_reform");
  await expect(page.getByText(`共 ${expected.toLocaleString("zh-CN")} 件`)).toBeVisible();
  await expect(page.getByLabel("子原因", { exact: true })).toBeVisible();
  const rows = page.locator("tbody tr.ant-table-row");
  await expect(rows.first()).toContainText("政策改革·门诊共济改革");
});

test("a 2-character search finds matching enquiries", async ({ asManager: page }) => {
  await page.goto("/enquiries?q=负数");
  await expect(page.getByRole("table", { name: "咨询工单列表" })).toBeVisible();
  await expect(page.locator("tbody tr.ant-table-row").first()).toBeVisible();
});

test("an enquiry of another region is not found", async ({ asCaseworker: page, sql }) => {
  const [other] =
    await sql`select id from enquiries where region_code = '511100' order by id limit 1`;
  await page.goto(`/enquiries/${other?.id}`);
  await expect(page.getByText("咨询工单不存在或无权查看")).toBeVisible();
});
