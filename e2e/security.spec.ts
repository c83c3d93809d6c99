import { expect, test } from "./fixtures";

test("pages and the API carry the security headers", async ({ request }) => {
  for (const path of ["/login", "/api/trpc/viewer.me"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["cache-control"], path).toContain("no-store");
    // The e2e server runs in production mode.
    expect(headers["strict-transport-security"], path).toContain("max-age=");
  }
});

test("a signed-in page renders under the CSP without violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "登录" })).toBeVisible();
  // Styled by Ant Design: the primary button has its theme colour.
  await expect(page.getByRole("button", { name: "登录" })).toHaveCSS(
    "background-color",
    "rgb(9, 88, 217)",
  );
  expect(violations).toEqual([]);
});
