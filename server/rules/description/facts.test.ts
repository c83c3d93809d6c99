import { describe, expect, it } from "vitest";
import type { DescriptionCue } from "./cues";
import { factsFromCues, mergeFacts } from "./facts";
import { readDescription } from "./index";

const TODAY = "2026-04-15";

const read = (words: string) => factsFromCues(readDescription(words, TODAY));

const cue = (key: DescriptionCue["key"], extra: Partial<DescriptionCue> = {}): DescriptionCue => ({
  key,
  negated: false,
  label: key,
  text: key,
  ...extra,
});

describe("factsFromCues: cues that answer a question", () => {
  it("reads a leave, its reduction and their dates", () => {
    const { facts } = factsFromCues([
      cue("left_employer", { date: "2026-01-12" }),
      cue("reduction_filed", { month: "2026-02" }),
    ]);
    expect(facts).toEqual({
      leftEmployer: true,
      leaveDate: "2026-01-12",
      reductionFiled: true,
      reductionMonth: "2026-02",
    });
  });

  it("reads a denial as the answer no", () => {
    expect(read("本人一直在职，原单位尚未办理减员").facts).toEqual({
      leftEmployer: false,
      reductionFiled: false,
    });
  });

  it("reads the employer's payment from either side", () => {
    expect(factsFromCues([cue("employer_paid", { date: "2026-04-10" })]).facts).toEqual({
      employerPaid: true,
      employerPaidOn: "2026-04-10",
    });
    expect(factsFromCues([cue("employer_arrears")]).facts).toEqual({ employerPaid: false });
    // Paid and in arrears at once: the question stays open.
    expect(factsFromCues([cue("employer_paid"), cue("employer_arrears")]).facts).toEqual({});
  });

  it("takes a relative's use as a binding", () => {
    expect(read("上个月孩子看病用了两百多").facts).toEqual({
      boundRelatives: 1,
      relativeRecentUse: true,
    });
    expect(read("没有绑定家人").facts).toEqual({ boundRelatives: 0 });
  });

  it("prefers the bank among the channels named", () => {
    expect(read("手机银行里的余额和医保App显示的不一样").facts.queryMethod).toBe("bank");
    expect(read("打12333查的").facts.queryMethod).toBe("hotline_12333");
  });

  it("reads the card's state, and when it changed", () => {
    expect(factsFromCues([cue("card_activated", { date: "2026-04-13" })]).facts).toEqual({
      card: "activated",
      cardChangedOn: "2026-04-13",
    });
    expect(
      factsFromCues([cue("card_replaced", { date: "2026-04-01" }), cue("card_not_activated")])
        .facts,
    ).toEqual({ card: "not_activated" });
  });

  it("reads the rarer causes' facts", () => {
    const { facts } = factsFromCues([
      cue("card_expired"),
      cue("identity_change"),
      cue("relocation"),
      cue("bank_account_frozen"),
      cue("commercial_insurance"),
      cue("contribution_gap", { months: 4 }),
      cue("noticed_on", { date: "2026-03-02" }),
      cue("tier", { text: "2档" }),
    ]);
    expect(facts).toEqual({
      outOfAreaOrExpired: true,
      identityChanged: true,
      relocated: true,
      bankAccountFrozen: true,
      commercialInsurance: true,
      contributionGapMonths: 4,
      firstNoticedMonth: "2026-03",
      tier: "二档",
    });
  });

  it("gives the balance the description states", () => {
    expect(read("个账显示-26块").balanceFen).toBe(-2600);
    expect(read("个账少了两百多").balanceFen).toBeNull();
  });
});

describe("factsFromCues: what stays text", () => {
  it("keeps the cues without a question of their own as said or denied", () => {
    const { signals, facts } = read("系统升级以后个账少了500，我没去过医院");
    expect([...signals.said]).toEqual(["system_upgrade", "drop_amount"]);
    expect([...signals.denied]).toEqual(["medical_spending"]);
    expect(signals.amounts.drop_amount).toBe(50000);
    expect(facts).toEqual({});
  });

  it("never turns a question or a guess into a fact", () => {
    const { facts, signals } = read("是不是离职了所以卡刷不了？");
    expect(facts.leftEmployer).toBeUndefined();
    expect([...signals.asked]).toContain("left_employer");
    expect(signals.said.has("left_employer")).toBe(false);
  });

  it("leaves a question open when the member says one thing and its opposite", () => {
    const { facts } = factsFromCues([
      cue("left_employer"),
      cue("left_employer", { negated: true }),
    ]);
    expect(facts.leftEmployer).toBeUndefined();
  });

  it("keeps a gap without its length as said", () => {
    const { facts, signals } = factsFromCues([cue("contribution_gap")]);
    expect(facts.contributionGapMonths).toBeUndefined();
    expect(signals.said.has("contribution_gap")).toBe(true);
  });
});

describe("mergeFacts", () => {
  it("lets a structured answer win, with the fields it settles", () => {
    const fromText = { leftEmployer: true, leaveDate: "2026-01-12", boundRelatives: 1 };
    expect(mergeFacts(fromText, { leftEmployer: false, boundRelatives: null })).toEqual({
      leftEmployer: false,
      boundRelatives: 1,
    });
    expect(mergeFacts({ employerPaid: false }, { employerPaid: true })).toEqual({
      employerPaid: true,
    });
  });

  it("keeps the text's answers where the caseworker gave none", () => {
    expect(mergeFacts({ card: "replaced", cardChangedOn: "2026-04-01" }, {})).toEqual({
      card: "replaced",
      cardChangedOn: "2026-04-01",
    });
  });
});
