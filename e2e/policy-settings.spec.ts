import type { Page } from "@playwright/test";
import { shanghaiDay } from "@/server/rules/calendar-day";
import { expect, test } from "./fixtures";
import { chooseCity } from "./ui";

// 系统管理 → 地区政策参数: an administrator raises 贵阳's monthly deduction from today and sees the
// new version in force, with its history; a second version on the same day is refused next to
// the date. The demo data gives 贵阳 大额医疗补助 of 10 元 a month, unverified.
const GUIYANG = "520100";
const PAGE = `/admin/policy-settings?region=${GUIYANG}`;
const LABEL = "个人账户按月扣缴";

const deductionRow = (page: Page) => page.locator('tr[data-row-key="monthly_deductions"]');

async function openAddVersion(page: Page) {
  await deductionRow(page)
    .getByRole("button", { name: `新增版本：${LABEL}` })
    .click();
  const drawer = page.getByRole("dialog", { name: `新增版本：${LABEL}` });
  await expect(drawer).toBeVisible();
  return drawer;
}

test.describe
  .serial("an administrator adds a version of a city's monthly deduction", () => {
    const today = shanghaiDay(new Date());

    test("finds the page in 系统管理 and picks the city, which stays in the URL", async ({
      asAdmin: page,
    }) => {
      await page
        .getByRole("navigation", { name: "主导航" })
        .getByRole("link", { name: "系统管理" })
        .click();
      await page
        .getByRole("navigation", { name: "系统管理" })
        .getByRole("link", { name: "地区政策参数" })
        .click();
      await expect(page).toHaveURL(/\/admin\/policy-settings$/);
      await expect(page.getByRole("heading", { level: 1, name: "地区政策参数" })).toBeVisible();
      // The national default is where the page starts.
      await expect(page.getByRole("table", { name: /^全国默认的地区政策参数/ })).toBeVisible();

      await chooseCity(page, page.getByLabel("地区", { exact: true }), "贵州省", "贵阳市");
      await expect(page).toHaveURL(new RegExp(`region=${GUIYANG}`));
      await page.reload();
      const row = deductionRow(page);
      await expect(row).toContainText("大额医疗补助 每月 10.00 元");
      await expect(row).toContainText("本级");
      await expect(row).toContainText("示例（未核实）");
      // Settings 贵阳 has no row for come from above, and say so.
      await expect(page.locator('tr[data-row-key="member_hotline"]')).toContainText(
        "继承自全国默认",
      );
    });

    test("adds 12.50 元 from today, verified; it is in force and heads the history", async ({
      asAdmin: page,
      sql,
    }) => {
      await page.goto(PAGE);
      const drawer = await openAddVersion(page);
      // The form starts from the value in force.
      await expect(drawer.getByLabel("第1项扣缴项目", { exact: true })).toHaveValue("大额医疗补助");
      await expect(drawer.getByLabel("第1项每月扣缴金额")).toHaveValue("10.00");

      // Errors are shown in Chinese next to the field they concern.
      await drawer.getByLabel("第1项每月扣缴金额").fill("12.345");
      await drawer.getByLabel("来源说明").fill("通知");
      await drawer.getByRole("button", { name: "保存" }).click();
      await expect(drawer.getByText("每月扣缴金额：金额最多保留两位小数")).toBeVisible();
      await expect(drawer.getByText("来源说明至少4个字")).toBeVisible();
      await expect(drawer.getByText("请选择生效日期")).toBeVisible();

      await drawer.getByLabel("第1项每月扣缴金额").fill("12.50");
      await drawer.getByLabel("来源说明").fill("贵阳市医保局关于调整大额医疗补助的通知");
      await drawer.getByLabel("生效日期", { exact: true }).fill(today);
      await drawer.getByLabel("生效日期", { exact: true }).press("Enter");
      await drawer.getByLabel("已核实", { exact: true }).click();
      await drawer.getByRole("button", { name: "保存" }).click();
      await expect(drawer).toBeHidden();
      await expect(page.getByText(`已新增「${LABEL}」的版本，自 ${today} 起适用`)).toBeVisible();

      const row = deductionRow(page);
      await expect(row).toContainText("大额医疗补助 每月 12.50 元");
      await expect(row).toContainText(today);
      await expect(row).toContainText("已核实");
      await expect(row).not.toContainText("示例（未核实）");

      await row.getByRole("button", { name: "展开行" }).click();
      const history = page.getByRole("table", { name: `贵阳市「${LABEL}」的版本记录` });
      const versions = history.locator("tbody tr.ant-table-row");
      await expect(versions).toHaveCount(2);
      await expect(versions.nth(0)).toContainText("当前生效");
      await expect(versions.nth(0)).toContainText("12.50 元");
      await expect(versions.nth(0)).toContainText("系统管理员");
      await expect(versions.nth(1)).toContainText("已被取代");
      await expect(versions.nth(1)).toContainText("10.00 元");

      const stored = await sql`
        select value, verified, source_note from region_policy_settings
        where region_code = ${GUIYANG} and setting = 'monthly_deductions'
          and effective_from = ${today}::date`;
      expect(stored).toEqual([
        {
          value: { items: [{ name: "大额医疗补助", monthlyFen: 1_250 }] },
          verified: true,
          source_note: "贵阳市医保局关于调整大额医疗补助的通知",
        },
      ]);
      const [audited] = await sql`
        select count(*)::int as n from audit_events
        where action = 'policy_setting.create' and after->>'region' = '贵阳市'`;
      expect(audited?.n).toBe(1);
    });

    test("a second version on the same day is refused next to the date", async ({
      asAdmin: page,
    }) => {
      await page.goto(PAGE);
      const drawer = await openAddVersion(page);
      await drawer.getByLabel("第1项每月扣缴金额").fill("13.00");
      await drawer.getByLabel("来源说明").fill("重复录入的同日版本");
      await drawer.getByLabel("生效日期", { exact: true }).fill(today);
      await drawer.getByLabel("生效日期", { exact: true }).press("Enter");
      await drawer.getByRole("button", { name: "保存" }).click();
      await expect(
        drawer.getByText("该地区此参数在这一天已有版本，请选择其他生效日期"),
      ).toBeVisible();
      await drawer.getByRole("button", { name: "取消" }).click();
      await expect(drawer).toBeHidden();
      await expect(deductionRow(page)).toContainText("大额医疗补助 每月 12.50 元");
    });
  });
