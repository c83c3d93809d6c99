// Search terms go into LIKE / ILIKE patterns; a member named "100%" or a login with "_" must
// match itself, not every name. Postgres's default escape character is the backslash.
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (char) => `\\${char}`);
}
