import { describe, expect, it } from "vitest";
import { readCue } from "../../testing/triage";
import type { DescriptionCue } from "./cues";
import { readDescription } from "./index";

// A Wednesday; 上周三 is 2026-04-08.
const TODAY = "2026-04-15";
// A Monday in the first week of 2026; 上周三 is 2025-12-31.
const NEW_YEAR = "2026-01-05";

const cue = readCue;

type Description = { words: string; today: string; cues: DescriptionCue[] };

const DESCRIPTIONS: Record<string, Description> = {
  "a member's own words": {
    words: "参保人称上周三查询个账显示-1,024元，本人一直在职并未离职，没去过医院，单位说已经缴费了",
    today: TODAY,
    cues: [
      cue("noticed_on", false, "上周三", "发现于 2026年4月8日", { date: "2026-04-08" }),
      cue("balance_amount", false, "显示-1,024元", "余额 -1,024.00 元", { amountFen: -102400 }),
      cue("left_employer", true, "一直在职", "未离职"),
      cue("medical_spending", true, "没去过医院", "未就医购药"),
      cue("employer_paid", false, "已经缴费", "单位已缴费"),
    ],
  },
  "a hotline transfer note about leaving": {
    words: "来电人反映其医保个人账户余额为负数（-86元），称已于2026年3月离职，原单位尚未办理减员",
    today: TODAY,
    cues: [
      cue("balance_amount", false, "-86元", "余额 -86.00 元", { amountFen: -8600 }),
      cue("left_employer", false, "离职", "已离职", { month: "2026-03" }),
      cue("reduction_filed", true, "尚未办理减员", "单位未减员"),
    ],
  },
  "a new employer after 春节": {
    words:
      "来电人称春节后发现个账余额为零，本人2025年12月入职新公司，原单位已办理减员，新单位说已经缴费了，但银行APP上查不到",
    today: TODAY,
    cues: [
      cue("noticed_on", false, "春节后", "发现于 2026年2月17日", { date: "2026-02-17" }),
      cue("balance_amount", false, "余额为零", "余额 0.00 元", { amountFen: 0 }),
      cue("new_employer", false, "入职新公司", "已入职新单位", { month: "2025-12" }),
      cue("reduction_filed", false, "办理减员", "单位已减员"),
      cue("employer_paid", false, "已经缴费", "单位已缴费"),
      cue("bank_query", false, "银行APP", "在银行查询"),
    ],
  },
  "family mutual aid": {
    words:
      "我的医保卡去年绑了家庭共济，上个月孩子看病用了两百多，现在余额只剩五十多，可是我从来没给孩子交过居民医保",
    today: TODAY,
    cues: [
      cue("family_binding", false, "家庭共济", "已绑定家庭共济", { year: "2025" }),
      cue("relative_use", false, "孩子看病", "家人使用个账约 200.00 元", {
        month: "2026-03",
        amountFen: 20000,
        approx: true,
      }),
      cue("balance_amount", false, "只剩五十多", "余额约 50.00 元", {
        amountFen: 5000,
        approx: true,
      }),
      cue("relative_use", true, "从来没给孩子交过居民医保", "家人未使用个账"),
    ],
  },
  "a 12345 work order about a retiree": {
    words:
      "12345转办：市民反映其职工医保个人账户今年1月起每月只划入30元，称退休后划得少了，要求核实",
    today: TODAY,
    cues: [
      cue("noticed_on", false, "今年1月", "发现于 2026年1月", { month: "2026-01" }),
      cue("retiree_allocation", false, "退休后划得少了", "退休划入调整"),
    ],
  },
  "an unexplained drop": {
    words: "参保人称个账一次少了 1,500 元，不知道是不是买了惠民保，也没有绑定家人",
    today: TODAY,
    cues: [
      cue("drop_amount", false, "少了 1,500 元", "余额减少 1,500.00 元", { amountFen: 150000 }),
      cue("commercial_insurance", false, "惠民保", "个账购买商业保险", { asked: true }),
      cue("family_binding", true, "没有绑定家人", "未绑定家庭共济"),
    ],
  },
  "a flexibly employed member and a deduction": {
    words:
      "灵活就业人员，去年年底选了低档，今年年初开始每个月扣大额医疗补助十三块，余额变成负的十三元",
    today: TODAY,
    cues: [
      cue("flexible_employment", false, "灵活就业人员", "灵活就业"),
      cue("contribution_base", false, "选了低档", "缴费基数调整", { month: "2025-12" }),
      cue("deduction", false, "每个月扣", "每月扣费 13.00 元", {
        month: "2026-01",
        amountFen: 1300,
      }),
      cue("balance_amount", false, "变成负的十三元", "余额 -13.00 元", { amountFen: -1300 }),
    ],
  },
  "a 12393 note about a card": {
    words: "12393转来：参保人反映在外地住院刷不了医保卡，提示卡片过期，两周前刚补卡，新卡还没激活",
    today: TODAY,
    cues: [
      cue("out_of_area", false, "外地", "异地使用"),
      cue("medical_spending", false, "住院", "就医购药"),
      cue("card_expired", false, "卡片过期", "社保卡过期"),
      cue("card_replaced", false, "补卡", "补换社保卡", { date: "2026-04-01" }),
      cue("card_not_activated", false, "还没激活", "社保卡未激活"),
    ],
  },
  "a gap in contributions and three channels": {
    words:
      "参保人称断缴了三个月，单位欠缴，系统升级以后在医保App上查不到余额，但是打12333查询显示余额是3,250.80元",
    today: TODAY,
    cues: [
      cue("contribution_gap", false, "断缴", "个人断缴 3 个月", { months: 3 }),
      cue("employer_arrears", false, "单位欠缴", "单位欠缴"),
      cue("system_upgrade", false, "系统升级", "系统升级"),
      cue("app_query", false, "医保App", "医保App查询"),
      cue("hotline_12333_query", false, "12333", "12333查询"),
      cue("balance_amount", false, "余额是3,250.80元", "余额 3,250.80 元", { amountFen: 325080 }),
    ],
  },
  "a relocation and two views that disagree": {
    words:
      "参保人去年从外地转回本地参保，改过名字，国庆后去银行ATM查余额只有1.2万，和小程序上显示的不一样，怀疑是年度结转录错了",
    today: TODAY,
    cues: [
      cue("relocation", false, "从外地转回", "参保地转移", { year: "2025" }),
      cue("identity_change", false, "改过名字", "身份信息变更"),
      cue("noticed_on", false, "国庆后", "发现于 2025年10月1日", { date: "2025-10-01" }),
      cue("bank_query", false, "ATM", "在银行查询"),
      cue("balance_amount", false, "只有1.2万", "余额 12,000.00 元", { amountFen: 1200000 }),
      cue("app_query", false, "小程序", "医保App查询"),
      cue("sync_mismatch", false, "不一样", "两处显示不一致"),
      cue("year_carry_over", false, "年度结转", "年度结转", { asked: true }),
      cue("operator_error", false, "录错", "经办操作失误", { asked: true }),
    ],
  },
  "an enquiry in the first week of a year": {
    words:
      "元旦前后发现个账少了两百多，上周三去药店买药刷卡显示余额是负的三十块，去年11月离职的，单位说还没办减员",
    today: NEW_YEAR,
    cues: [
      cue("noticed_on", false, "元旦前后", "发现于 2026年1月1日", { date: "2026-01-01" }),
      cue("drop_amount", false, "少了两百多", "余额减少约 200.00 元", {
        amountFen: 20000,
        approx: true,
      }),
      cue("medical_spending", false, "买药", "就医购药", { date: "2025-12-31" }),
      cue("balance_amount", false, "余额是负的三十块", "余额 -30.00 元", { amountFen: -3000 }),
      cue("left_employer", false, "离职", "已离职", { month: "2025-11" }),
      cue("reduction_filed", true, "还没办减员", "单位未减员"),
    ],
  },
};

