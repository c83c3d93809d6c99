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
import { CAUSE_CODES, type Cause, type SubReason } from "@/db/constants";
import { enquiries, enquiryCauses, members, regions, users, workOrders } from "@/db/schema";
import { codeOrder } from "@/db/schema/code-lists";
import type { CauseTag, ListEnquiriesInput } from "../../schemas/enquiries";
import { listEnquiriesInput } from "../../schemas/enquiries";
import { type Cursor, cursorTime, cursorValue, decodeCursor, encodeCursor } from "../keyset-cursor";
import { inScope } from "../region-scope";
import { loadMemberInScope, loadUserInScope, transferredOutOf } from "../scoped-rows";
import { escapeLike } from "../sql";
import type { Actor } from "../users";
import { recheckDueCondition } from "./recheck";

// A term that is exactly one token (two letters, digits or CJK characters, like 负数) is
// matched exactly by the token array: tokens never span the description and the name.
const singleToken = (term: string) => /^[a-z0-9\u4e00-\u9fff]{2}$/.test(term.toLowerCase());

// Whether the search needs the member's row (to confirm a match on the name with ILIKE).
export const searchUsesMember = (term: string | undefined) =>
  term !== undefined && term !== "" && !singleToken(term);

// Search: the GIN-indexed bigram array narrows the rows, ILIKE confirms the exact substring.
// A single character has no bigram and is matched by ILIKE alone.
function searchCondition(term: string): SQL {
  if (singleToken(term))
    return sql`${enquiries.searchTokens} @> array[${term.toLowerCase()}]::text[]`;
  const pattern = `%${escapeLike(term)}%`;
  const exact = or(
    sql`${enquiries.description} ilike ${pattern}`,
    sql`${members.name} ilike ${pattern}`,
  ) as SQL;
  return sql`(${enquiries.searchTokens} @> bd_search_tokens(${term}) or bd_search_tokens(${term}) = '{}') and ${exact}`;
}

// The conditions shared by the page and its count (count.ts), so the two always agree; the
// cause filter is applied by each (causeCondition here, a lateral join there).
export function listFilters(
  actor: Actor,
  input: Omit<ReturnType<typeof listEnquiriesInput.parse>, "sort" | "cursor" | "limit">,
  now: Date,
): SQL[] {
  const where: SQL[] = [
    input.transferredOut
      ? transferredOutOf(actor.regionScope)
      : inScope(enquiries.regionCode, actor.regionScope),
  ];
  if (input.status?.length) where.push(inArray(enquiries.status, input.status));
  if (input.symptom?.length) where.push(inArray(enquiries.symptom, input.symptom));
  if (input.channel?.length) where.push(inArray(enquiries.channel, input.channel));
  if (input.regionCode) where.push(inScope(enquiries.regionCode, input.regionCode));
  if (input.assigneeId) where.push(eq(enquiries.assigneeId, input.assigneeId));
  if (input.mine) where.push(eq(enquiries.assigneeId, actor.id));
  if (input.recheckDue) where.push(recheckDueCondition(now));
  if (input.memberId) where.push(eq(enquiries.memberId, input.memberId));
  if (input.openedFrom) where.push(gte(enquiries.openedAt, input.openedFrom));
  if (input.openedTo) where.push(lt(enquiries.openedAt, input.openedTo));
  if (input.q) where.push(searchCondition(input.q));
  return where;
}

function causeCondition(causes: Cause[] | undefined): SQL[] {
  if (!causes?.length) return [];
  return [
    sql`exists (select 1 from ${enquiryCauses} where ${enquiryCauses.enquiryId} = ${enquiries.id} and ${inArray(enquiryCauses.cause, causes)})`,
  ];
}

// Few enquiries carry a given sub-reason, so a probe per candidate row by the tags' primary key
// suffices for the list and the count alike.
export function subReasonCondition(subReasons: SubReason[] | undefined): SQL[] {
  if (!subReasons?.length) return [];
  return [
    sql`exists (select 1 from ${enquiryCauses} where ${enquiryCauses.enquiryId} = ${enquiries.id} and ${inArray(enquiryCauses.subReason, subReasons)})`,
  ];
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
  const at = cursorValue(cursor);
  const after = ascending
    ? or(gt(column, at), and(eq(column, at), gt(enquiries.id, cursor.id)))
    : or(lt(column, at), and(eq(column, at), lt(enquiries.id, cursor.id)));
  return { order, after: after as SQL };
}

