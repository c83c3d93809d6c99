import { shanghaiMonth } from "@/server/rules/calendar-day";
import { axeProblems } from "./axe";
import { expect, test } from "./fixtures";
import { registerEmployee, uniqueIdNumber } from "./members";
import { chooseOption } from "./ui";

// A leave on 15 September, of this year from July on and of the last year before: recent
// enough for the triage panel whenever the suite runs. 西安 keeps the national defaults (a
// calendar insurance year credited monthly), so the calculator counts January to September.
function insuranceYear() {
  const [year, month] = shanghaiMonth(new Date()).split("-").map(Number) as [number, number];
  const start = month >= 7 ? year : year - 1;
  return { leaveDate: `${start}-09-15` };
}

// One member's story in steps, each its own test so each fits its time budget on a busy
// machine; a failed step skips the ones after it, which build on what it stored.
test.describe
  .serial("triage, the 离职减员 calculator, the sheet and a linked repeat enquiry", () => {
    const idNumber = uniqueIdNumber(1960);
    const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
    const { leaveDate } = insuranceYear();
    let enquiryId = 0;
    let repeatId = 0;

    test("the panel suggests 离职减员 and the accepted suggestion is stored", async ({
      asCaseworker: page,
      sql,
    }) => {
      await page.goto("/enquiries/new");
      await registerEmployee(page, {
        name: "钱研判",
        idNumber,
        phone,
        employer: "西安示例物流有限公司",
      });

      await chooseOption(page, "受理渠道", "12393 医保热线");
      await chooseOption(page, "反映问题", "余额为负数");
      await page.getByLabel("反映余额（元）").fill("-356.20");
      await page.getByLabel("问题描述").fill("离职后个账显示负数，询问原因");

      // The panel answers as the form is filled: a negative balance after leaving is 离职减员.
      await chooseOption(page, "近期是否离职", "是");
      await page.getByLabel("离职日期").fill(leaveDate);
      await page.keyboard.press("Enter");
      const first = page.getByRole("listitem", { name: /^建议1：/ });
      await expect(first).toHaveAccessibleName("建议1：离职减员");
      await expect(first).toContainText("离职");
      await expect(first).toContainText("计算实际划入资金");
      await expect(page.getByRole("checkbox", { name: "离职减员" })).not.toBeChecked();
      await first.getByRole("button", { name: "采纳 离职减员" }).click();
      await expect(page.getByRole("checkbox", { name: "离职减员" })).toBeChecked();
      await page.getByRole("button", { name: "提交" }).click();
      await expect(page).toHaveURL(/\/enquiries\/\d+$/);
      enquiryId = Number(page.url().split("/").pop());

      const suggestions = await sql`
      select rank, cause, accepted from enquiry_suggestions where enquiry_id = ${enquiryId} order by rank`;
      expect(suggestions[0]).toEqual({ rank: 1, cause: "resignation", accepted: true });
      const [facts] =
        await sql`select facts from enquiry_triage_facts where enquiry_id = ${enquiryId}`;
      expect(facts?.facts).toMatchObject({ leftEmployer: true, leaveDate });
      await expect(page.getByTestId("triage-card")).toContainText("已采纳");
    });

    test("the calculator's result becomes a step of the enquiry", async ({
      asCaseworker: page,
      sql,
    }) => {
      await page.goto(`/enquiries/${enquiryId}`);
      await page.getByRole("button", { name: "离职减员计算" }).click();
      const drawer = page.getByRole("dialog", { name: "离职减员计算" });
      // The region's settings come first, the examples among them marked as such.
      await expect(drawer).toContainText("按月划入");
      await expect(drawer).toContainText("示例（未核实）");
      await drawer.getByLabel("离职日期").fill(leaveDate);
      await page.keyboard.press("Enter");
      // The 减员 month follows the leave date until it is picked.
      await expect(drawer.getByLabel("减员生效月份")).toHaveValue(leaveDate.slice(0, 7));
      await drawer.getByLabel("每月划入金额（元）").fill("200");
      await drawer.getByLabel("刷卡支出（元）").fill("2000");
      await drawer.getByLabel("家庭共济支出（元）").fill("39.20");
      // 西安's 大额医疗补助 of 13 元 a month over January to September.
      await drawer.getByRole("button", { name: /^按本地区标准填入/ }).click();
      await expect(drawer.getByLabel("扣缴金额（元）")).toHaveValue("117.00");
      const result = drawer.getByRole("region", { name: "计算结果" });
      await expect(result).toContainText("1,800.00 元");
      await expect(result).toContainText("减员后不扣回已划入的资金");
      await expect(result).toContainText("与计算结果一致");
      await drawer.getByRole("button", { name: "保存为处理步骤" }).click();
      await expect(drawer).toBeHidden();
      await expect(page.getByText("计算结果已保存为处理步骤")).toBeVisible();
      const steps = await sql`
      select kind, note, facts from resolution_steps where enquiry_id = ${enquiryId} order by id`;
      expect(steps).toHaveLength(1);
      expect(steps[0]?.kind).toBe("compute_real_credit");
      expect(steps[0]?.note).toContain("= -356.20 元");
      expect(steps[0]?.note).toContain("减员后不扣回已划入的资金");
      expect(steps[0]?.facts).toMatchObject({
        kind: "leave_calculation",
        creditingMode: "monthly",
        removedFen: 0,
        realCreditFen: 180_000,
        deductionsFen: 11_700,
        expectedBalanceFen: -35_620,
      });
      const [audit] = await sql`
      select after from audit_events
      where entity = 'enquiry' and entity_id = ${String(enquiryId)} and action = 'enquiry.step'`;
      expect(audit?.after).toMatchObject({ step: "计算实际划入资金" });
    });

    test("the letter is previewed with the region's issuer, issued as a numbered draft, and prints alone", async ({
      asCaseworker: page,
      sql,
    }) => {
      await page.goto(`/enquiries/${enquiryId}`);
      await page.getByRole("link", { name: "出具告知书" }).click();
      await expect(page).toHaveURL(new RegExp(`/enquiries/${enquiryId}/letters/new$`));
      const preview = page.getByRole("article", { name: "告知书" });
      await expect(preview).toContainText("西安市医疗保障经办中心");
      await expect(preview).toContainText(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
      await expect(preview).toContainText("离职减员");
      await expect(preview).toContainText("正在核查");
      await expect(preview).not.toContainText("经核实");
      await expect(preview).toHaveAttribute("data-draft", "true");
      const previewHtml = await page.content();
      expect(previewHtml).not.toContain(idNumber);
      expect(previewHtml).not.toContain(phone);

      await page.getByRole("button", { name: "出具告知书" }).click();
      await expect(page).toHaveURL(new RegExp(`/enquiries/${enquiryId}/letters/\\d+$`));
      const sheet = page.getByRole("article", { name: "告知书" });
      await expect(sheet).toContainText(/编号：\d{4}年第\d+号/);
      const [letter] = await sql`
        select version, stage from enquiry_letters where enquiry_id = ${enquiryId}`;
      expect(letter).toMatchObject({ version: 1, stage: "checking" });
      await page.emulateMedia({ media: "print" });
      await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
      await expect(page.getByRole("button", { name: "打印" })).toBeHidden();
      await expect(sheet).toBeVisible();
    });

    test("a repeat enquiry is offered the earlier one and the link shows both ways", async ({
      asCaseworker: page,
      sql,
    }) => {
      await page.goto("/enquiries/new");
      await page.getByPlaceholder("输入完整身份证号、姓名或手机号后四位查询").fill(idNumber);
      await page.getByRole("button", { name: "选择参保人 钱研判" }).click();
      const recent = page.getByRole("list", { name: "近期咨询" });
      await expect(recent).toContainText(`#${enquiryId}`);
      // The earlier enquiry is still open, so the open-enquiry warning appears too; wait for it
      // before using the fields below, which it pushes down.
      await expect(page.getByText("该参保人已有未办结的咨询，请确认是否为同一问题")).toBeVisible();
      await recent.getByRole("checkbox", { name: `关联 #${enquiryId}` }).check();
      await chooseOption(page, "受理渠道", "窗口");
      await chooseOption(page, "反映问题", "余额为负数");
      await page.getByLabel("问题描述").fill("再次来电询问负数何时抵扣");
      await page.getByRole("button", { name: "提交" }).click();
      await expect(page).toHaveURL(/\/enquiries\/\d+$/);
      repeatId = Number(page.url().split("/").pop());
      await expect(page.getByTestId("linked-enquiries")).toContainText(`#${enquiryId}`);
      const links = await sql`
      select enquiry_id, related_enquiry_id from enquiry_links where enquiry_id = ${repeatId}`;
      expect(links).toEqual([
        { enquiry_id: String(repeatId), related_enquiry_id: String(enquiryId) },
      ]);
      await page.goto(`/enquiries/${enquiryId}`);
      await expect(page.getByTestId("linked-enquiries")).toContainText(`#${repeatId}`);
      await expect(page.getByTestId("linked-enquiries")).toContainText("后续咨询");
    });

    test("a link made by mistake can be removed from either end", async ({
      asCaseworker: page,
      sql,
    }) => {
      await page.goto(`/enquiries/${enquiryId}`);
      await page.getByRole("button", { name: `取消与 #${repeatId} 的关联` }).click();
      await page.locator(".ant-popconfirm").getByRole("button", { name: "取消关联" }).click();
      await expect(page.getByTestId("linked-enquiries")).toContainText("暂无关联咨询");
      await expect
        .poll(
          async () =>
            (
              await sql`select count(*)::int as n from enquiry_links where enquiry_id = ${repeatId}`
            )[0]?.n,
        )
        .toBe(0);
    });
  });

test("the triage panel, the enquiry's cards, the calculator and the sheet pass an axe check", async ({
  asCaseworker: page,
  sql,
}) => {
  const problems: string[] = [];
  await page.goto("/enquiries/new");
  await chooseOption(page, "反映问题", "余额为零");
  await chooseOption(page, "核实险种与人员类别", "城乡居民医保");
  await expect(page.getByRole("listitem", { name: /^建议1：/ })).toHaveAccessibleName(
    "建议1：其他·无个人账户参保类型",
  );
  problems.push(...(await axeProblems(page, "new")));

  const [demo] = await sql`
    select e.id from enquiries e join enquiry_causes c on c.enquiry_id = e.id
    where e.region_code = '610100' and c.cause = 'resignation' order by e.id limit 1`;
  await page.goto(`/enquiries/${demo?.id}`);
  await expect(page.getByTestId("triage-card")).toContainText("受理时未记录研判情况");
  problems.push(...(await axeProblems(page, "detail")));
  await page.getByRole("button", { name: "离职减员计算" }).click();
  await expect(page.getByRole("dialog", { name: "离职减员计算" })).toBeVisible();
  problems.push(...(await axeProblems(page, "calculator")));
  await page.goto(`/enquiries/${demo?.id}/letters/new`);
  await expect(page.getByRole("article", { name: "告知书" })).toBeVisible();
  problems.push(...(await axeProblems(page, "letter")));
  expect(problems).toEqual([]);
});

test("another region's letter is not found", async ({ asCaseworker: page, sql }) => {
  const [other] =
    await sql`select id from enquiries where region_code = '511100' order by id limit 1`;
  await page.goto(`/enquiries/${other?.id}/letters/new`);
  await expect(page.getByText("咨询工单不存在或无权查看")).toBeVisible();
  await expect(page.getByRole("article", { name: "告知书" })).toHaveCount(0);
});

test("a manager sees the acceptance rate of the triage suggestions", async ({
  asManager: page,
}) => {
  await page.goto("/analytics");
  const card = page.getByTestId("triage-acceptance");
  await expect(card.getByRole("columnheader", { name: "采纳率", exact: true })).toBeVisible();
  await expect(card.getByRole("row")).toHaveCount(6);
});
