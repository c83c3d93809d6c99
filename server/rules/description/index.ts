// Facts read from the free-text description of an enquiry (the caseworker's words or a hotline
// transfer note), shown as chips under it and offered to the cause assessment (原因研判). Pure and
// deterministic: the same text and day always give the same cues.
import { isCalendarDay } from "../calendar-day";
import { type FoundAmount, findAmounts } from "./amounts";
import { type Clause, splitClauses } from "./clauses";
import { type CueKey, cueTakes, type DescriptionCue } from "./cues";
import { type FoundDate, findDates, findMonths, type When } from "./dates";
import { cueLabel } from "./labels";
import { findPhraseCues } from "./phrase-matches";

export { CUE_GROUPS, CUE_KEYS, type CueKey, DESCRIPTION_CUES, type DescriptionCue } from "./cues";

type Draft = Omit<DescriptionCue, "label"> & { start: number; end: number; baseLabel?: string };

// Words for looking at the account: a date in front of one is when the member saw the problem.
const SIGHTING = /查|发现|看到|看了|一看|注意到|显示|收到/g;

// "比去年少了": a date after 比 is what the member compares with, not when anything happened.
const COMPARED_WITH = /(?:比|比起|相比|较)$/;

// Words that make what follows in the clause a question or a guess: 是不是系统升级了, 怀疑被盗刷,
// 以为是每月扣费, 听说可以透支. 是不是 and 会不会 are questions, not denials (negation.ts).
const GUESS = /是不是|会不会|是否|难道|莫非|怀疑|以为|听说|据说/;
// "…是她用的吗": a clause that ends as a yes-no question.
const YES_NO_QUESTION = /吗\s*$/;

function isAsked(clause: string, event: { start: number; end: number }): boolean {
  return GUESS.test(clause.slice(0, event.start)) || YES_NO_QUESTION.test(clause.slice(event.end));
}

const hasWhen = (draft: When) => Boolean(draft.date || draft.month || draft.year);
const whenOf = ({ date, month, year }: When): When => ({
  ...(date ? { date } : {}),
  ...(month ? { month } : {}),
  ...(year ? { year } : {}),
});

// A date belongs to the first event after it in its clause ("已于2026年3月离职") unless a word of
// looking comes first ("上周三查询个账"), then to the nearest event before it; a date that names
// no event is when the member noticed the problem.
function placeDates(clause: string, events: Draft[], dates: FoundDate[]): Draft[] {
  const dated = events.filter((event) => cueTakes(event.key, "date"));
  const sightings = [...clause.matchAll(SIGHTING)].map((match) => match.index);
  const noticed: Draft[] = [];
  for (const found of dates) {
    const next = dated.find((event) => event.start >= found.end);
    const sighting = sightings.find((at) => at >= found.end);
    const target =
      next && (sighting === undefined || next.start < sighting)
        ? next
        : sighting === undefined
          ? dated.findLast((event) => event.end <= found.start)
          : undefined;
    if (target) {
      if (!hasWhen(target)) Object.assign(target, whenOf(found));
    } else {
      const { start, end, text } = found;
      noticed.push({ key: "noticed_on", negated: false, start, end, text, ...whenOf(found) });
    }
  }
  return noticed;
}

const sumOf = (amount: FoundAmount) => ({
  amountFen: amount.fen,
  ...(amount.approx ? { approx: true } : {}),
});

// A balance figure is always the balance. Any other sum belongs to the payment named before it
// in the clause ("每月扣13元", "孩子用我的卡买药花了两百多"), or else is what went missing.
function placeAmounts(events: Draft[], amounts: FoundAmount[]): Draft[] {
  const figures: Draft[] = [];
  for (const amount of amounts) {
    const { start, end, text } = amount;
    const as = (key: CueKey): Draft => ({
      key,
      negated: false,
      start,
      end,
      text,
      ...sumOf(amount),
    });
    if (amount.role === "balance") {
      figures.push(as("balance_amount"));
      continue;
    }
    const payment = events.findLast(
      (event) =>
        cueTakes(event.key, "amount") &&
        !event.negated &&
        event.start < amount.start &&
        event.amountFen === undefined,
    );
    if (payment) Object.assign(payment, sumOf(amount));
    else if (amount.role === "drop") figures.push(as("drop_amount"));
  }
  return figures;
}

function placeMonths(clause: string, events: Draft[]): void {
  const stoppages = events.filter((event) => cueTakes(event.key, "months") && !event.negated);
  const length = stoppages.length > 0 ? findMonths(clause) : null;
  for (const event of stoppages) if (length) event.months = length.months;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

function readClause({ start: offset, text: clause }: Clause, today: string): Draft[] {
  const events: Draft[] = findPhraseCues(clause).map(({ label, ...match }) => ({
    ...match,
    ...(isAsked(clause, match) ? { asked: true as const } : {}),
    ...(label ? { baseLabel: label } : {}),
  }));
  const amounts = findAmounts(clause);
  const dates = findDates(clause, today).filter(
    (date) =>
      !amounts.some((amount) => overlaps(amount, date)) &&
      !COMPARED_WITH.test(clause.slice(0, date.start)),
  );
  const noticed = placeDates(clause, events, dates);
  const figures = placeAmounts(events, amounts);
  placeMonths(clause, events);
  return [...events, ...noticed, ...figures].map((draft) => ({
    ...draft,
    start: draft.start + offset,
    end: draft.end + offset,
  }));
}

// One cue per key and polarity: the first mention, completed by a date, sum or length that only
// a later mention gives.
function mergeRepeats(drafts: Draft[]): Draft[] {
  const firsts = new Map<string, Draft>();
  const kept: Draft[] = [];
  for (const draft of drafts) {
    const first = firsts.get(`${draft.key}:${draft.negated}`);
    if (!first) {
      firsts.set(`${draft.key}:${draft.negated}`, draft);
      kept.push(draft);
      continue;
    }
    // Stated once is stated, however often it is also asked about.
    if (first.asked && !draft.asked) delete first.asked;
    if (!hasWhen(first) && hasWhen(draft)) Object.assign(first, whenOf(draft));
    if (first.amountFen === undefined && draft.amountFen !== undefined) {
      Object.assign(first, {
        amountFen: draft.amountFen,
        ...(draft.approx ? { approx: true } : {}),
      });
    }
    if (first.months === undefined && draft.months !== undefined) first.months = draft.months;
  }
  return kept;
}

function finish({ start: _start, end: _end, baseLabel, ...cue }: Draft): DescriptionCue {
  return { ...cue, label: cueLabel(cue, baseLabel) };
}

// `today` is the Beijing calendar day of the enquiry ("YYYY-MM-DD"); 昨天, 上个月 and a month
// named without its year are read against it.
export function readDescription(text: string, today: string): DescriptionCue[] {
  if (!isCalendarDay(today)) throw new RangeError(`today must be a calendar day, got ${today}`);
  const drafts = splitClauses(text).flatMap((clause) => readClause(clause, today));
  return mergeRepeats(drafts.sort((a, b) => a.start - b.start)).map(finish);
}
