// Clauses are the scope of everything read from a description: a negation, a date or an amount
// belongs to the facts of its own clause only.

export type Clause = { start: number; text: string };

// Clause punctuation (full and half width, but not the comma inside 1,024), line breaks, and the
// turns 但/但是/可是, after which the member usually says the opposite of what came before. 不但
// is not a turn.
const BOUNDARY = /[，。；！？;!?\n\r]|(?<!\d),|,(?!\d)|但是|可是|(?<!不)但/g;

export function splitClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  const push = (end: number) => {
    if (end > start) clauses.push({ start, text: text.slice(start, end) });
  };
  for (const boundary of text.matchAll(BOUNDARY)) {
    push(boundary.index);
    start = boundary.index + boundary[0].length;
  }
  push(text.length);
  return clauses;
}