describe("readDescription: questions and guesses", () => {
  const asked = (words: string) =>
    readDescription(words, TODAY).map((found) => [found.key, found.asked === true]);

  it("marks what the member only asks or guesses about", () => {
    expect(asked("系统是不是升级了？我个账少了500")).toEqual([["drop_amount", false]]);
    expect(asked("是不是系统升级了？个账少了500")).toEqual([
      ["system_upgrade", true],
      ["drop_amount", false],
    ]);
    expect(asked("我以为是每个月扣的大病保险")).toEqual([["deduction", true]]);
    expect(asked("听说可以先透支")).toEqual([["overdraft", true]]);
    expect(asked("是我老婆用的卡吗？")).toEqual([["relative_use", true]]);
  });

  it("keeps a fact stated once as stated, however often it is asked about", () => {
    expect(asked("5月份辞职以后个账就不进钱了，我以为离职了也会继续划")).toEqual([
      ["left_employer", false],
    ]);
  });
});

describe("readDescription: whole descriptions", () => {
  for (const [name, { words, today, cues }] of Object.entries(DESCRIPTIONS)) {
    it(name, () => {
      expect(readDescription(words, today)).toEqual(cues);
    });
  }

  it("quotes every cue with words found in the description", () => {
    for (const { words, today } of Object.values(DESCRIPTIONS)) {
      for (const found of readDescription(words, today)) expect(words).toContain(found.text);
    }
  });
});

