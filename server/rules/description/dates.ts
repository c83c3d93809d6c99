// When things happened, as members say it, resolved against the day of the enquiry: 上周三,
// 上月底, 去年年底, 3月15日, 2025-11-20, 国庆后, 半个月前. A point is kept at the precision the
// member gave: a day, a month ("上个月", "月初") or only a year ("去年").
import { addDays, isCalendarDay, shiftMonth } from "../calendar-day";
import { CHINESE_NUMERAL_CHARS, readNumber } from "./chinese-numerals";
import { HOLIDAY_NAMES, holidayDay } from "./holidays";

export type When = { date?: string; month?: string; year?: string };
export type FoundDate = When & { start: number; end: number; text: string };

type Groups = Record<string, string | undefined>;
type Reader = { pattern: RegExp; resolve: (groups: Groups, today: string) => When | null };

const NUM = "(?:\\d{1,2}|[一二三四五六七八九十]{1,3})";
const YEAR = "(?:\\d{4}|[〇零一二三四五六七八九]{4})";
const PART = "(?<part>上旬|中旬|下旬|初|底|末|中)";
const RELATIVE_YEARS: Record<string, number> = { 今年: 0, 去年: -1, 前年: -2 };
const RELATIVE_DAYS: Record<string, number> = {
  今天: 0,
  今日: 0,
  昨天: -1,
  昨日: -1,
  前天: -2,
  大前天: -3,
};
const WEEKDAYS = "一二三四五六日";
const WEEKS_BACK: Record<string, number> = { 上上: 2, 上: 1, 本: 0, 这: 0 };

const pad = (value: number) => String(value).padStart(2, "0");
const yearOf = (today: string) => Number(today.slice(0, 4));

function dayIn(year: number, month: number, day: number): string | null {
  const value = `${year}-${pad(month)}-${pad(day)}`;
  return isCalendarDay(value) ? value : null;
}

function monthIn(year: number, month: number): string | null {
  return month >= 1 && month <= 12 ? `${year}-${pad(month)}` : null;
}

// A month or a day named without a year is the latest one not after the enquiry.
function latestMonth(month: number, today: string): string | null {
  const thisYear = monthIn(yearOf(today), month);
  if (thisYear === null) return null;
  return thisYear <= today.slice(0, 7) ? thisYear : monthIn(yearOf(today) - 1, month);
}

function latestDay(month: number, day: number, today: string): string | null {
  const thisYear = dayIn(yearOf(today), month, day);
  if (thisYear !== null && thisYear <= today) return thisYear;
  return dayIn(yearOf(today) - 1, month, day);
}

// The year a member means: written out, 今年/去年/前年, or null for "not said".
function statedYear(groups: Groups, today: string): number | null {
  if (groups.y) return readNumber(groups.y);
  if (groups.ry) return yearOf(today) + (RELATIVE_YEARS[groups.ry] ?? 0);
  return null;
}

function monthAndDay(
  year: number | null,
  month: number,
  day: number | null,
  today: string,
): When | null {
  if (day === null) {
    const value = year === null ? latestMonth(month, today) : monthIn(year, month);
    return value === null ? null : { month: value };
  }
  const value = year === null ? latestDay(month, day, today) : dayIn(year, month, day);
  return value === null ? null : { date: value };
}

const asNumber = (text: string | undefined) => (text === undefined ? null : readNumber(text));

// Monday of the week that contains `day` (the week starts on Monday in China).
function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

function weekdayNumber(text: string): number {
  if (text === "天" || text === "日" || text === "7") return 7;
  return /\d/.test(text) ? Number(text) : WEEKDAYS.indexOf(text) + 1;
}

function weekday(groups: Groups, today: string): When {
  const offset = weekdayNumber(groups.wd ?? "") - 1;
  const thisWeek = addDays(mondayOf(today), offset);
  const weeksBack = WEEKS_BACK[(groups.wk ?? "").replace(/个$/, "")];
  if (weeksBack !== undefined) return { date: addDays(thisWeek, -7 * weeksBack) };
  return { date: thisWeek <= today ? thisWeek : addDays(thisWeek, -7) };
}

function relativeMonth(groups: Groups, today: string): When | null {
  const back = (groups.rm ?? "").startsWith("上上")
    ? 2
    : (groups.rm ?? "").startsWith("上")
      ? 1
      : 0;
  const month = shiftMonth(today.slice(0, 7), -back);
  const day = asNumber(groups.d);
  if (day === null) return { month };
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const value = dayIn(year, monthNumber, day);
  return value === null ? null : { date: value };
}

function holiday(groups: Groups, today: string): When | null {
  const name = HOLIDAY_NAMES.find(([word]) => word === groups.h)?.[1];
  if (name === undefined) return null;
  const year = statedYear(groups, today);
  if (year !== null) {
    const value = holidayDay(name, year);
    return value === null ? null : { date: value };
  }
  const thisYear = holidayDay(name, yearOf(today));
  const value =
    thisYear !== null && thisYear <= today ? thisYear : holidayDay(name, yearOf(today) - 1);
  return value === null ? null : { date: value };
}

function ago(groups: Groups, today: string): When | null {
  const half = groups.n === "半";
  const count = half ? 0.5 : asNumber(groups.n);
  if (count === null || count === 0) return null;
  const unit = (groups.u ?? "").replace(/^个/, "");
  if (unit === "月") {
    if (half) return { date: addDays(today, -15) };
    return { month: shiftMonth(today.slice(0, 7), -count) };
  }
  if (unit === "年") {
    if (half) return { month: shiftMonth(today.slice(0, 7), -6) };
    return { year: String(yearOf(today) - count) };
  }
  if (half) return null;
  return { date: addDays(today, unit === "天" || unit === "日" ? -count : -7 * count) };
}

