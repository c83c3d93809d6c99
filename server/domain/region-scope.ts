import { and, type Column, gte, lte, type SQL, sql } from "drizzle-orm";

// GB/T 2260 codes nest by prefix: a province owns every code with its first two digits, a
// city every code with its first four. A scope is therefore a contiguous code range, which a
// btree index on region_code answers directly.
export function scopeRange(scope: string): { from: string; to: string } {
  if (scope.endsWith("0000")) return { from: scope, to: `${scope.slice(0, 2)}9999` };
  if (scope.endsWith("00")) return { from: scope, to: `${scope.slice(0, 4)}99` };
  return { from: scope, to: scope };
}

export function inScope(column: Column, scope: string | null): SQL {
  if (!scope) return sql`true`;
  const { from, to } = scopeRange(scope);
  return and(gte(column, from), lte(column, to)) as SQL;
}

export function isWithinScope(code: string, scope: string | null): boolean {
  if (!scope) return true;
  const { from, to } = scopeRange(scope);
  return code >= from && code <= to;
}