describe("the balance facts", () => {
  it.each<[string, DescriptionCue[]]>([
    [
      "查询个账显示-1,024元",
      [cue("balance_amount", false, "显示-1,024元", "余额 -1,024.00 元", { amountFen: -102400 })],
    ],
    [
      "余额只剩五十多",
      [
        cue("balance_amount", false, "只剩五十多", "余额约 50.00 元", {
          amountFen: 5000,
          approx: true,
        }),
      ],
    ],
    [
      "少了两百多",
      [
        cue("drop_amount", false, "少了两百多", "余额减少约 200.00 元", {
          amountFen: 20000,
          approx: true,
        }),
      ],
    ],
    [
      "3月15日突然少了300元",
      [
        cue("noticed_on", false, "3月15日", "发现于 2026年3月15日", { date: "2026-03-15" }),
        cue("drop_amount", false, "少了300元", "余额减少 300.00 元", { amountFen: 30000 }),
      ],
    ],
    [
      "国庆后发现少了三百块钱",
      [
        cue("noticed_on", false, "国庆后", "发现于 2025年10月1日", { date: "2025-10-01" }),
        cue("drop_amount", false, "少了三百块钱", "余额减少 300.00 元", { amountFen: 30000 }),
      ],
    ],
    [
      "去年查的余额是负的五十块",
      [
        cue("noticed_on", false, "去年", "发现于 2025年", { year: "2025" }),
        cue("balance_amount", false, "余额是负的五十块", "余额 -50.00 元", { amountFen: -5000 }),
      ],
    ],
  ])("%s", (sentence, expected) => {
    expect(readDescription(sentence, TODAY)).toEqual(expected);
  });
});

describe("readDescription: order and repeats", () => {
  it("keeps the first mention and completes it with a later mention's date", () => {
    expect(readDescription("离职了，是上个月离职的", TODAY)).toEqual([
      cue("left_employer", false, "离职", "已离职", { month: "2026-03" }),
    ]);
  });

  it("keeps a stated and a denied fact apart, in the order written", () => {
    expect(readDescription("单位说我离职了，其实并未离职", TODAY)).toEqual([
      cue("left_employer", false, "离职", "已离职"),
      cue("left_employer", true, "并未离职", "未离职"),
    ]);
  });

  it("does not carry a denial past 但是", () => {
    expect(readDescription("没有去医院但是住院了", TODAY)).toEqual([
      cue("medical_spending", true, "没有去医院", "未就医购药"),
      cue("medical_spending", false, "住院", "就医购药"),
    ]);
  });

  it("takes no date from what the member compares with", () => {
    expect(readDescription("每月划入的钱比去年少了", TODAY)).toEqual([]);
  });

  it("refuses a day that is not a calendar day", () => {
    expect(() => readDescription("昨天查的", "2026-02-30")).toThrow(RangeError);
    expect(() => readDescription("昨天查的", "15/04/2026")).toThrow(RangeError);
  });

  it("reads nothing from an empty description", () => {
    expect(readDescription("", TODAY)).toEqual([]);
    expect(readDescription("参保人来电咨询。", TODAY)).toEqual([]);
  });
});
