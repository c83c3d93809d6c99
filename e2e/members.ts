import { expect, type Page } from "@playwright/test";
import { buildIdNumber } from "@/server/rules/id-number";

// A valid ID number issued in 西安 for someone born in `birthYear`, unlikely to be registered
// already: specs register their own members and must not meet the demo's.
export function uniqueIdNumber(birthYear: number): string {
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, "0");
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, "0");
  return buildIdNumber("610113", `${birthYear}${month}${day}`, Math.floor(Math.random() * 1000));
}

// Registers a 职工医保·在职 member from the new-enquiry page, as a caseworker does through
// 录入新参保人, and waits for the dialog to close.
export async function registerEmployee(
  page: Page,
  member: { name: string; idNumber: string; phone?: string; employer?: string },
) {
  await page.getByRole("button", { name: "录入新参保人" }).click();
  const dialog = page.getByRole("dialog", { name: "录入新参保人" });
  await dialog.getByLabel("姓名").fill(member.name);
  await dialog.getByLabel("身份证号").fill(member.idNumber);
  if (member.phone) await dialog.getByLabel("手机号").fill(member.phone);
  await dialog.getByRole("radio", { name: "职工医保", exact: true }).check();
  await dialog.getByRole("radio", { name: "在职", exact: true }).check();
  if (member.employer) await dialog.getByLabel("参保单位").fill(member.employer);
  await dialog.getByRole("button", { name: "录入", exact: true }).click();
  await expect(dialog).toBeHidden();
}
