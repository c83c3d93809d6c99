import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// WCAG 2 A and AA violations on the page as it stands once it has settled (no spinner or
// skeleton left, so the check sees the page and not a loading state): one line each, prefixed
// with `label` and naming up to three of the offending nodes.
export async function axeProblems(page: Page, label: string): Promise<string[]> {
  await page.waitForLoadState("networkidle");
  await expect(page.locator(".ant-spin-spinning, .ant-skeleton-active")).toHaveCount(0);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return results.violations.map(
    (violation) =>
      `${label} ${violation.id}: ${violation.nodes
        .map((node) => node.target.join(" "))
        .slice(0, 3)
        .join(" | ")}`,
  );
}

// The same for the page at `path`, opened first.
export async function axeProblemsAt(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  return axeProblems(page, path);
}
