import type { Browser, Page } from "@playwright/test";
import { DEMO_LOGINS, expect, signIn, test } from "./fixtures";
import { chooseCity } from "./ui";

// The side doors of a work order, as the people who use them would: a 退单 the manager refuses,
// a 挂起 and its resumption, and a 转办 to 乐山, after which 西安 can still read the order and
// 乐山 signs it. The order is registered straight in the database (the dispatch form has its
// own test) with a caller nobody could match, which 乐山's caseworker then links.

test.describe.configure({ mode: "serial" });

let orderId = 0;

async function asUser(browser: Browser, login: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, login);
  await expect(page).toHaveURL(/\/$/);
  return { page, close: () => context.close() };
}

async function take(page: Page, action: string) {
  await page.getByRole("button", { name: action, exact: true }).click();
  return page.getByRole("dialog", { name: action });
}

async function confirmIn(dialog: ReturnType<Page["getByRole"]>) {
  await dialog.getByRole("button", { name: "确定" }).click();
  await expect(dialog).toBeHidden();
}

test("a 12393 order without a known caller waits for 签收 in 西安", async ({ sql }) => {
  const [manager] = await sql`select id from users where login = ${DEMO_LOGINS.manager}`;
  const [row] = await sql`
    insert into enquiries (member_id, region_code, channel, symptom, description, status,
      priority, created_by, opened_at, due_at)
    values (null, '610100', 'hotline_12393', 'zero', '来电人称个人账户余额为零，未留身份证号',
      'awaiting_sign', 'normal', ${manager?.id}, now(), now() + interval '3 days')
    returning id`;
  orderId = Number(row?.id);
  await sql`
    insert into work_orders (enquiry_id, platform, external_number, dispatching_city,
      dispatching_unit, classification, dispatched_at, dispatched_by, sign_due_at, caller_name)
    values (${orderId}, 'hotline_12393', ${`SIDE${Date.now()}`}, '610100', '12393医保服务热线',
      'help', now(), ${manager?.id}, now() + interval '1 day', '来电人丙')`;
});

test("the caseworker asks to return it and the manager refuses", async ({ browser }) => {
  const worker = await asUser(browser, DEMO_LOGINS.caseworker);
  try {
    await worker.page.goto(`/enquiries/${orderId}`);
    await expect(worker.page.getByText("待识别参保人").first()).toBeVisible();
    // No letter before the member is known.
    await expect(worker.page.getByText("关联参保人后可出具")).toBeVisible();
    const dialog = await take(worker.page, "申请退单");
    await dialog.getByRole("radio", { name: "其他" }).check();
    await dialog.getByRole("button", { name: "确定" }).click();
    await expect(dialog.getByText("选择「其他」时请写明退单原因")).toBeVisible();
    await dialog.getByLabel("具体原因").fill("来电人称已在外省参保，请热线核实后再派");
    await confirmIn(dialog);
    await expect(worker.page.locator(".ant-tag", { hasText: "退单待审核" }).first()).toBeVisible();
  } finally {
    await worker.close();
  }

  const manager = await asUser(browser, DEMO_LOGINS.manager);
  try {
    await manager.page.goto(`/enquiries/${orderId}`);
    const dialog = await take(manager.page, "驳回退单");
    await dialog.getByLabel("不同意的理由").fill("来电号码归属本市，请先回电核实");
    await confirmIn(dialog);
    await expect(manager.page.getByText("退单被驳回").first()).toBeVisible();
    await expect(manager.page.locator(".ant-tag", { hasText: "待签收" }).first()).toBeVisible();
  } finally {
    await manager.close();
  }
});

test("the caseworker signs, suspends it while waiting for papers, and resumes", async ({
  asCaseworker: page,
}) => {
  await page.goto(`/enquiries/${orderId}`);
  await page.getByRole("button", { name: "签收", exact: true }).click();
  await expect(page.locator(".ant-tag", { hasText: "处理中" }).first()).toBeVisible();

  const dialog = await take(page, "挂起");
  await dialog.getByLabel("挂起原因").fill("等待来电人提供身份证明");
  await dialog.getByLabel("预计恢复日期").click();
  const offered = page.locator(
    ".ant-picker-dropdown:not(.ant-picker-dropdown-hidden) td.ant-picker-cell-in-view:not(.ant-picker-cell-disabled)",
  );
  const resumeOn = (await offered.first().getAttribute("title")) as string;
  await dialog.getByLabel("预计恢复日期").fill(resumeOn);
  await dialog.getByLabel("预计恢复日期").press("Enter");
  await confirmIn(dialog);
  await expect(page.locator(".ant-tag", { hasText: "挂起" }).first()).toBeVisible();
  await expect(page.getByTestId("work-order-card")).toContainText("已挂起");

  await page.getByRole("button", { name: "恢复办理" }).click();
  await expect(page.locator(".ant-tag", { hasText: "处理中" }).first()).toBeVisible();
});

test("the manager hands it to 乐山, who signs and links the member; 西安 only reads it", async ({
  browser,
  sql,
}) => {
  const manager = await asUser(browser, DEMO_LOGINS.manager);
  try {
    await manager.page.goto(`/enquiries/${orderId}`);
    const dialog = await take(manager.page, "转办");
    await chooseCity(manager.page, dialog.getByLabel("转办地区"), "四川省", "乐山市");
    await dialog.getByLabel("转办原因").fill("来电人参保地为乐山");
    await confirmIn(dialog);
    await expect(manager.page.getByTestId("work-order-card")).toContainText("乐山市");
  } finally {
    await manager.close();
  }

  const xian = await asUser(browser, DEMO_LOGINS.caseworker);
  try {
    await xian.page.goto(`/enquiries/${orderId}`);
    await expect(xian.page.getByText("本工单已转办至其他地区，仅可查看")).toBeVisible();
    await expect(xian.page.getByRole("button", { name: "签收", exact: true })).toHaveCount(0);

    // The list's 已转出 view finds it again, under the region now handling it.
    await xian.page.goto("/enquiries");
    await xian.page.getByText("已转出", { exact: true }).click();
    await expect(xian.page).toHaveURL(/transferred=out/);
    await expect(xian.page.getByRole("radio", { name: "已转出" })).toBeChecked();
    const order = xian.page.getByRole("link", { name: `#${orderId}`, exact: true });
    await expect(xian.page.getByRole("row").filter({ has: order })).toContainText("乐山市");
  } finally {
    await xian.close();
  }

  const [member] = await sql`
    select name from members where left(region_code, 4) = '5111'
    group by name having count(*) = 1 order by name limit 1`;
  const name = member?.name as string;
  const leshan = await asUser(browser, DEMO_LOGINS.otherCaseworker);
  try {
    await leshan.page.goto(`/enquiries/${orderId}`);
    await leshan.page.getByRole("button", { name: "签收", exact: true }).click();
    await expect(leshan.page.locator(".ant-tag", { hasText: "处理中" }).first()).toBeVisible();
    await leshan.page.getByPlaceholder("输入完整身份证号、姓名或手机号后四位查询").fill(name);
    await leshan.page.getByRole("button", { name: `选择参保人 ${name}` }).click();
    await leshan.page.getByRole("button", { name: "关联该参保人" }).click();
    await expect(leshan.page.getByText("待识别参保人")).toHaveCount(0);
    await expect(leshan.page.getByRole("link", { name })).toBeVisible();
  } finally {
    await leshan.close();
  }
  const [row] = await sql`select region_code, member_id from enquiries where id = ${orderId}`;
  expect(row?.region_code).toBe("511100");
  expect(row?.member_id).not.toBeNull();
});
