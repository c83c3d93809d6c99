// The cues stated in words in one clause, each with its polarity.
import { canBeDenied } from "./cues";
import { governingNegator } from "./negation";
import { CUE_PHRASES, type PhraseCueKey, type Phrases } from "./phrases";

export type PhraseMatch = {
  key: PhraseCueKey;
  negated: boolean;
  // Positions in the clause; a denied cue starts at its negating word ("并未离职").
  start: number;
  end: number;
  text: string;
  label?: string;
};

type Reading = { key: PhraseCueKey; start: number; end: number; denies: boolean; label?: string };

// A phrase that carries its own negating word after the subject ("家人没有用过") is a denial.
const deniedInside = (match: RegExpMatchArray) => match.groups?.negator !== undefined;

function readingsOf(clause: string): Reading[] {
  const readings: Reading[] = [];
  const entries = Object.entries(CUE_PHRASES) as [PhraseCueKey, Phrases][];
  for (const [key, phrases] of entries) {
    const sets: [readonly RegExp[], boolean][] = [
      [phrases.affirm, false],
      [phrases.deny ?? [], true],
    ];
    for (const [patterns, denies] of sets) {
      for (const pattern of patterns) {
        for (const match of clause.matchAll(new RegExp(pattern.source, "g"))) {
          if (match[0] === "") continue;
          const label = phrases.label?.(match[0], clause.slice(0, match.index));
          const end = match.index + match[0].length;
          const denial = denies !== deniedInside(match);
          readings.push({
            key,
            start: match.index,
            end,
            denies: denial,
            ...(label ? { label } : {}),
          });
        }
      }
    }
  }
  return readings;
}

// Where readings overlap, the longest is what the member said; on a tie, the earlier one.
function longestReadings(readings: Reading[]): Reading[] {
  const kept: Reading[] = [];
  const byLength = [...readings].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  for (const reading of byLength) {
    if (kept.every((other) => reading.end <= other.start || reading.start >= other.end)) {
      kept.push(reading);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}

export function findPhraseCues(clause: string): PhraseMatch[] {
  return longestReadings(readingsOf(clause)).map(({ key, start, end, denies, label }) => {
    const negator = canBeDenied(key) ? governingNegator(clause, start) : null;
    const from = negator ?? start;
    // A denial phrase denied again ("并不是一直在职") states the fact after all.
    const negated = denies !== (negator !== null);
    return {
      key,
      negated,
      start: from,
      end,
      text: clause.slice(from, end),
      ...(label ? { label } : {}),
    };
  });
}
