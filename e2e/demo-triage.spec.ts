import { CAUSES } from "@/db/constants";
import { expect, test } from "./fixtures";

// A fresh demo shows triage at work: the manager's acceptance rates are filled in and a recent
// enquiry shows the facts and suggestions stored when it was filed.

test("the demo data fills the acceptance rates a manager sees", async ({
  asManager: page,
  sql,
}) => {
  await page.goto("/analytics");
  const card = page.getByTestId("triage-acceptance");
  const row = card.getByRole("row", { name: /离职减员/ });
  await expect(row).toBeVisible();
  // Columns: 原因, 建议次数, 采纳次数, 采纳率, 排第一时采纳率.
  await expect(row.getByRole("cell").nth(1)).not.toHaveText("0");
  await expect(row.getByRole("cell").nth(3)).toHaveText(/^\d{1,3}\.\d%$/);

  const rates = await card.locator("tbody tr td:nth-child(4)").allInnerTexts();
  expect(rates).toHaveLength(CAUSES.length);
  expect(rates.every((rate) => /^\d{1,3}\.\d%$/.test(rate))).toBe(true);
  expect(rates.some((rate) => rate !== "100.0%")).toBe(true);

  const [stored] = await sql`select count(*)::int as n from enquiry_suggestions`;
  expect(stored?.n).toBeGreaterThan(0);

  // By month, how often the first suggestion named the primary cause: the demo's recent months
  // were filed with the panel live, so they have a rate.
  const firstMatch = page.getByTestId("triage-first-match");
  await expect(firstMatch.getByRole("cell", { name: /^\d{1,3}\.\d%$/ }).first()).toBeVisible();
});

test("a recent demo enquiry shows the triage facts and suggestions stored at filing", async ({
  asCaseworker: page,
  sql,
}) => {
  const [recent] = await sql`
    select e.id, f.facts ->> 'leaveDate' as "leaveDate" from enquiries e
    join enquiry_triage_facts f on f.enquiry_id = e.id
    join enquiry_suggestions s on s.enquiry_id = e.id and s.rank = 1 and s.accepted
    where e.region_code = '610100' and f.facts ? 'leaveDate' and s.cause = 'resignation'
    order by e.id desc limit 1`;
  expect(recent).toBeDefined();
  await page.goto(`/enquiries/${recent?.id}`);
  const card = page.getByTestId("triage-card");
  await expect(card.getByRole("listitem", { name: "建议1：离职减员" })).toBeVisible();
  await expect(card.getByRole("listitem", { name: "建议1：离职减员" })).toContainText("已采纳");
  await expect(card).toContainText("近期离职");
  await expect(card).toContainText(String(recent?.leaveDate));
  await expect(card).not.toContainText("受理时未记录研判情况");
});