const assignee = aliasedTable(users, "assignee");

// A member or assignee named by a filter is loaded through the scope helper like any other
// row named by an input: one outside the actor's scope is NOT_FOUND, not an empty page.
export async function checkFilterRows(
  db: Database,
  actor: Actor,
  input: { memberId?: number; assigneeId?: number },
): Promise<void> {
  if (input.memberId) await loadMemberInScope(db, actor, input.memberId);
  if (input.assigneeId) await loadUserInScope(db, actor, input.assigneeId);
}

// `now` decides only what the re-check queue counts as due today.
export async function listEnquiries(
  db: Database,
  actor: Actor,
  rawInput: ListEnquiriesInput,
  now = new Date(),
) {
  const input = listEnquiriesInput.parse(rawInput);
  await checkFilterRows(db, actor, input);
  const where = [
    ...listFilters(actor, input, now),
    ...causeCondition(input.cause),
    ...subReasonCondition(input.subReason),
  ];
  const { order, after } = keyset(input.sort, input.cursor ? decodeCursor(input.cursor) : null);

  // The page's keys first, joined to nothing the filters do not need, so PostgreSQL picks its
  // plan from the filters alone; the 21 rows found are then joined to their member, region
  // and assignee. (One query with every join let a misestimated name search drive a loop over
  // all regions for each of a thousand matches.)
  let keys = db
    .select({ id: enquiries.id })
    .from(enquiries)
    .where(and(...where, ...(after ? [after] : [])))
    .orderBy(...order)
    .limit(input.limit + 1)
    .$dynamic();
  if (searchUsesMember(input.q)) keys = keys.innerJoin(members, eq(members.id, enquiries.memberId));
  const pageKeys = db.$with("page_keys").as(keys);

  const rows = await db
    .with(pageKeys)
    .select({
      id: enquiries.id,
      cursorAt: cursorTime(input.sort === "due" ? enquiries.dueAt : enquiries.openedAt),
      openedAt: enquiries.openedAt,
      dueAt: enquiries.dueAt,
      recheckDueOn: enquiries.recheckDueOn,
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
      // A hotline work order: its platform number and, until signed, when 签收 is due.
      externalNumber: workOrders.externalNumber,
      callerName: workOrders.callerName,
      signDueAt: workOrders.signDueAt,
    })
    .from(pageKeys)
    .innerJoin(enquiries, eq(enquiries.id, pageKeys.id))
    // A hotline order may not be linked to its member yet (待识别参保人).
    .leftJoin(members, eq(members.id, enquiries.memberId))
    .innerJoin(regions, eq(regions.code, enquiries.regionCode))
    .leftJoin(assignee, eq(assignee.id, enquiries.assigneeId))
    .leftJoin(workOrders, eq(workOrders.enquiryId, enquiries.id))
    .orderBy(...order);

  const page = rows.slice(0, input.limit);
  const causes = await causesFor(
    db,
    page.map((row) => row.id),
  );
  const last = page.at(-1);
  const nextCursor =
    rows.length > input.limit && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null;
  return {
    items: page.map(({ cursorAt: _cursorAt, ...row }) => ({
      ...row,
      causes: causes.get(row.id) ?? [],
    })),
    nextCursor,
  };
}

async function causesFor(db: Database, ids: number[]): Promise<Map<number, CauseTag[]>> {
  const map = new Map<number, CauseTag[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .select()
    .from(enquiryCauses)
    .where(inArray(enquiryCauses.enquiryId, ids))
    .orderBy(desc(enquiryCauses.isPrimary), codeOrder(enquiryCauses.cause, CAUSE_CODES));
  for (const row of rows) {
    const list = map.get(row.enquiryId) ?? [];
    list.push({ cause: row.cause, subReason: row.subReason, isPrimary: row.isPrimary });
    map.set(row.enquiryId, list);
  }
  return map;
}

export type EnquiryListPage = Awaited<ReturnType<typeof listEnquiries>>;
