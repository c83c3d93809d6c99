import { expect, test } from "./fixtures";

test("a caseworker opening /analytics gets a clear no-access page", async ({
  asCaseworker: page,
}) => {
  await page.goto("/analytics");
  await expect(page.getByText("无权访问统计分析")).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "统计分析" }),
  ).toHaveCount(0);
});

test("a manager reads every chart, narrows by region, drills down and exports", async ({
  asManager: page,
  sql,
}) => {
  await page
    .getByRole("navigation", { name: "主导航" })
    .getByRole("link", { name: "统计分析" })
    .click();
  await expect(page).toHaveURL(/\/analytics/);

  await expect(page.getByTestId("kpi-tiles")).toContainText("咨询量");
  for (const id of ["chart-by-month", "chart-by-region", "chart-cause-share"]) {
    await expect(
      page.getByTestId(id).locator(".recharts-surface path, .recharts-surface rect").first(),
      id,
    ).toBeVisible();
  }
  await expect(page.getByTestId("chart-heatmap").locator("td a").first()).toBeVisible();

  // Narrow to one province through the region chart: the URL and the charts follow.
  await page.goto("/analytics?region=510000");
  await expect(page).toHaveURL(/region=510000/);
  await expect(page.getByTestId("chart-by-region")).toContainText("乐山市");

  // Drill down from the monthly chart: the list shows the same enquiries the bar counted.
  await page.getByTestId("chart-by-month").getByText("表格", { exact: true }).click();
  const firstLink = page.getByTestId("chart-by-month").locator("table a").first();
  const shown = Number(((await firstLink.textContent()) ?? "").replaceAll(",", ""));
  await firstLink.click();
  await expect(page).toHaveURL(/\/enquiries\?/);
  const url = new URL(page.url());
  const cause = url.searchParams.get("cause") as string;
  const from = url.searchParams.get("from") as string;
  const to = url.searchParams.get("to") as string;
  expect(url.searchParams.get("region")).toBe("510000");
  const [row] = await sql`
    select count(*)::int as n from enquiries e
    where e.region_code between '510000' and '519999'
      and (e.opened_at at time zone 'Asia/Shanghai')::date between ${from}::date and ${to}::date
      and exists (select 1 from enquiry_causes c where c.enquiry_id = e.id and c.cause = ${cause})`;
  expect(row?.n).toBe(shown);
  await expect(page.getByText(`共 ${shown.toLocaleString("zh-CN")} 件`)).toBeVisible();

  await page.goto("/analytics");
  await page.getByRole("button", { name: /导出/ }).click();
  const download = page.waitForEvent("download");
  await page.getByText("导出汇总表（CSV）").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^咨询统计汇总_.*\.csv$/);

  const xlsx = await page.request.get("/api/export/enquiries.xlsx?region=510000");
  expect(xlsx.status()).toBe(200);
  const body = await xlsx.body();
  expect(body.subarray(0, 2).toString()).toBe("PK");
});
