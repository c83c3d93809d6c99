import type { Page } from "@playwright/test";
import { shanghaiDay } from "@/server/rules/calendar-day";
import { DEMO_LOGINS, expect, signIn, test } from "./fixtures";
import { chooseCity, chooseOption } from "./ui";

// A hotline order's whole course in the browser: the manager dispatches it to 西安's caseworker,
// who signs for it and asks for more time; the manager approves and records the hotline centre's
// acceptance; a 督办 is answered; the order is closed. 乐山's caseworker cannot open it.

test.describe.configure({ mode: "serial" });

let orderId = 0;
const externalNumber = `XA${Date.now()}`;

const pickCity = (page: Page, label: string) =>
  chooseCity(page, page.getByLabel(label), "陕西省", "西安市");

// Opens a date field's calendar and picks the first day it offers, as a person would: the field
// disables the days the server would refuse (not a working day, not after the due day).
async function pickFirstOfferedDay(page: Page, label: string) {
  await page.getByLabel(label).click();
  const panel = page.locator(".ant-picker-dropdown:not(.ant-picker-dropdown-hidden)");
  for (let month = 0; month < 3; month++) {
    const offered = panel.locator("td.ant-picker-cell-in-view:not(.ant-picker-cell-disabled)");
    if ((await offered.count()) > 0) {
      const day = (await offered.first().getAttribute("title")) as string;
      // Typed rather than clicked: a click while the panel still animates open can miss.
      await page.getByLabel(label).fill(day);
      await page.getByLabel(label).press("Enter");
      await expect(page.getByLabel(label)).toHaveValue(day);
      return day;
    }
    await panel.locator(".ant-picker-header-next-btn").click();
  }
  throw new Error(`no day offered in ${label}`);
}

async function asUser(browser: import("@playwright/test").Browser, login: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, login);
  await expect(page).toHaveURL(/\/$/);
  return { page, close: () => context.close() };
}

test("the manager dispatches a 12345 order to 西安's caseworker", async ({
  asManager: page,
  sql,
}) => {
  // A 西安 member whose name is theirs alone, so the name search finds one.
  const [member] = await sql`
    select name from members where left(region_code, 4) = '6101'
    group by name having count(*) = 1 order by name limit 1`;
  const name = member?.name as string;

  await page.goto("/enquiries");
  await page.getByRole("link", { name: "登记派单" }).click();
  await expect(page.getByRole("heading", { name: "登记派单" })).toBeVisible();
  await page.getByLabel("工单编号").fill(externalNumber);
  await pickCity(page, "派单地市");
  await expect(page.getByLabel("派单单位")).toHaveValue("西安市12345市民服务热线");
  await pickCity(page, "办理地区");
  await chooseOption(page, "派给经办人员", "王敏");
  await page.getByLabel("参保人").fill(name);
  await page.getByRole("button", { name: `选择参保人 ${name}` }).click();
  await chooseOption(page, "反映问题", "余额突然减少");
  await page.getByLabel("诉求内容").fill("来电人反映个人账户余额突然减少三百元，要求核实原因");
  await page.getByRole("button", { name: "派单" }).click();

  await expect(page).toHaveURL(/\/enquiries\/\d+$/);
  orderId = Number(page.url().split("/").pop());
  const card = page.getByTestId("work-order-card");
  await expect(card).toContainText(externalNumber);
  await expect(card).toContainText("12345 市民热线");
  await expect(card).toContainText("签收时限");
  await expect(page.locator(".ant-tag", { hasText: "待签收" }).first()).toBeVisible();

  // The same number from the same city's hotline is refused on its field.
  await page.goto("/enquiries/dispatch");
  await page.getByLabel("工单编号").fill(externalNumber);
  await pickCity(page, "派单地市");
  await pickCity(page, "办理地区");
  await page.getByLabel("参保人").fill(name);
  await page.getByRole("button", { name: `选择参保人 ${name}` }).click();
  await chooseOption(page, "反映问题", "余额突然减少");
  await page.getByLabel("诉求内容").fill("重复登记");
  await page.getByRole("button", { name: "派单" }).click();
  await expect(page.getByText("该平台本市的这个工单编号已经登记过").first()).toBeVisible();
});

