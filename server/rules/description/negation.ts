// Whether a fact in a clause is denied ("并未离职", "没去过医院", "原单位尚未办理减员"). One
// scope rule for every cue, not a list of negated phrases: a negating word denies the cue that
// follows it in the same clause, if no more than NEGATION_SCOPE characters separate them and
// nothing in between starts a new statement.

// Longest first, so that 并没有 is read as one word rather than as its tail 没有.
const NEGATORS = [
  "从来没有",
  "从来没",
  "从没有",
  "还没有",
  "并没有",
  "从没",
  "从未",
  "并没",
  "并未",
  "尚未",
  "还没",
  "还未",
  "没有",
  "不曾",
  "不是",
  "没",
  "未",
  "不",
] as const;

// "没去过医院" has two characters between 没 and the cue; five leaves room for "尚未给我办理减员"
// while keeping a 没 early in a long clause away from a later, unrelated fact.
export const NEGATION_SCOPE = 5;

// A negated verb of knowing or telling denies the knowing, not the event: in "不知道家人用了我的卡"
// and "单位没告诉我已经减员" the use and the reduction still happened, as far as the member says.
const KNOWING_OR_TELLING =
  /^(?:知道|清楚|记得|确定|明白|懂|注意|发现|想到|察觉|留意|听说|告诉|通知|说|提醒|问)/;

// Words that merely start with 不 or 没 and deny no event: 不一样, 不见了, 不过, 不能 (inability),
// 没多久. Kept apart from the knowing verbs because 未过期 and 没过户 are real denials.
const NOT_DENYING_AFTER_BU = /^(?:一样|一致|对|见|了|到|少|多|过|然|仅|但|管|同|足|够|能|会|可以)/;
const NOT_DENYING_AFTER_MEI = /^(?:多久|几天|过多久)/;

// Between a negator and its cue, these begin another statement: "没到月底就离职了" denies nothing
// about leaving.
const SCOPE_BREAKERS = /[已就才却又再便而]|然后|后来|结果/;

// 有没有, 是不是, 会不会: a question, not a denial.
function isQuestion(clause: string, negatorStart: number): boolean {
  const before = clause[negatorStart - 1];
  const after = clause[negatorStart + 1];
  return before !== undefined && before === after;
}

function denies(clause: string, negatorStart: number, word: string): boolean {
  if (isQuestion(clause, negatorStart)) return false;
  const rest = clause.slice(negatorStart + word.length);
  if (KNOWING_OR_TELLING.test(rest)) return false;
  if (word === "不") return !NOT_DENYING_AFTER_BU.test(rest);
  if (word === "没") return !NOT_DENYING_AFTER_MEI.test(rest);
  return true;
}

// The start of the negating word that governs the cue starting at `cueStart` in `clause`, or
// null when the cue is not denied.
export function governingNegator(clause: string, cueStart: number): number | null {
  for (let gap = 0; gap <= NEGATION_SCOPE && cueStart - gap > 0; gap++) {
    const end = cueStart - gap;
    if (SCOPE_BREAKERS.test(clause.slice(end, cueStart))) return null;
    for (const word of NEGATORS) {
      const start = end - word.length;
      if (start >= 0 && clause.startsWith(word, start) && denies(clause, start, word)) {
        return start;
      }
    }
  }
  return null;
}
