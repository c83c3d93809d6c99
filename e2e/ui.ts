import type { Page } from "@playwright/test";

// Ant Design selects render their options in a portal; pick by the visible label.
export async function chooseOption(page: Page, fieldLabel: string, option: string) {
  await page.getByLabel(fieldLabel, { exact: true }).click();
  await page
    .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")
    .getByTitle(option, { exact: true })
    .click();
}
