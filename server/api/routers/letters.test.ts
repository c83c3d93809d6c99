import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PolicySetting } from "@/db/constants";
import { shanghaiDay } from "@/server/rules/calendar-day";
import { testClock } from "@/server/testing/clock";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import {
  createMember,
  createSignedInUser,
  type SignedInTestUser,
} from "@/server/testing/factories";
import { callerWith, errorOf, failureOf, testPii } from "../../testing/callers";

// 告知书 issued as snapshots: only what was confirmed, in the region's terms, and never changed
// afterwards by a change of the enquiry or the settings.

const XIAN = "610100";
const LESHAN = "511100";
const INTERNAL_NOTE = "内部：参保人情绪激动，已安抚，勿外传";
const today = shanghaiDay(testClock.now());

let testDb: TestDatabase;
let admin: SignedInTestUser;
let worker: SignedInTestUser;
let leshanWorker: SignedInTestUser;
let memberId: number;

const asAdmin = () => callerWith(testDb.db, admin.session);
const asWorker = () => callerWith(testDb.db, worker.session);

function setXian<K extends PolicySetting>(
  setting: K,
  value: unknown,
  effectiveFrom = "2000-01-01",
) {
  return asAdmin().policySettings.add({
    regionCode: XIAN,
    setting,
    value,
    effectiveFrom,
    sourceNote: "西安市医保经办规程（测试）",
    verified: true,
  });
}

async function fileEnquiry() {
  const caller = asWorker();
  const { id } = await caller.enquiries.create({
    idempotencyKey: randomUUID(),
    memberId,
    channel: "counter",
    symptom: "negative",
    reportedBalanceFen: -1_300,
    disputedAmountFen: 1_300,
    description: "没有看病，个账显示负十三元",
    causes: [{ cause: "policy_reform", subReason: "deduction", isPrimary: true }],
  });
  await caller.enquiries.addStep({ id, version: 1, kind: "explain_policy", note: INTERNAL_NOTE });
  return id;
}

const textOf = (content: unknown) => JSON.stringify(content);

beforeAll(async () => {
  testDb = await createTestDatabase();
  admin = await createSignedInUser(testDb.db, { role: "admin", regionScope: null });
  worker = await createSignedInUser(testDb.db, { role: "caseworker", regionScope: XIAN });
  leshanWorker = await createSignedInUser(testDb.db, { role: "caseworker", regionScope: LESHAN });
  memberId = (await createMember(testDb.db, testPii, { regionCode: XIAN, name: "钱扣费" })).id;
  await setXian("issuer", {
    name: "西安市医疗保障经办中心",
    sealLine: "西安市医疗保障经办中心（业务章）",
  });
  await setXian("member_hotline", { text: "029-12345（转医保）" });
  await setXian("monthly_deductions", { items: [{ name: "大额医疗补助", monthlyFen: 1_300 }] });
  await setXian("reform_start", { date: "2022-10-01" });
});
afterAll(() => testDb.drop());

describe("the letter before the enquiry is closed", () => {
  it("says 正在核查 as a draft, in the region's terms, without the internal note", async () => {
    const id = await fileEnquiry();
    const preview = await asWorker().letters.preview({ id });
    const text = textOf(preview.content);
    expect(preview.stage).toBe("checking");
    expect(preview.content.draft).toBe(true);
    expect(text).toContain("正在核查");
    expect(text).not.toContain("经核实");
    expect(text).not.toContain(INTERNAL_NOTE);
    expect(preview.content.issuer).toBe("西安市医疗保障经办中心");
    expect(preview.content.sealLine).toBe("西安市医疗保障经办中心（业务章）");
    expect(preview.content.contact).toContain("029-12345（转医保）");
    // The tag is 政策改革·扣费: the letter names the deduction, not the reform.
    expect(text).not.toContain("门诊共济");
    expect(text).toContain("大额医疗补助每月 13.00 元");
    expect(text).not.toMatch(/12393|医疗保障局/);
    expect(preview.unverified).toEqual([]);
    // The step reads as a sentence for the member.
    expect(preview.stepSentences.map((step) => step.text)).toEqual(["向您说明了适用的政策规定。"]);
  });

  it("marks the settings it used that are not verified", async () => {
    const id = await fileEnquiry();
    await asAdmin().policySettings.add({
      regionCode: XIAN,
      setting: "notice_footer",
      value: { text: "示例页脚" },
      effectiveFrom: "2001-01-01",
      sourceNote: "示例（未核实）",
      verified: false,
    });
    const preview = await asWorker().letters.preview({ id });
    expect(preview.unverified).toEqual(["告知书页脚"]);
  });
});

