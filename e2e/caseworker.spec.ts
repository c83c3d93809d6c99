import { DEMO_LOGINS, expect, signIn, test } from "./fixtures";
import { uniqueIdNumber } from "./members";
import { chooseOption } from "./ui";

// One enquiry's whole course in steps, each its own test within its time budget; a failed step
// skips the ones after it, which build on what it stored.
test.describe
  .serial("a caseworker registers a member, files, works, resolves and follows up", () => {
    const idNumber = uniqueIdNumber(1950);
    let enquiryId = 0;

    test("registers the member and files the enquiry", async ({ asCaseworker: page }) => {
      await page.goto("/enquiries/new");

      await page.getByRole("button", { name: "录入新参保人" }).click();
      const dialog = page.getByRole("dialog", { name: "录入新参保人" });
      await dialog.getByLabel("姓名").fill("赵透支");
      await dialog.getByLabel("身份证号").fill(idNumber.toLowerCase());
      await dialog.getByLabel("手机号").fill("13912345678");
      await dialog.getByRole("radio", { name: "职工医保", exact: true }).check();
      await dialog.getByRole("radio", { name: "在职", exact: true }).check();
      // 西安's 职工医保 has no tiers in its settings, so none is asked for.
      await expect(dialog.getByText("档次", { exact: true })).toHaveCount(0);
      await dialog.getByLabel("参保单位").fill("西安示例科技有限公司");
      await dialog.getByRole("button", { name: "录入", exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(
        page.getByText(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`),
      ).toBeVisible();

      await chooseOption(page, "受理渠道", "窗口");
      await chooseOption(page, "反映问题", "余额为负数");
      await page.getByLabel("反映余额（元）").fill("-356.20");
      await page.getByLabel("涉及金额（元）").fill("356.20");
      await page.getByLabel("问题描述").fill("离职后个账显示负数 -356.20 元，询问原因");
      await page.getByRole("checkbox", { name: "离职减员" }).check();
      await page.getByRole("checkbox", { name: "家庭共济" }).check();
      await page.getByRole("button", { name: "提交" }).click();
      await expect(page).toHaveURL(/\/enquiries\/\d+$/);
      enquiryId = Number(page.url().split("/").pop());
      await expect(page.getByRole("heading", { name: `咨询工单 #${enquiryId}` })).toBeVisible();
      await expect(page.getByText("职工医保·在职", { exact: true }).first()).toBeVisible();
    });

    test("records the resolution steps", async ({ asCaseworker: page }) => {
      await page.goto(`/enquiries/${enquiryId}`);
      const steps = [
        ["打印个人账户增减明细", "已打印2025年7月至今明细"],
        ["核对离职与减员日期", "离职日期与减员日期一致"],
        ["查询绑定亲属及支出", "未绑定亲属"],
      ] as const;
      for (const [kind, note] of steps) {
        await chooseOption(page, "处理步骤", kind);
        await page.getByLabel("说明").fill(note);
        await page.getByRole("button", { name: "记录步骤" }).click();
        await expect(page.getByText(note, { exact: true })).toBeVisible();
      }
    });

    test("resolves and follows up, and the database holds what the pages showed", async ({
      asCaseworker: page,
      sql,
    }) => {
      await page.goto(`/enquiries/${enquiryId}`);
      await page.getByRole("button", { name: "办结" }).click();
      await page.getByLabel("处理结果说明").fill("单位已办理减员，负数部分由新单位划入资金抵扣");
      await page.getByRole("button", { name: "确定" }).click();
      await expect(page.locator(".ant-tag", { hasText: "已办结" })).toBeVisible();

      await page.getByRole("button", { name: "回访" }).click();
      await chooseOption(page, "回访方式", "电话回访");
      await page.getByLabel("回访结果").fill("参保人表示理解");
      await page.getByRole("radio", { name: "满意", exact: true }).check();
      await page.getByRole("button", { name: "确定" }).click();
      await expect(page.locator(".ant-tag", { hasText: "已回访" })).toBeVisible();

      const [enquiry] = await sql`
      select e.status, e.reported_balance_fen, e.disputed_amount_fen, e.channel, e.symptom,
             e.satisfaction, e.follow_up_method, e.resolution_summary, m.name, m.id_number_masked,
             m.phone_masked, m.id_number_encrypted, m.insurance_scheme, m.person_category, m.tier
      from enquiries e join members m on m.id = e.member_id where e.id = ${enquiryId}`;
      expect(enquiry).toMatchObject({
        status: "followed_up",
        reported_balance_fen: "-35620",
        disputed_amount_fen: "35620",
        channel: "counter",
        symptom: "negative",
        satisfaction: "satisfied",
        follow_up_method: "phone",
        resolution_summary: "单位已办理减员，负数部分由新单位划入资金抵扣",
        name: "赵透支",
        phone_masked: "139****5678",
        insurance_scheme: "employee",
        person_category: "active",
        tier: null,
      });
      expect(enquiry?.id_number_encrypted).not.toContain(idNumber);
      const causes = await sql`
      select cause, is_primary from enquiry_causes where enquiry_id = ${enquiryId} order by is_primary desc`;
      expect(causes).toEqual([
        { cause: "resignation", is_primary: true },
        { cause: "family_aid", is_primary: false },
      ]);
      const stepRows = await sql`
      select kind, note from resolution_steps where enquiry_id = ${enquiryId} order by id`;
      expect(stepRows.map((s) => s.kind)).toEqual([
        "print_ledger",
        "check_leave_dates",
        "list_bound_relatives",
      ]);
      const audit = await sql`
      select count(*)::int as n from audit_events where entity = 'enquiry' and entity_id = ${String(enquiryId)}`;
      expect(audit[0]?.n).toBe(6);
    });
  });

test("a second editor of the same enquiry gets the conflict message", async ({ browser, sql }) => {
  // An enquiry of its own, so concurrent runs cannot touch it.
  const [target] = await sql`
    insert into enquiries (member_id, region_code, channel, symptom, description, status,
                           priority, created_by, assignee_id, opened_at, due_at)
    select member_id, region_code, channel, symptom, '并发编辑测试', 'in_progress',
           priority, created_by, assignee_id, now(), now() + interval '2 days'
    from enquiries where region_code = '610100' order by id limit 1
    returning id`;
  const id = Number(target?.id);
  const first = await browser.newPage();
  const second = await browser.newPage();
  for (const page of [first, second]) {
    await signIn(page, DEMO_LOGINS.caseworker);
    await expect(page).toHaveURL(/\/$/);
    await page.goto(`/enquiries/${id}`);
  }
  for (const page of [first, second]) {
    await chooseOption(page, "处理步骤", "核对缴费记录");
  }
  await first.getByRole("button", { name: "记录步骤" }).click();
  await expect(first.getByText("已记录处理步骤")).toBeVisible();
  await second.getByRole("button", { name: "记录步骤" }).click();
  await expect(second.locator(".ant-modal-confirm-title")).toHaveText("工单已被他人修改");
  await second.getByRole("button", { name: "刷新" }).click();
  const rows =
    await sql`select count(*)::int as n from resolution_steps where enquiry_id = ${id} and kind = 'check_contributions' and done_at > now() - interval '5 minutes'`;
  expect(rows[0]?.n).toBe(1);
  await first.close();
  await second.close();
});
