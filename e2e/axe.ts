import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// WCAG 2.0/2.1 A and AA plus axe's best practices. A page fails on every serious or critical
// violation, and on a missing first-level heading (moderate in axe, but a screen-reader user
// navigates by it). Checked once the page has settled (no spinner or skeleton left), so the
// check sees the page and not a loading state: one line each, prefixed with `label` and naming
// up to three of the offending nodes.
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
const ALWAYS_FAIL = new Set(["page-has-heading-one"]);

export async function axeProblems(page: Page, label: string): Promise<string[]> {
  await page.waitForLoadState("networkidle");
  // A page's first data can take a while on a busy 2-core machine (two browsers, the server and
  // the database share it); the wait is for the page to settle, not a speed check.
  await expect(page.locator(".ant-spin-spinning, .ant-skeleton-active")).toHaveCount(0, {
    timeout: 30_000,
  });
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations
    .filter(
      (violation) =>
        violation.impact === "serious" ||
        violation.impact === "critical" ||
        ALWAYS_FAIL.has(violation.id),
    )
    .map(
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