describe("issuing", () => {
  it("stores a snapshot; issuing unchanged text again gives the same letter back", async () => {
    const id = await fileEnquiry();
    const first = await asWorker().letters.issue({ id });
    expect(first.created).toBe(true);
    expect(await asWorker().letters.issue({ id })).toEqual({ id: first.id, created: false });
    const [listed] = await asWorker().letters.forEnquiry({ id });
    expect(listed).toMatchObject({
      id: first.id,
      version: 1,
      stage: "checking",
      stageLabel: "核查中",
    });
    expect(listed?.number).toMatch(new RegExp(`^${today.slice(0, 4)}年第\\d+号$`));
  });

  it("keeps the first letter byte-identical when a setting changes, and issues a second version", async () => {
    const id = await fileEnquiry();
    const first = await asWorker().letters.issue({ id });
    const before = textOf((await asWorker().letters.byId({ id: first.id })).content);
    await setXian(
      "monthly_deductions",
      { items: [{ name: "大额医疗补助", monthlyFen: 1_500 }] },
      today,
    );

    const second = await asWorker().letters.issue({ id });
    expect(second.created).toBe(true);
    const [firstAgain, secondLetter] = await Promise.all([
      asWorker().letters.byId({ id: first.id }),
      asWorker().letters.byId({ id: second.id }),
    ]);
    expect(textOf(firstAgain.content)).toBe(before);
    expect(before).toContain("13.00 元");
    expect(textOf(secondLetter.content)).toContain("15.00 元");
    expect(secondLetter.version).toBe(2);
    expect(secondLetter.serial).toBeGreaterThan(firstAgain.serial);
  });

  it("says 经核实 only once the enquiry is closed", async () => {
    const id = await fileEnquiry();
    const caller = asWorker();
    // Recording the step started the enquiry (version 2).
    await caller.enquiries.transition({
      id,
      version: 2,
      action: "resolve",
      resolutionSummary: "每月代扣大额医疗补助，单位缴费到账后冲抵",
    });
    const { id: letterId } = await caller.letters.issue({ id });
    const letter = await caller.letters.byId({ id: letterId });
    expect(letter.stage).toBe("confirmed");
    expect(letter.content.draft).toBe(false);
    expect(letter.content.opening).toContain("经核实");
    expect(textOf(letter.content)).not.toContain("正在核查");
  });

  it("prints the caseworker's rewording of a step, within its length", async () => {
    const id = await fileEnquiry();
    const [step] = (await asWorker().letters.preview({ id })).stepSentences;
    const stepId = String(step?.id);
    const { id: letterId } = await asWorker().letters.issue({
      id,
      stepTexts: { [stepId]: "当面向您说明了每月代扣大额医疗补助的规定。" },
    });
    expect(textOf((await asWorker().letters.byId({ id: letterId })).content)).toContain(
      "当面向您说明了每月代扣大额医疗补助的规定。",
    );
    expect(
      await failureOf(asWorker().letters.issue({ id, stepTexts: { [stepId]: "长".repeat(201) } })),
    ).toEqual({ code: "BAD_REQUEST", message: "每条办理情况不能超过200个字" });
  });

  it("is audited, and another region's caseworker finds neither the letters nor the preview", async () => {
    const id = await fileEnquiry();
    const { id: letterId } = await asWorker().letters.issue({ id });
    const [audit] = await testDb.client<{ action: string; after: Record<string, string> }[]>`
      select action, after from audit_events
      where entity = 'enquiry' and entity_id = ${String(id)} and action = 'letter.issue'`;
    expect(audit?.after).toMatchObject({ version: "第1版", stage: "核查中" });
    const other = callerWith(testDb.db, leshanWorker.session);
    expect(await errorOf(other.letters.byId({ id: letterId }))).toMatch(/^NOT_FOUND/);
    expect(await errorOf(other.letters.preview({ id }))).toMatch(/^NOT_FOUND/);
    expect(await errorOf(other.letters.issue({ id }))).toMatch(/^NOT_FOUND/);
  });
});
