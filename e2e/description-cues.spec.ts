import { expect, test } from "./fixtures";
import { registerEmployee, uniqueIdNumber } from "./members";
import { chooseOption } from "./ui";

// 原因研判 reads the description: the facts it finds show as chips, a chip the caseworker strikes
// out stops counting, and an answer to a question counts over the text.
test("a caseworker's description becomes chips that steer the suggestions", async ({
  asCaseworker: page,
  sql,
}) => {
  await page.goto("/enquiries/new");
  await registerEmployee(page, { name: "孙共济", idNumber: uniqueIdNumber(1985) });

  await chooseOption(page, "受理渠道", "窗口");
  await chooseOption(page, "反映问题", "余额突然减少");
  await page.getByLabel("反映余额（元）").fill("500.00");
  await page
    .getByLabel("问题描述")
    .fill("参保人称上周三个账突然少了两百多，爱人用我的医保卡买过药");

  const chips = page.getByLabel("从描述识别");
  await expect(chips).toContainText("余额减少约 200.00 元");
  await expect(chips).toContainText("家人使用个账");
  const first = page.getByRole("listitem", { name: /^建议1：/ });
  await expect(first).toHaveAccessibleName("建议1：家庭共济");

  // The text misread: nobody else used the card. Without that chip the drop is the member's own
  // spending.
  await chips.getByRole("button", { name: "删除识别项 家人使用个账" }).click();
  await expect(chips).not.toContainText("家人使用个账");
  await expect(first).toHaveAccessibleName("建议1：其他·医疗费用支出");

  // The account has two relatives bound to it after all: 家庭共济 again, for that reason.
  await page.getByLabel("家庭共济绑定亲属人数").fill("2");
  await expect(first).toHaveAccessibleName("建议1：家庭共济");
  await expect(first).toContainText("绑定了2位家庭共济亲属");

  await page.getByRole("button", { name: "提交" }).click();
  await expect(page).toHaveURL(/\/enquiries\/\d+$/);
  const enquiryId = Number(page.url().split("/").pop());
  const [stored] =
    await sql`select facts from enquiry_triage_facts where enquiry_id = ${enquiryId}`;
  expect(stored?.facts).toMatchObject({ boundRelatives: 2, removedCues: ["relative_use"] });
  expect(stored?.facts).not.toHaveProperty("relativeRecentUse");
  const [top] = await sql`
    select cause from enquiry_suggestions where enquiry_id = ${enquiryId} and rank = 1`;
  expect(top?.cause).toBe("family_aid");
});
