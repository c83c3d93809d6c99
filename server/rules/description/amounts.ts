// Sums of money as members write and say them: 1024元, -1,024元, ¥300, 1.2万, 三千二, 一千零二十四,
// 两百多, 五十多块, 三块五, 负的五十块, 欠了三百. Each sum is read with its role in the clause:
// the balance the member saw ("显示-1,024元", "只剩五十多") or how much went missing ("少了两百多").
import { parseYuanToFen } from "../money";
import { CHINESE_NUMERAL_CHARS, parseChineseNumber } from "./chinese-numerals";

export type AmountRole = "balance" | "drop";

export type FoundAmount = {
  start: number;
  end: number;
  // The words that state the sum, with the word giving its role when one leads ("显示-1,024元").
  text: string;
  // Signed: a debt (负, -, 欠, 透支) is negative.
  fen: number;
  // 两百多, 大约300元, 300元左右.
  approx: boolean;
  role: AmountRole | null;
};

const ARABIC = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?|\\d+(?:\\.\\d{1,2})?";
const CHINESE = "[一幺二两三四五六七八九十][零〇一幺二两三四五六七八九十百千万]*|[零〇]";

const FIGURE = new RegExp(
  "(?<yen>[¥￥]\\s*)?(?:(?<debt>[-－−]|负的|负了|负|倒欠|欠了|欠|透支了|透支)\\s*)?(?<yenAfterSign>[¥￥]\\s*)?" +
    `(?:(?<arabic>${ARABIC})(?<times>[百千万])?|(?<chinese>${CHINESE}))` +
    "(?<more>多|余|来)?(?:\\s*(?<unit>块钱|元钱|块|元|圆))?" +
    // 三块五 is 3.50 元; a digit after 元 needs its 毛 or 角 to be read as one.
    "(?<jiao>(?<=块)[一二三四五六七八九\\d](?![\\d个月年天日号周次])(?:毛|角)?|(?<=[块元])[一二三四五六七八九\\d](?:毛|角))?" +
    "(?<around>左右|上下)?",
  "g",
);

const TIMES: Record<string, number> = { 百: 100, 千: 1000, 万: 10_000 };

// A figure followed by one of these counts something other than money: 三个月, 2026年, 一档.
const NOT_MONEY_AFTER =
  /^(?:个|年|月|日|号|天|周|星期|礼拜|次|岁|档|人|家|张|小时|分钟|点|位|倍|%|％|期|届|项|笔|条|号线)/;

// The words that give a sum its role, longest first. The last one before the sum wins, so in
// "余额少了300" the sum is what went missing, not the balance.
const ROLE_WORDS =
  /(?<drop>减少了|减少|减了|少了|少|被扣回|被扣了|被扣|扣回了|扣回|扣掉了|扣掉|扣走了|扣走|扣了|扣|收回了|收回|划走了|划走|划掉了|划掉|花掉了|花掉|花了|用掉了|用掉|用了|刷掉了|刷掉|刷了|掉了|没了|不见了)|(?<balance>余额|显示|只剩下|只剩|就剩|还剩|剩下|剩|只有|还有|变成了|变成|变为|成了|个账|账户|账上|卡里|卡上)/g;
const DROP_AFTER = /^(?:不见了|没了|被扣|被划走|被刷)/;

// What may stand between a role word and its sum: "余额是0", "少了大概三百", "扣了我300".
const FILLER =
  /^(?:\s|了|的|是|为|就|只|才|还|都|已经|已|一共|总共|共|仅|大约|约|大概|差不多|将近|接近|近|有|我)*$/;
const APPROX_BEFORE = /(?:大约|约|大概|差不多|将近|接近|近)\s*$/;
const MAX_FILLER = 4;

// After a Chinese figure with no unit, only the end of the clause or a particle: in "余额是一样的"
// the 一 is not a sum.
const CHINESE_END = /^(?:$|\s|[了啦的呢吧啊）)])/;

type Role = { role: AmountRole; start: number };

function roleBefore(clause: string, figureStart: number): Role | null {
  let found: Role | null = null;
  for (const match of clause.slice(0, figureStart).matchAll(ROLE_WORDS)) {
    const gap = clause.slice(match.index + match[0].length, figureStart);
    if (gap.length <= MAX_FILLER && FILLER.test(gap)) {
      found = { role: match.groups?.drop ? "drop" : "balance", start: match.index };
    }
  }
  return found;
}

const isFigureChar = (char: string | undefined) =>
  char !== undefined && (/[\d.,]/.test(char) || CHINESE_NUMERAL_CHARS.includes(char));

function magnitudeFen(groups: Record<string, string | undefined>): number | null {
  let fen: number;
  if (groups.arabic !== undefined) {
    const parsed = parseYuanToFen(groups.arabic);
    if (!parsed.ok) return null;
    fen = parsed.fen * (groups.times ? (TIMES[groups.times] ?? 1) : 1);
  } else {
    const yuan = parseChineseNumber(groups.chinese ?? "");
    if (yuan === null) return null;
    fen = yuan * 100;
  }
  const jiao = groups.jiao?.[0];
  if (jiao !== undefined)
    fen += (/\d/.test(jiao) ? Number(jiao) : (parseChineseNumber(jiao) ?? 0)) * 10;
  return fen;
}

// Every sum of money in one clause, left to right.
export function findAmounts(clause: string): FoundAmount[] {
  const found: FoundAmount[] = [];
  for (const match of clause.matchAll(FIGURE)) {
    const groups = match.groups ?? {};
    const start = match.index;
    const end = start + match[0].length;
    const after = clause.slice(end);
    const hasUnit = Boolean(groups.unit || groups.yen || groups.yenAfterSign || groups.times);
    // A dash after a digit joins a range or a date (2025-11-20), it is no minus sign.
    const debt =
      Boolean(groups.debt) &&
      !(/^[-－−]/.test(groups.debt ?? "") && /\d/.test(clause[start - 1] ?? ""));
    if (groups.debt && !debt) continue;
    if (!groups.debt && !groups.yen && isFigureChar(clause[start - 1])) continue;
    if (!hasUnit && NOT_MONEY_AFTER.test(after)) continue;
    if (!hasUnit && groups.chinese !== undefined && !CHINESE_END.test(after)) continue;

    const leading = roleBefore(clause, start);
    const role: AmountRole | null = debt
      ? "balance"
      : (leading?.role ?? (DROP_AFTER.test(after) ? "drop" : null));
    if (!hasUnit && !debt && role === null) continue;

    const magnitude = magnitudeFen(groups);
    if (magnitude === null) continue;
    const textStart = leading ? leading.start : start;
    found.push({
      start: textStart,
      end,
      text: clause.slice(textStart, end),
      fen: debt && magnitude !== 0 ? -magnitude : magnitude,
      approx: Boolean(groups.more || groups.around) || APPROX_BEFORE.test(clause.slice(0, start)),
      role,
    });
  }
  return found;
}
