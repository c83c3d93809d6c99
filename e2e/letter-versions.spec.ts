import type { Page } from "@playwright/test";
import { shanghaiDay } from "@/server/rules/calendar-day";
import { DEMO_LOGINS, expect, signIn, test } from "./fixtures";

// A letter is issued once and stays as issued: a caseworker of 乐山 issues a letter naming the
// city's monthly deduction (大病保险, 10 元 in the demo), an administrator raises it from today,
// and the next letter shows the new amount while the first still shows the old one. 乐山, because
// no other story reads its deduction.
const LESHAN = "511100";
const LABEL = "个人账户按月扣缴";

let enquiryId = 0;
let firstLetterUrl = "";

async function issueFromPreview(page: Page, amount: string) {
  await page.goto(`/enquiries/${enquiryId}/letters/new`);
  const preview = page.getByRole("article", { name: "告知书" });
  await expect(preview).toContainText(`大病保险每月 ${amount} 元`);
  await expect(preview).toContainText("乐山市医疗保障事务中心");
  await page.getByRole("button", { name: "出具告知书" }).click();
  await expect(page).toHaveURL(new RegExp(`/enquiries/${enquiryId}/letters/\\d+$`));
  await expect(page.getByRole("article", { name: "告知书" })).toContainText(`每月 ${amount} 元`);
  return page.url();
}

test.describe
  .serial("a letter keeps its text when the region's settings change", () => {
    test("a caseworker issues a letter naming 乐山's monthly deduction", async ({ page, sql }) => {
      await signIn(page, DEMO_LOGINS.otherCaseworker);
      await expect(page).toHaveURL(/\/$/);
      // A demo 政策改革·扣费 enquiry: its letter names the region's monthly deduction.
      const [row] = await sql`
        select e.id from enquiries e
        join enquiry_causes c on c.enquiry_id = e.id and c.is_primary
        where e.region_code like '5111%' and c.cause = 'policy_reform'
          and c.sub_reason = 'deduction'
        order by e.id limit 1`;
      enquiryId = Number(row?.id);
      expect(enquiryId).toBeGreaterThan(0);
      firstLetterUrl = await issueFromPreview(page, "10.00");
    });

    test("an administrator raises the deduction from today", async ({ asAdmin: page }) => {
      const today = shanghaiDay(new Date());
      await page.goto(`/admin/policy-settings?region=${LESHAN}`);
      const row = page.locator('tr[data-row-key="monthly_deductions"]');
      await row.getByRole("button", { name: `新增版本：${LABEL}` }).click();
      const drawer = page.getByRole("dialog", { name: `新增版本：${LABEL}` });
      await drawer.getByLabel("第1项每月扣缴金额").fill("12.00");
      await drawer.getByLabel("来源说明").fill("乐山市医保局关于调整大病保险个人缴费的通知");
      await drawer.getByLabel("生效日期", { exact: true }).fill(today);
      await drawer.getByLabel("生效日期", { exact: true }).press("Enter");
      await drawer.getByRole("button", { name: "保存" }).click();
      await expect(drawer).toBeHidden();
      await expect(row).toContainText("大病保险 每月 12.00 元");
    });

    test("the next letter shows the new amount; the first is unchanged", async ({ page, sql }) => {
      await signIn(page, DEMO_LOGINS.otherCaseworker);
      await expect(page).toHaveURL(/\/$/);
      const secondLetterUrl = await issueFromPreview(page, "12.00");
      expect(secondLetterUrl).not.toBe(firstLetterUrl);
      await page.goto(firstLetterUrl);
      const first = page.getByRole("article", { name: "告知书" });
      await expect(first).toContainText("大病保险每月 10.00 元");
      await expect(first).not.toContainText("12.00 元");
      const versions = await sql`
        select version from enquiry_letters where enquiry_id = ${enquiryId} order by version`;
      expect(versions.map((letter) => letter.version)).toEqual([1, 2]);
    });
  });
