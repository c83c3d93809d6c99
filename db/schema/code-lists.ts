import { getTableName, type SQL, sql } from "drizzle-orm";
import { check, type PgColumn } from "drizzle-orm/pg-core";
import { SUB_REASONS_BY_CAUSE } from "../constants";

// Code lists (causes, statuses, symptoms, channels …) are `text` columns with a check constraint
// written from the `as const` lists in db/constants.ts, not PostgreSQL enum types. The migrator
// applies every pending migration in one transaction, and PostgreSQL refuses to use an enum
// value added (ALTER TYPE … ADD VALUE) in the same transaction; replacing a check constraint has
// no such limit, so a release can add a value and use it, even in a data migration, in one run.
// Adding a value: add it to the list in db/constants.ts and run `npm run db:generate`, which
// writes a migration that drops and re-adds the constraint.

// The column `<table>_<column>_check`: `column in ('a', 'b', …)`. drizzle-kit writes a check's
// SQL with its parameters left as placeholders, so the codes are inlined as quoted literals.
export function inList(column: PgColumn, codes: readonly string[]) {
  return check(
    `${getTableName(column.table)}_${column.name}_check`,
    sql`${column} in (${literals(codes)})`,
  );
}

// A cause split into sub-reasons (db/constants.ts) carries one of its own; any other carries none.
export function subReasonFitsCause(name: string, cause: PgColumn, subReason: PgColumn) {
  const branches = Object.entries(SUB_REASONS_BY_CAUSE).map(
    ([code, options]) =>
      sql`when ${literals([code])} then coalesce(${subReason} in (${literals(options.map((o) => o.code))}), false)`,
  );
  return check(
    name,
    sql`case ${cause} ${sql.join(branches, sql` `)} else ${subReason} is null end`,
  );
}

// Sorts by the order of the `as const` list (其他 after the four documented causes), which text
// comparison would turn into alphabetical order.
export function codeOrder(column: PgColumn, codes: readonly string[]): SQL<number> {
  return sql<number>`array_position(array[${literals(codes)}]::text[], ${column})`;
}

function literals(codes: readonly string[]): SQL {
  return sql.raw(codes.map((code) => `'${code.replaceAll("'", "''")}'`).join(", "));
}