const HOLIDAY_WORDS = HOLIDAY_NAMES.map(([word]) =>
  word === "十一" ? "十一(?=假期|长假|黄金周|前后|期间|之前|之后|以前|以后|前|后)" : word,
);
const AROUND = "(?:前后|之前|之后|以前|以后|期间|假期|长假|黄金周|前|后)?";

const READERS: Reader[] = [
  {
    pattern: /(?<y>\d{4})(?<sep>[-/.])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})/y,
    resolve: (g, today) => monthAndDay(Number(g.y), Number(g.m), Number(g.d), today),
  },
  {
    pattern: new RegExp(
      `(?:(?<y>${YEAR})年|(?<ry>去年|今年|前年))?(?<m>${NUM})月份?(?:(?<d>${NUM})[日号]|${PART})?`,
      "y",
    ),
    resolve: (g, today) => {
      const month = asNumber(g.m);
      return month === null ? null : monthAndDay(statedYear(g, today), month, asNumber(g.d), today);
    },
  },
  {
    pattern: /(?<m>\d{1,2})[./](?<d>\d{1,2})(?![\d.])/y,
    resolve: (g, today) => monthAndDay(null, Number(g.m), Number(g.d), today),
  },
  {
    pattern: new RegExp(
      `(?:(?<y>${YEAR})年|(?<ry>去年|今年|前年))(?<yp>年初|年底|年末|初|底|末)?`,
      "y",
    ),
    resolve: (g, today) => {
      const year = statedYear(g, today);
      if (year === null) return null;
      if (!g.yp) return { year: String(year) };
      return { month: `${year}-${g.yp.endsWith("初") ? "01" : "12"}` };
    },
  },
  {
    pattern: /(?<yp>年初|年底|年末)/y,
    resolve: (g, today) => {
      const month = latestMonth(g.yp?.endsWith("初") ? 1 : 12, today);
      return month === null ? null : { month };
    },
  },
  {
    pattern: /(?<rd>大前天|前天|昨天|昨日|今天|今日)/y,
    resolve: (g, today) => ({ date: addDays(today, RELATIVE_DAYS[g.rd ?? ""] ?? 0) }),
  },
  {
    pattern: /(?<wk>上上个?|上个?|本|这个?)?(?:周|星期|礼拜)(?<wd>[一二三四五六日天1-7])/y,
    resolve: weekday,
  },
  {
    pattern: new RegExp(
      `(?<rm>上上个?月|上个?月|这个?月|本月)(?:(?<d>${NUM})[日号]|${PART})?`,
      "y",
    ),
    resolve: relativeMonth,
  },
  {
    pattern: /月(?:初|底|末|中)/y,
    resolve: (_g, today) => ({ month: today.slice(0, 7) }),
  },
  {
    pattern: new RegExp(`(?<ry>去年|今年|前年)?(?<h>${HOLIDAY_WORDS.join("|")})${AROUND}`, "y"),
    resolve: holiday,
  },
  {
    pattern:
      /(?<n>\d+|[一二两三四五六七八九十]+|半)(?<u>天|日|周|个星期|星期|个礼拜|礼拜|个月|年)(?:前|之前|以前)/y,
    resolve: ago,
  },
];

const isDigit = (char: string | undefined) => char !== undefined && /\d/.test(char);
const isChineseNumeral = (char: string | undefined) =>
  char !== undefined && CHINESE_NUMERAL_CHARS.includes(char);

// A match that starts or ends inside a longer figure (the 11 of 2011, the 一 of 十一) is no date.
function insideFigure(clause: string, start: number, end: number): boolean {
  const [first, last] = [clause[start], clause[end - 1]];
  return (
    (isDigit(first) && isDigit(clause[start - 1])) ||
    (isChineseNumeral(first) && isChineseNumeral(clause[start - 1])) ||
    (isDigit(last) && isDigit(clause[end]))
  );
}

// Every date in one clause, left to right; where readings overlap, the longest wins.
export function findDates(clause: string, today: string): FoundDate[] {
  const found: FoundDate[] = [];
  let position = 0;
  while (position < clause.length) {
    let best: FoundDate | null = null;
    for (const { pattern, resolve } of READERS) {
      pattern.lastIndex = position;
      const match = pattern.exec(clause);
      if (!match || match[0].length <= (best?.text.length ?? 0)) continue;
      const end = position + match[0].length;
      if (insideFigure(clause, position, end)) continue;
      const when = resolve(match.groups ?? {}, today);
      if (when) best = { ...when, start: position, end, text: match[0] };
    }
    if (best) found.push(best);
    position = best ? best.end : position + 1;
  }
  return found;
}

// A length of time in months ("三个月", "半年", "两年"), for how long contributions stopped. A
// point in time ("三个月前", "3月份") is not a length.
const DURATION =
  /(?<n>\d{1,2}|[一二两三四五六七八九十]+|半)(?:(?<m>个多?月)|(?<y>多?年))(?!前|之前|以前|后|之后|以后|份|底|初|末)/g;

export function findMonths(clause: string): { start: number; end: number; months: number } | null {
  for (const match of clause.matchAll(DURATION)) {
    if (isDigit(clause[match.index - 1])) continue;
    const half = match.groups?.n === "半";
    const count = half ? 0.5 : readNumber(match.groups?.n ?? "");
    if (count === null) continue;
    const months = match.groups?.y ? count * 12 : count;
    if (Number.isInteger(months) && months > 0) {
      return { start: match.index, end: match.index + match[0].length, months };
    }
  }
  return null;
}
