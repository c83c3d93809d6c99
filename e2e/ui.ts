import { expect, type Page } from "@playwright/test";

const OPEN_DROPDOWN = ".ant-select-dropdown:not(.ant-select-dropdown-hidden)";

// Ant Design selects render their options in a portal. A dropdown that is still animating
// closed would take the click, so wait until none is open before opening ours. Searchable
// selects are driven like a person would: type the option, then Enter.
export async function chooseOption(page: Page, fieldLabel: string, option: string) {
  await expect(page.locator(OPEN_DROPDOWN)).toHaveCount(0);
  const field = page.getByLabel(fieldLabel, { exact: true });
  await field.click();
  if (await field.isEditable()) {
    await field.fill(option);
    await expect(page.locator(OPEN_DROPDOWN).getByTitle(option, { exact: true })).toBeVisible();
    await page.keyboard.press("Enter");
  } else {
    await page.locator(OPEN_DROPDOWN).getByTitle(option, { exact: true }).click();
  }
  // On a busy machine the dropdown sometimes stays open after the choice is made (its closing
  // animation is cut short by a re-render); Escape closes it as a person would, keeping the value.
  try {
    await expect(page.locator(OPEN_DROPDOWN)).toHaveCount(0, { timeout: 5_000 });
  } catch {
    await page.keyboard.press("Escape");
    await expect(page.locator(OPEN_DROPDOWN)).toHaveCount(0);
  }
}
