import { expect, test } from "./fixtures";
import { chooseOption } from "./ui";

const FULL_ID = /^\d{17}[\dX]$/;

test("a caseworker states a reason, sees the full ID number, and the reveal is audited", async ({
  asCaseworker: page,
  sql,
}) => {
  const [member] = await sql<{ id: number; id_number_masked: string }[]>`
    select m.id::int, m.id_number_masked from members m
    where m.region_code like '6101%'
      and exists (select 1 from enquiries e where e.member_id = m.id and e.region_code like '6101%')
    order by m.id limit 1`;
  if (!member) throw new Error("no 西安 member in the demo data");
  await page.goto(`/members/${member.id}`);
  await expect(page.getByText(member.id_number_masked)).toBeVisible();

  await page.getByRole("button", { name: "查看完整证件号" }).click();
  const dialog = page.getByRole("dialog", { name: "查看完整证件号" });
  await dialog.getByRole("button", { name: "查看", exact: true }).click();
  await expect(dialog.getByText("请选择查看原因")).toBeVisible();
  await expect(dialog.getByTestId("full-id-number")).toHaveCount(0);

  await chooseOption(page, "查看原因", "其他原因");
  await dialog.getByLabel("具体原因").fill("核");
  await dialog.getByRole("button", { name: "查看", exact: true }).click();
  await expect(dialog.getByText("查看原因至少4个字")).toBeVisible();
  await dialog.getByLabel("具体原因").fill("参保人来电核对社保卡信息");
  await dialog.getByRole("button", { name: "查看", exact: true }).click();

  const full = dialog.getByTestId("full-id-number");
  await expect(full).toHaveText(FULL_ID);
  const idNumber = (await full.textContent())?.trim() ?? "";
  expect(idNumber.slice(0, 6)).toBe(member.id_number_masked.slice(0, 6));
  expect(idNumber.slice(-4)).toBe(member.id_number_masked.slice(-4));

  const audit = await sql<{ login: string; after: { reason: string; idNumber: string } }[]>`
    select u.login, a.after from audit_events a join users u on u.id = a.actor_id
    where a.action = 'member.reveal_id' and a.entity = 'member' and a.entity_id = ${String(member.id)}
    order by a.id desc limit 1`;
  expect(audit[0]).toEqual({
    login: "xa_caseworker",
    after: { reason: "参保人来电核对社保卡信息", idNumber: member.id_number_masked },
  });
  expect(JSON.stringify(audit)).not.toContain(idNumber);

  await dialog.locator(".ant-modal-footer").getByRole("button", { name: "关闭" }).click();
  await expect(page.getByTestId("full-id-number")).toHaveCount(0);

  // The enquiry page offers the same, next to the member's masked number.
  const [enquiry] = await sql<{ id: number }[]>`
    select id::int from enquiries where member_id = ${member.id} and region_code like '6101%'
    order by id limit 1`;
  await page.goto(`/enquiries/${enquiry?.id}`);
  await expect(page.getByText(member.id_number_masked)).toBeVisible();
  await expect(page.getByRole("button", { name: "查看完整证件号" })).toBeVisible();
});

test("a manager sees the masked number only", async ({ asManager: page, sql }) => {
  const [member] = await sql<{ id: number; id_number_masked: string }[]>`
    select id::int, id_number_masked from members order by id limit 1`;
  if (!member) throw new Error("no member in the demo data");
  await page.goto(`/members/${member.id}`);
  await expect(page.getByText(member.id_number_masked)).toBeVisible();
  await expect(page.getByRole("button", { name: "查看完整证件号" })).toHaveCount(0);
});
