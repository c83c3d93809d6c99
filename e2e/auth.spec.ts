import { DEMO_LOGINS, expect, signIn, test } from "./fixtures";

test("signed-out visitors are sent to the Chinese login page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "个账咨询台" })).toBeVisible();
  await expect(page.getByLabel("用户名")).toBeVisible();
});

test("a wrong password gets one message that does not reveal whether the login exists", async ({
  page,
}) => {
  await signIn(page, DEMO_LOGINS.caseworker, "wrong-password-123");
  await expect(page.locator(".ant-alert-error")).toContainText("用户名或密码错误");
  await signIn(page, "no_such_user", "wrong-password-123");
  await expect(page.locator(".ant-alert-error")).toContainText("用户名或密码错误");
  await expect(page).toHaveURL(/\/login/);
});

test("a caseworker signs in, sees the shell and their navigation, and signs out", async ({
  asCaseworker: page,
}) => {
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(nav.getByRole("link", { name: "工作台" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "系统管理" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: /您好，王敏/ })).toBeVisible();
  await expect(page.getByText("管辖范围：西安市")).toBeVisible();

  await page.getByRole("button", { name: "用户菜单" }).click();
  await page.getByText("退出登录").click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("a manager signs in and sees the whole jurisdiction", async ({ asManager: page }) => {
  await expect(page.getByRole("heading", { name: /您好，张强/ })).toBeVisible();
  await expect(page.getByText("管辖范围：全辖区")).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "工作台" }),
  ).toBeVisible();
});

// Uses an account no other test signs in with, since tests run in parallel.
test("a disabled user is signed out on the very next request", async ({ page, sql }) => {
  await signIn(page, "sh_caseworker");
  await expect(page.getByRole("heading", { name: /您好/ })).toBeVisible();
  await sql`update users set active = false where login = 'sh_caseworker'`;
  try {
    await page.reload();
    await expect(page).toHaveURL(/\/login/);
  } finally {
    await sql`update users set active = true where login = 'sh_caseworker'`;
  }
});
