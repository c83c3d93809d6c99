// 系统延迟's triage rules: a payment made but not yet credited, a first credit or a new card not
// yet through, a burst of the same enquiry in one city, the turn of the insurance year, and the
// member's words about upgrades and errors. Counted in working days, as the agency re-checks.
import { CARD_STATE_LABELS } from "@/db/constants";
import { chineseDay } from "../../rules/calendar-day";
import { monthsIntoInsuranceYear } from "../../rules/insurance-year";
import { formatFen } from "../../rules/money";
import { namedRule, type TriageHit } from "../../rules/triage";
import { workingDaysBetween } from "../../rules/working-days";
import { hit, said } from "../cause-module";
import { deductionMonths } from "../policy-reform/triage-rules";

// A sync delay heals within 1–2 working days; a credit later than this needs the back office.
const SYNC_WORKING_DAYS = 2;
// After this the re-check has long failed and the ledger goes to the back office as it is.
const ESCALATED_WORKING_DAYS = 10;
// A new card's data reaches the card side within a few working days.
const NEW_CARD_WORKING_DAYS = 5;
// From this many enquiries with the same symptom in one city within 3 working days, a local
// incident is the likelier cause than each member's own circumstances.
export const BURST_ENQUIRIES = 3;

// Whether the employer paid, and how long ago in working days; an unpaid employer is 其他·单位欠缴.
const employerPayment = namedRule("employerPayment", ({ symptom, facts, today }) => {
  if (facts.employerPaid === false) {
    return [
      hit(
        "other:employer_arrears",
        55,
        "单位还没有按时缴费，欠缴期间个人账户暂停划入，有的地区还会暂停使用，单位补缴后才会恢复。",
      ),
    ];
  }
  if (facts.employerPaid !== true) return [];
  const paidOn = facts.employerPaidOn;
  const days = paidOn ? workingDaysBetween(paidOn, today) : null;
  const hits: TriageHit[] = [];
  if (days === null || days < 0) {
    hits.push(hit("system_delay", 25, "单位已经缴费，资金可能尚未同步到个人账户。"));
  } else if (days <= SYNC_WORKING_DAYS) {
    hits.push(
      hit(
        "system_delay",
        45,
        `单位${days === 0 ? "今天" : `${days}个工作日前`}已经缴费，资金划入个人账户一般需要1至2个工作日，暂时查不到属正常。`,
      ),
    );
  } else {
    hits.push(
      hit(
        "system_delay",
        days <= ESCALATED_WORKING_DAYS ? 40 : 30,
        `单位已缴费${days}个工作日仍未到账，超过了通常的1至2个工作日，需要复查，仍未到账就由经办机构后台核对。`,
      ),
    );
  }
  if (symptom === "negative") {
    hits.push(hit("system_delay", 20, "缴费到账前先刷了卡，余额会暂时为负，划入到账后自动冲抵。"));
  } else if (symptom !== "sudden_drop") {
    hits.push(hit("system_delay", 20, "缴费已完成但余额未体现，多为数据同步尚未完成。"));
  }
  return hits;
});

// A new enrolment (or a new employer's) and a newly activated or replaced card: the first credit
// or the card's data has not come through yet.
const firstSync = namedRule("firstSync", (input) => {
  const { symptom, facts, today } = input;
  const hits: TriageHit[] = [];
  const newlyEnrolled =
    facts.recentlyEnrolled === true ||
    (facts.recentlyEnrolled == null && said(input, "new_employer"));
  if (newlyEnrolled) {
    hits.push(
      hit(
        "system_delay",
        symptom === "negative" ? 10 : 35,
        "您是新参保或刚到新单位参保，第一笔划入资金可能还没有到账。",
      ),
    );
  }
  if (facts.card === "activated" || facts.card === "replaced") {
    const changedOn = facts.cardChangedOn;
    const days = changedOn ? workingDaysBetween(changedOn, today) : null;
    const what = CARD_STATE_LABELS[facts.card];
    if (changedOn && days !== null && days >= 0 && days <= NEW_CARD_WORKING_DAYS) {
      hits.push(
        hit(
          "system_delay",
          45,
          `您的社保卡${chineseDay(changedOn)}刚${facts.card === "activated" ? "激活" : "补换"}，卡上的个人账户数据一般需要1至2个工作日才能同步。`,
        ),
      );
    } else if (!changedOn) {
      hits.push(hit("system_delay", 15, `${what}的社保卡，个人账户数据可能还没有同步。`));
    }
  }
  return hits;
});

