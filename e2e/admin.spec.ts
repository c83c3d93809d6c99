import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { chooseCity, chooseOption } from "./ui";

function userRow(page: Page, login: string) {
  return page.getByRole("table", { name: "用户列表" }).getByRole("row").filter({ hasText: login });
}

// An account's life in steps, each its own test within its time budget; a failed step skips
// the ones after it, which build on the account it made.
test.describe
  .serial("an administrator creates a caseworker, resets the password, then disables the account", () => {
    const login = `e2e_cw_${Date.now().toString(36)}`;

    test("creates the caseworker, who must change the password", async ({ asAdmin: page, sql }) => {
      await page
        .getByRole("navigation", { name: "主导航" })
        .getByRole("link", { name: "系统管理" })
        .click();
      await expect(page).toHaveURL(/\/admin\/users$/);

      await page.getByRole("button", { name: "新建用户" }).click();
      const create = page.getByRole("dialog", { name: "新建用户" });
      await create.getByLabel("用户名", { exact: true }).fill(login);
      await create.getByLabel("姓名", { exact: true }).fill("周婷");
      await chooseCity(page, create.getByLabel("管辖地区"), "陕西省", "西安市");
      await create.getByLabel("初始密码").fill("Initial-Pass-2026x");
      await create.getByRole("button", { name: "创建" }).click();
      await expect(create).toBeHidden();
      await expect(userRow(page, login)).toContainText("待修改密码");
      const [created] = await sql`
      select id, role, region_scope, must_change_password from users where login = ${login}`;
      expect(created).toMatchObject({ role: "caseworker", region_scope: "610100" });
      expect(created?.must_change_password).toBe(true);
    });

    test("resets the password", async ({ asAdmin: page }) => {
      await page.goto("/admin/users");
      await userRow(page, login).getByRole("button", { name: "重置密码" }).click();
      const reset = page.getByRole("dialog", { name: /重置密码/ });
      await reset.getByLabel("临时密码").fill("Temp-Reset-2026-ab");
      await reset.getByRole("button", { name: "重置密码" }).click();
      await expect(reset).toBeHidden();
    });

    test("the caseworker is held to the password change", async ({ page: worker, sql }) => {
      await signIn(worker, login, "Temp-Reset-2026-ab");
      await expect(worker).toHaveURL(/\/account\/password$/);
      await expect(worker.getByText("请先修改初始密码")).toBeVisible();
      await worker.goto("/enquiries");
      await expect(worker).toHaveURL(/\/account\/password$/);

      await worker.getByLabel(/^当前密码/).fill("Temp-Reset-2026-ab");
      await worker.getByLabel("新密码", { exact: true }).fill("123456789012");
      await worker.getByLabel("确认新密码").fill("123456789012");
      await worker.getByRole("button", { name: "修改密码" }).click();
      await expect(worker.getByText("该密码过于常见，容易被猜中，请换一个")).toBeVisible();

      await worker.getByLabel("新密码", { exact: true }).fill("River-Lantern-Stone-7");
      await worker.getByLabel("确认新密码").fill("River-Lantern-Stone-7");
      await worker.getByRole("button", { name: "修改密码" }).click();
      await expect(worker).toHaveURL(/\/login\?notice=password-changed/);
      await expect(worker.getByText("密码已修改，请使用新密码重新登录")).toBeVisible();
      const [changed] = await sql`select must_change_password from users where login = ${login}`;
      expect(changed?.must_change_password).toBe(false);
    });

    test("disables the account, which ends the caseworker's session, all audited", async ({
      asAdmin: page,
      browser,
      sql,
    }) => {
      const context = await browser.newContext();
      const worker = await context.newPage();
      try {
        await signIn(worker, login, "River-Lantern-Stone-7");
        await expect(worker.getByRole("heading", { name: /您好，周婷/ })).toBeVisible();

        await page.goto("/admin/users");
        await userRow(page, login).getByRole("button", { name: "停用" }).click();
        await page.locator(".ant-popconfirm").getByRole("button", { name: "停用" }).click();
        // The row holds a 停用 button from the start: wait for the saved change itself.
        await expect(page.getByText("已停用该用户，其登录已失效")).toBeVisible();
        await expect(userRow(page, login).getByRole("button", { name: "启用" })).toBeVisible();

        await worker
          .getByRole("navigation", { name: "主导航" })
          .getByRole("link", { name: "咨询工单" })
          .click();
        await expect(worker).toHaveURL(/\/login/);
      } finally {
        await context.close();
      }

      const audit = await sql`
      select a.action from audit_events a join users u on a.entity_id = u.id::text
      where a.entity = 'user' and u.login = ${login} order by a.id`;
      expect(audit.map((row) => row.action)).toEqual(
        expect.arrayContaining([
          "user.create",
          "user.reset_password",
          "user.change_password",
          "user.disable",
        ]),
      );
    });
  });

test("an administrator filters the audit log by action, and the filter survives a reload", async ({
  asAdmin: page,
}) => {
  await page.goto("/admin/audit");
  const table = page.getByRole("table", { name: "审计日志" });
  await expect(table.locator("tbody tr.ant-table-row").first()).toBeVisible();
  await chooseOption(page, "操作", "登录");
  await expect(page).toHaveURL(/action=user\.sign_in/);
  await page.reload();
  const rows = table.locator("tbody tr.ant-table-row");
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  for (let i = 0; i < count; i++) {
    await expect(rows.nth(i).locator(".ant-tag")).toHaveText("登录");
  }
});

test("a caseworker has no administration menu and is refused the admin pages", async ({
  asCaseworker: page,
}) => {
  await expect(
    page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "系统管理" }),
  ).toHaveCount(0);
  await page.goto("/admin/users");
  await expect(page.getByText("无权访问系统管理")).toBeVisible();
});

// The pages themselves are checked in walk.spec.ts; here the dialog a page opens.
test("the new-user dialog passes an axe check", async ({ asAdmin: page }) => {
  const problems: string[] = [];
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "新建用户" }).click();
  await expect(page.getByRole("dialog", { name: "新建用户" })).toBeVisible();
  const dialog = await new AxeBuilder({ page })
    .include(".ant-modal")
    .withTags(["wcag2a", "wcag2aa"])
    .analyze();
  for (const violation of dialog.violations) problems.push(`新建用户 ${violation.id}`);
  expect(problems).toEqual([]);
});
