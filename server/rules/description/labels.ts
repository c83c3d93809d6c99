// The chip text of a cue: its label, or its denial, with the sum, length or date it carries.
import { chineseDay, chineseMonth } from "../calendar-day";
import { formatFen } from "../money";
import { cueDefinition, type DescriptionCue } from "./cues";

function whenText(cue: Pick<DescriptionCue, "date" | "month" | "year">): string {
  if (cue.date) return chineseDay(cue.date);
  if (cue.month) return chineseMonth(cue.month);
  return cue.year ? `${cue.year}年` : "";
}

function sumText(fen: number, approx: boolean | undefined): string {
  return approx ? `约 ${formatFen(fen)}` : ` ${formatFen(fen)}`;
}

// The chip text. `base` is the label a phrase may refine ("大病保险扣费", "职工医保二档").
export function cueLabel(cue: Omit<DescriptionCue, "label" | "text">, base?: string): string {
  const definition = cueDefinition(cue.key);
  const label = cue.negated
    ? (definition.negatedLabel ?? definition.label)
    : (base ?? definition.label);
  if (cue.key === "noticed_on") return `${label} ${whenText(cue)}`;
  const withSum =
    cue.amountFen === undefined ? label : `${label}${sumText(cue.amountFen, cue.approx)}`;
  return cue.months === undefined ? withSum : `${withSum} ${cue.months} 个月`;
}