const burst = namedRule("burst", ({ facts }) => {
  const nearby = facts.sameSymptomNearby ?? 0;
  return nearby >= BURST_ENQUIRIES
    ? [
        hit(
          "system_delay",
          50,
          `近3个工作日本市已有${nearby}件同类咨询，多为本地系统数据同步故障，一般1至2个工作日内恢复，届时请再查询。`,
        ),
      ]
    : [];
});

// What the member says about the system, and an account that cannot be used at all, which
// most often is the card's data out of sync.
const systemSignals = namedRule("systemSignals", (input) => {
  const hits: TriageHit[] = [];
  if (input.symptom === "unusable") {
    hits.push(
      hit("system_delay", 30, "余额查不到或不能用，常见原因是系统升级或卡片数据暂时不同步。"),
    );
  }
  if (said(input, "system_upgrade")) {
    hits.push(
      hit("system_delay", 25, "系统升级或切换后数据不同步，会让余额暂时显示不对或不能使用。"),
    );
  }
  if (said(input, "sync_mismatch")) {
    hits.push(hit("system_delay", 15, "两处显示的余额不一致，多为数据尚未同步。"));
  }
  if (said(input, "operator_error")) {
    hits.push(
      hit(
        "system_delay",
        30,
        "经办操作差错不会自行恢复，需要经办机构核实后更正，您不需要另行办理。",
      ),
    );
  }
  return hits;
});

// The turn of the region's insurance year: last year's balance moves to the 历年账户, and where
// the region pre-allocates, the whole new year's credit arrives at once.
const yearTurnover = namedRule("yearTurnover", (input) => {
  const { symptom, facts, today, region } = input;
  if (symptom !== "zero" && symptom !== "sudden_drop" && symptom !== "mismatch") return [];
  const start = region.insuranceYearStartMonth;
  const into = monthsIntoInsuranceYear(today, start);
  const hits: TriageHit[] = [];
  const carryOver = said(input, "year_carry_over") || facts.accountPart === "carried";
  if (carryOver && into <= 1) {
    hits.push(
      hit(
        "system_delay",
        50,
        `本地每年${start}月1日开始新的医保年度，上年度余额结转到历年账户；结转有误不会自行恢复，需要经办机构核对更正。`,
      ),
    );
  } else if (said(input, "year_carry_over")) {
    hits.push(hit("system_delay", 10, `本地的医保年度从每年${start}月1日开始，结转只在那时进行。`));
  }
  const stillCredited = facts.leftEmployer !== true && facts.employerPaid !== false;
  if (
    region.creditingMode === "pre_allocation" &&
    into === 0 &&
    symptom !== "sudden_drop" &&
    stillCredited
  ) {
    hits.push(
      hit(
        "system_delay",
        30,
        `本地每年${start}月一次划入整个医保年度的资金，新年度的预划资金可能还在划入中，请过1至2个工作日再查询。`,
      ),
    );
  }
  return hits;
});

// A negative balance nothing in the region's rules allows: beyond its overdraft limit, or where
// it credits month by month (nothing is taken back), allows no overdraft, and the figure is no
// number of monthly deductions.
const unexplainedNegative = namedRule("unexplainedNegative", ({ balanceFen, region }) => {
  if (balanceFen === null || balanceFen >= 0) return [];
  const owed = -balanceFen;
  const limit = region.overdraftLimitFen;
  if (region.overdraftAllowed && limit !== null && owed > limit) {
    return [
      hit(
        "system_delay",
        45,
        `本市个人账户最多透支 ${formatFen(limit)}，负 ${formatFen(owed)} 超出了透支额度，不是正常透支，可能是结转或操作差错，需要经办机构核查更正。`,
      ),
    ];
  }
  if (
    region.creditingMode === "monthly" &&
    !region.overdraftAllowed &&
    deductionMonths(owed, region) === null
  ) {
    return [
      hit(
        "system_delay",
        25,
        "本地按月划入，离职不会扣回已划入的资金，历年余额也不能透支，余额为负需要核对是否有到账延迟或差错。",
      ),
    ];
  }
  return [];
});

export const SYSTEM_DELAY_RULES = [
  employerPayment,
  firstSync,
  burst,
  systemSignals,
  yearTurnover,
  unexplainedNegative,
];
