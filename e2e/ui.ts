import { expect, type Locator, type Page } from "@playwright/test";

const OPEN_DROPDOWN = ".ant-select-dropdown:not(.ant-select-dropdown-hidden)";

// The select around a labelled field, where the chosen option shows with its label as title.
const selectOf = (page: Page, field: Locator) => page.locator(".ant-select").filter({ has: field });

// Ant Design selects render their options in a portal. A dropdown that is still animating
// closed would take the click, so wait until none is open before opening ours. Searchable
// selects are driven like a person would: type the option, then Enter. On a busy machine the
// choice sometimes does not take (the list re-renders under the key press) and the dropdown
// stays open; a person would close it and choose again, and so does this, until the field
// shows the option.
export async function chooseOption(page: Page, fieldLabel: string, option: string) {
  const field = page.getByLabel(fieldLabel, { exact: true });
  const chosen = selectOf(page, field).getByTitle(option, { exact: true });
  for (let attempt = 1; ; attempt++) {
    await expect(page.locator(OPEN_DROPDOWN)).toHaveCount(0);
    await field.click();
    if (await field.isEditable()) {
      await field.fill(option);
      await expect(page.locator(OPEN_DROPDOWN).getByTitle(option, { exact: true })).toBeVisible();
      await page.keyboard.press("Enter");
    } else {
      await page.locator(OPEN_DROPDOWN).getByTitle(option, { exact: true }).click();
    }
    const closed = await expect(page.locator(OPEN_DROPDOWN))
      .toHaveCount(0, { timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (closed) break;
    await page.keyboard.press("Escape");
    if (attempt === 3) break;
  }
  await expect(page.locator(OPEN_DROPDOWN)).toHaveCount(0);
  await expect(chosen).toBeVisible();
}

// Region cascaders (province, then city) open in the same portal. Every column is clicked inside
// the open dropdown only: a closed one stays in the DOM with the same names, and a click aimed
// there waits for an element that will never be visible. If the city column was not drawn yet
// when the province was clicked, the dropdown is closed and the choice made again.
export async function chooseCity(page: Page, field: Locator, province: string, city: string) {
  const open = page.locator(OPEN_DROPDOWN);
  for (let attempt = 1; ; attempt++) {
    await expect(open).toHaveCount(0);
    await field.click();
    await open.locator(".ant-cascader-menu-item", { hasText: province }).click();
    const cityItem = open.locator(".ant-cascader-menu-item", { hasText: city });
    const drawn = await expect(cityItem)
      .toBeVisible({ timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (drawn) {
      await cityItem.click();
      break;
    }
    await page.keyboard.press("Escape");
    if (attempt === 3) throw new Error(`${city} was not offered under ${province}`);
  }
  await expect(open).toHaveCount(0);
  // The field may be found inside a dialog, so its select is reached from the field upwards.
  const select = field.locator(
    "xpath=ancestor::*[contains(concat(' ', @class, ' '), ' ant-select ')][1]",
  );
  await expect(select).toContainText(city);
}
