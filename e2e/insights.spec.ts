import { shanghaiDay, shanghaiMonth } from "@/server/rules/calendar-day";
import { axeProblemsAt } from "./axe";
import { expect, test } from "./fixtures";

// The calendar and analytics side of the domain: the caseworker's 复查 queue, the manager's
// spike alerts with the policy markers on the monthly chart, and the admin's 政策节点.

test("a caseworker works the 今日待复查 / 已逾期 queue", async ({ asCaseworker: page, sql }) => {
  // Arrange one overdue re-check in 西安: the latest 系统延迟 enquiry the demo filed at the
  // counter there, put back to 待复查 with its re-check yesterday (the demo's own open ones depend
  // on the day it is seeded). Counter and before today: the work-order specs file and tag
  // 西安 orders of their own while this runs.
  const [target] = await sql<{ id: string }[]>`
    update enquiries set status = 'awaiting_recheck', resolved_at = null,
      resolution_summary = null, follow_up_method = null, follow_up_result = null,
      satisfaction = null, followed_up_at = null
    where id = (
      select e.id from enquiries e
      where e.region_code between '610100' and '610199'
        and e.channel = 'counter' and e.opened_at < now() - interval '1 day'
        and exists (select 1 from enquiry_causes c
                    where c.enquiry_id = e.id and c.cause = 'system_delay')
      order by e.opened_at desc limit 1)
    returning id::text as id`;
  expect(target, "the demo data has a 系统延迟 enquiry in 西安").toBeDefined();
  const id = Number(target?.id);
  await sql`
    update enquiries set recheck_due_on = ${shanghaiDay(new Date())}::date - 1 where id = ${id}`;
  const due = async () => {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from enquiries
      where region_code between '610100' and '610199'
        and recheck_due_on <= ${shanghaiDay(new Date())}::date`;
    return row?.n ?? 0;
  };

  await page.goto("/");
  const tile = page.getByTestId("recheck-due-tile");
  await expect(tile).toContainText("今日待复查 / 已逾期");
  await expect(tile).toContainText(String(await due()));
  await tile.click();
  await expect(page).toHaveURL(/recheck=due/);
  await expect(page.getByRole("radio", { name: "今日待复查 / 已逾期" })).toBeChecked();
  await expect(page.getByRole("link", { name: `#${id}`, exact: true })).toBeVisible();

  // Recording the 复查 takes the enquiry out of the queue.
  await page.getByRole("link", { name: `#${id}`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/enquiries/${id}$`));
  // Typing 复查 also matches 设定复查日期, so the option is clicked rather than taken by Enter.
  await page.getByLabel("处理步骤", { exact: true }).click();
  await page.getByLabel("处理步骤", { exact: true }).fill("复查");
  await page
    .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")
    .getByTitle("复查", { exact: true })
    .click();
  await page.getByLabel("说明").fill("复查：划入款已到账");
  await page.getByRole("button", { name: "记录步骤" }).click();
  await expect(page.getByText("复查：划入款已到账", { exact: true })).toBeVisible();
  // Polled: the step shows in the timeline as soon as the answer arrives, the check may be first.
  await expect
    .poll(async () => (await sql`select recheck_due_on from enquiries where id = ${id}`)[0])
    .toEqual({ recheck_due_on: null });

  await page.goto("/enquiries?recheck=due");
  await expect(page.getByRole("radio", { name: "今日待复查 / 已逾期" })).toBeChecked();
  await expect(page.getByRole("link", { name: `#${id}`, exact: true })).toHaveCount(0);
  expect(await axeProblemsAt(page, "/enquiries?recheck=due")).toEqual([]);
});

test("a manager sees the 无锡 系统延迟 burst among the spikes and policy markers on the chart", async ({
  asManager: page,
  sql,
}) => {
  await page.goto("/analytics");
  const card = page.getByTestId("spikes");
  const burst = card.getByRole("row").filter({ hasText: "无锡市" }).filter({ hasText: "系统延迟" });
  await expect(burst).toHaveCount(1);

  // The count links to the enquiries behind it, and the list agrees with the database.
  const link = burst.getByRole("link");
  const shown = Number(((await link.textContent()) ?? "").replaceAll(",", ""));
  expect(shown).toBeGreaterThanOrEqual(8);
  await link.click();
  await expect(page).toHaveURL(/\/enquiries\?.*region=320200/);
  const url = new URL(page.url());
  expect(url.searchParams.get("cause")).toBe("system_delay");
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from enquiries e
    where e.region_code between '320200' and '320299'
      and (e.opened_at at time zone 'Asia/Shanghai')::date
          between ${url.searchParams.get("from")}::date and ${url.searchParams.get("to")}::date
      and exists (select 1 from enquiry_causes c
                  where c.enquiry_id = e.id and c.cause = 'system_delay')`;
  expect(row?.n).toBe(shown);

  // The default twelve months always contain a July: the insurance-year change is marked.
  await page.goto("/analytics");
  const chart = page.getByTestId("chart-by-month");
  await expect(chart.getByTestId("policy-marker-label").first()).toContainText("医保年度切换");
  await expect(chart).toContainText("虚线为政策节点");
  await expect(page.getByTestId("policy-events")).toHaveCount(0);
  expect(await axeProblemsAt(page, "/analytics")).toEqual([]);
});

test("an admin adds and deletes a 政策节点, audited, and the chart marks it", async ({
  asAdmin: page,
  sql,
}) => {
  const month = shanghaiMonth(new Date());
  await page.goto("/analytics");
  const card = page.getByTestId("policy-events");
  await card.getByRole("button", { name: "添加政策节点" }).click();
  const dialog = page.getByRole("dialog", { name: "添加政策节点" });
  await dialog.getByLabel("生效日期").fill(`${month}-01`);
  await dialog.getByLabel("生效日期").press("Enter");
  await dialog.getByLabel("节点名称").fill("基数下限调整");
  await dialog.getByLabel("说明").fill("本地缴费基数下限上调");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByRole("row").filter({ hasText: "基数下限调整" })).toContainText("全国");
  expect(await axeProblemsAt(page, "/analytics")).toEqual([]);
  await expect(
    page.getByTestId("chart-by-month").getByTestId("policy-marker-label").last(),
  ).toContainText("基数下限调整");

  const [stored] = await sql<{ id: string; effective_on: string }[]>`
    select id::text, effective_on::text from policy_events where label = '基数下限调整'`;
  expect(stored?.effective_on).toBe(`${month}-01`);
  await card.getByRole("row").filter({ hasText: "基数下限调整" }).getByText("删除").click();
  await page.locator(".ant-popconfirm").getByRole("button", { name: "删除" }).click();
  await expect(card.getByRole("row").filter({ hasText: "基数下限调整" })).toHaveCount(0);
  const audit = await sql`
    select action from audit_events where entity = 'policy_event' and entity_id = ${stored?.id ?? ""}
    order by id`;
  expect(audit.map((a) => a.action)).toEqual(["policy_event.create", "policy_event.delete"]);
});