test("the caseworker signs for it and asks for an extension", async ({
  asCaseworker: page,
  sql,
}) => {
  await page.goto(`/enquiries/${orderId}`);
  await page.getByRole("button", { name: "签收", exact: true }).click();
  await expect(page.locator(".ant-tag", { hasText: "处理中" }).first()).toBeVisible();
  await expect(page.getByTestId("work-order-card")).toContainText("办理时限");

  const [row] = await sql`select due_at from enquiries where id = ${orderId}`;
  await page.getByRole("button", { name: "申请延期" }).click();
  const dialog = page.getByRole("dialog", { name: "申请延期" });
  await dialog.getByLabel("延期原因").fill("需单位补报减员材料后核实");
  const extendTo = await pickFirstOfferedDay(page, "延期至");
  expect(extendTo > shanghaiDay(row?.due_at as Date)).toBe(true);
  await dialog.getByRole("button", { name: "确定" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("work-order-card")).toContainText("待科室审核");
});

test("the manager approves it, records the centre's acceptance and asks for an answer", async ({
  asManager: page,
  sql,
}) => {
  const [before] = await sql`select due_at from enquiries where id = ${orderId}`;
  await page.goto(`/enquiries/${orderId}`);
  await page.getByRole("button", { name: "同意延期" }).click();
  await page
    .locator(".ant-popconfirm")
    .getByRole("button", { name: /确\s*定|同意/ })
    .click();
  await expect(page.getByTestId("work-order-card")).toContainText("待热线中心答复");
  const [approved] = await sql`select due_at from enquiries where id = ${orderId}`;
  expect(approved?.due_at).toEqual(before?.due_at);

  await page.getByRole("button", { name: "热线中心同意延期" }).click();
  await page
    .locator(".ant-popconfirm")
    .getByRole("button", { name: /确\s*定|同意/ })
    .click();
  await expect(page.getByTestId("work-order-card")).toContainText("热线中心已同意");
  const [accepted] = await sql`select due_at from enquiries where id = ${orderId}`;
  expect(Number(accepted?.due_at)).toBeGreaterThan(Number(before?.due_at));

  await page.getByRole("button", { name: "督办", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "督办" });
  await dialog.getByLabel("督办意见").fill("请今日内答复办理进度");
  const replyBy = `${shanghaiDay(new Date(Date.now() + 86_400_000))} 17:00`;
  await dialog.getByLabel("答复期限").fill(replyBy);
  await dialog.getByLabel("答复期限").press("Enter");
  await dialog.getByRole("button", { name: "确定" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("work-order-card")).toContainText("请今日内答复办理进度");
});

test("the caseworker answers the 督办, tells the member and closes the order", async ({
  asCaseworker: page,
  sql,
}) => {
  await page.goto(`/enquiries/${orderId}`);
  // Closing first is refused while the 督办 waits for its answer.
  await expect(page.getByRole("button", { name: "办结" })).toHaveCount(0);
  await page.getByRole("button", { name: "答复督办" }).click();
  const dialog = page.getByRole("dialog", { name: "答复督办" });
  await dialog.getByLabel("督办答复").fill("已联系单位补报材料，今日办结");
  await dialog.getByRole("button", { name: "确定" }).click();
  await expect(dialog).toBeHidden();

  await chooseOption(page, "处理步骤", "已告知参保人延期");
  await page.getByLabel("说明").fill("电话告知参保人办理期限延长三个工作日");
  await page.getByRole("button", { name: "记录步骤" }).click();
  await expect(
    page.getByText("电话告知参保人办理期限延长三个工作日", { exact: true }),
  ).toBeVisible();

  await page.getByRole("button", { name: "修改原因分类" }).click();
  await page.getByRole("dialog").getByRole("checkbox", { name: "系统延迟" }).check();
  await page.getByRole("dialog").getByRole("button", { name: "保存" }).click();
  await page.getByRole("button", { name: "办结" }).click();
  await page.getByLabel("处理结果说明").fill("单位补报后余额已恢复，已告知来电人");
  await page.getByRole("button", { name: "确定" }).click();
  await expect(page.locator(".ant-tag", { hasText: "已办结" }).first()).toBeVisible();

  const history = await sql`
    select action from audit_events where entity = 'enquiry' and entity_id = ${String(orderId)}
    order by id`;
  expect(history.map((row) => row.action)).toEqual(
    expect.arrayContaining([
      "work_order.dispatch",
      "work_order.sign",
      "work_order.extension",
      "work_order.supervise",
      "work_order.answer",
      "enquiry.transition",
    ]),
  );
});

test("a caseworker of another region cannot open it", async ({ browser }) => {
  const other = await asUser(browser, DEMO_LOGINS.otherCaseworker);
  try {
    await other.page.goto(`/enquiries/${orderId}`);
    await expect(other.page.getByText(/不存在或无权查看/).first()).toBeVisible();
    await expect(other.page.getByText(externalNumber)).toHaveCount(0);
  } finally {
    await other.close();
  }
});
