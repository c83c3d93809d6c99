import { type Column, type SQL, sql } from "drizzle-orm";
import { badRequest } from "../errors";

// Keyset paging on (time, id). PostgreSQL keeps microseconds and a JavaScript Date only
// milliseconds, so the cursor carries the time as PostgreSQL wrote it: rows sharing a
// millisecond are neither skipped nor repeated on the next page.

export type Cursor = { at: string; id: number };

const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

// The column as cursor text, selected beside the rows of a page.
export const cursorTime = (column: Column | SQL) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

// The cursor's time as a value to compare the column with.
export const cursorValue = (cursor: Cursor) => sql`${cursor.at}::timestamptz`;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeCursor(raw: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    if (typeof value.at !== "string" || !CURSOR_TIME.test(value.at)) throw new Error("at");
    if (!Number.isSafeInteger(value.id)) throw new Error("id");
    return value;
  } catch {
    throw badRequest("翻页参数无效，请回到第一页");
  }
}
