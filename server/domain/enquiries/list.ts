import {
  aliasedTable,
  and,
  asc,
  desc,
  eq,
  gt,
  gte,
  inArray,
  lt,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Database } from "@/db";
import { enquiries, enquiryCauses, members, regions, users } from "@/db/schema";
import { badRequest } from "../../errors";
import type { CauseTag, ListEnquiriesInput } from "../../schemas/enquiries";
import { listEnquiriesInput } from "../../schemas/enquiries";
import { inScope } from "../region-scope";
import type { Actor } from "../users";

// Counting every match of a broad filter on a million rows costs more than the page itself;
// past this the list says "超过 1,000 件".
export const COUNT_CAP = 1_000;

type Cursor = { at: string; id: number };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(raw: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    if (typeof value.at !== "string" || !Number.isInteger(value.id)) throw new Error("shape");
    if (Number.isNaN(Date.parse(value.at))) throw new Error("date");
    return value;
  } catch {
    throw badRequest("翻页参数无效，请回到第一页");
  }
}

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

// Search: the GIN-indexed bigram array narrows the rows, ILIKE confirms the exact substring.
// A single character has no bigram and is matched by ILIKE alone.
function searchCondition(term: string): SQL {
  const pattern = `%${escapeLike(term)}%`;
  const exact = or(
    sql`${enquiries.description} ilike ${pattern}`,
    sql`${members.name} ilike ${pattern}`,
  ) as SQL;
  return sql`(${enquiries.searchTokens} @> bd_search_tokens(${term}) or bd_search_tokens(${term}) = '{}') and ${exact}`;
}

function filters(actor: Actor, input: ReturnType<typeof listEnquiriesInput.parse>): SQL[] {
  const where: SQL[] = [inScope(enquiries.regionCode, actor.regionScope)];
  if (input.status?.length) where.push(inArray(enquiries.status, input.status));
  if (input.symptom?.length) where.push(inArray(enquiries.symptom, input.symptom));
  if (input.channel?.length) where.push(inArray(enquiries.channel, input.channel));
  if (input.regionCode) where.push(inScope(enquiries.regionCode, input.regionCode));
  if (input.assigneeId) where.push(eq(enquiries.assigneeId, input.assigneeId));
  if (input.mine) where.push(eq(enquiries.assigneeId, actor.id));
  if (input.memberId) where.push(eq(enquiries.memberId, input.memberId));
  if (input.openedFrom) where.push(gte(enquiries.openedAt, input.openedFrom));
  if (input.openedTo) where.push(lt(enquiries.openedAt, input.openedTo));
  if (input.cause?.length) {
    where.push(
      sql`exists (select 1 from ${enquiryCauses} where ${enquiryCauses.enquiryId} = ${enquiries.id} and ${inArray(enquiryCauses.cause, input.cause)})`,
    );
  }
  if (input.q) where.push(searchCondition(input.q));
  return where;
}

function keyset(sort: "newest" | "oldest" | "due", cursor: Cursor | null) {
  const column = sort === "due" ? enquiries.dueAt : enquiries.openedAt;
  const ascending = sort !== "newest";
  // Spelled out NULLS LAST to match the indexes (drizzle's desc() means NULLS FIRST, which no
  // index serves, and PostgreSQL would fetch and sort every match instead of walking one).
  const order = ascending
    ? [asc(column), asc(enquiries.id)]
    : [sql`${column} desc nulls last`, sql`${enquiries.id} desc nulls last`];
  if (!cursor) return { order, after: null };
  const at = new Date(cursor.at);
  const after = ascending
    ? or(gt(column, at), and(eq(column, at), gt(enquiries.id, cursor.id)))
    : or(lt(column, at), and(eq(column, at), lt(enquiries.id, cursor.id)));
  return { order, after: after as SQL };
}

const assignee = aliasedTable(users, "assignee");

export async function listEnquiries(db: Database, actor: Actor, rawInput: ListEnquiriesInput) {
  const input = listEnquiriesInput.parse(rawInput);
  const where = filters(actor, input);
  const { order, after } = keyset(input.sort, input.cursor ? decodeCursor(input.cursor) : null);

  const rowsQuery = db
    .select({
      id: enquiries.id,
      openedAt: enquiries.openedAt,
      dueAt: enquiries.dueAt,
      status: enquiries.status,
      priority: enquiries.priority,
      symptom: enquiries.symptom,
      channel: enquiries.channel,
      regionCode: enquiries.regionCode,
      regionName: regions.name,
      reportedBalanceFen: enquiries.reportedBalanceFen,
      disputedAmountFen: enquiries.disputedAmountFen,
      description: sql<string>`left(${enquiries.description}, 80)`,
      memberId: members.id,
      memberName: members.name,
      memberIdNumberMasked: members.idNumberMasked,
      assigneeName: assignee.displayName,
    })
    .from(enquiries)
    .innerJoin(members, eq(members.id, enquiries.memberId))
    .innerJoin(regions, eq(regions.code, enquiries.regionCode))
    .leftJoin(assignee, eq(assignee.id, enquiries.assigneeId))
    .where(and(...where, ...(after ? [after] : [])))
    .orderBy(...order)
    .limit(input.limit + 1);

  const countQuery = db.execute<{ n: number }>(sql`
    select count(*)::int as n from (
      select 1 from ${enquiries}
      inner join ${members} on ${members.id} = ${enquiries.memberId}
      where ${and(...where)} limit ${COUNT_CAP + 1}
    ) as capped`);

  const [rows, countRows] = await Promise.all([rowsQuery, input.cursor ? null : countQuery]);
  const page = rows.slice(0, input.limit);
  const causes = await causesFor(
    db,
    page.map((row) => row.id),
  );
  const last = page.at(-1);
  const nextCursor =
    rows.length > input.limit && last
      ? encodeCursor({
          at: (input.sort === "due" ? last.dueAt : last.openedAt)?.toISOString() ?? "",
          id: last.id,
        })
      : null;
  const counted = countRows?.[0]?.n;
  return {
    items: page.map((row) => ({ ...row, causes: causes.get(row.id) ?? [] })),
    nextCursor,
    total: counted === undefined ? null : Math.min(counted, COUNT_CAP),
    totalIsCapped: counted !== undefined && counted > COUNT_CAP,
  };
}

async function causesFor(db: Database, ids: number[]): Promise<Map<number, CauseTag[]>> {
  const map = new Map<number, CauseTag[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .select()
    .from(enquiryCauses)
    .where(inArray(enquiryCauses.enquiryId, ids))
    .orderBy(desc(enquiryCauses.isPrimary), asc(enquiryCauses.cause));
  for (const row of rows) {
    const list = map.get(row.enquiryId) ?? [];
    list.push({ cause: row.cause, subReason: row.subReason, isPrimary: row.isPrimary });
    map.set(row.enquiryId, list);
  }
  return map;
}

export type EnquiryListPage = Awaited<ReturnType<typeof listEnquiries>>;
