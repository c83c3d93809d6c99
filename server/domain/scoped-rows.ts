import { and, eq, exists, inArray, not, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { enquiries, members, users, workOrderTransfers } from "@/db/schema";
import { notFound } from "../errors";
import { inScope } from "./region-scope";
import type { Actor } from "./users";

// The one way a row named by an input (an id in a procedure's input) is loaded: a row outside
// the actor's region scope does not exist for them. NOT_FOUND, never FORBIDDEN, so ids cannot
// be probed across regions. server/api/region-scope.test.ts keeps a table of every such input
// field and tries each with another region's row.

export type EnquiryRow = typeof enquiries.$inferSelect;

// Enquiries the actor may read: those of their region, and the work orders their region handed
// to another by 转办 (each such order only, read-only). Writes take `inScope` alone.
export function enquiryReadable(scope: string | null): SQL {
  if (!scope) return sql`true`;
  return or(
    inScope(enquiries.regionCode, scope),
    exists(
      sql`(select 1 from ${workOrderTransfers} where ${workOrderTransfers.enquiryId} = ${enquiries.id} and ${inScope(workOrderTransfers.fromRegion, scope)})`,
    ),
  ) as SQL;
}

// The sending side's view of 转办: orders the actor's region handed to another and no longer
// holds (one handed back is in the region's own list again). Without a scope, every order ever
// handed on. Each is within enquiryReadable, so the list shows nothing the page would refuse.
export function transferredOutOf(scope: string | null): SQL {
  const sent = sql`exists (select 1 from ${workOrderTransfers} where ${workOrderTransfers.enquiryId} = ${enquiries.id} and ${inScope(workOrderTransfers.fromRegion, scope)})`;
  return scope ? (and(sent, not(inScope(enquiries.regionCode, scope))) as SQL) : sent;
}

// `read`: for showing, the orders handed on by 转办 included; otherwise for a write.
export async function loadEnquiryInScope(
  db: Executor,
  actor: Actor,
  id: number,
  options: { lock?: boolean; read?: boolean } = {},
): Promise<EnquiryRow> {
  const reach = options.read
    ? enquiryReadable(actor.regionScope)
    : inScope(enquiries.regionCode, actor.regionScope);
  const query = db
    .select()
    .from(enquiries)
    .where(and(eq(enquiries.id, id), reach));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound("咨询工单");
  return row;
}

export async function loadMemberInScope(
  db: Executor,
  actor: Actor,
  id: number,
): Promise<{ id: number; regionCode: string; name: string; idNumberMasked: string }> {
  const [row] = await db
    .select({
      id: members.id,
      regionCode: members.regionCode,
      name: members.name,
      idNumberMasked: members.idNumberMasked,
    })
    .from(members)
    .where(and(eq(members.id, id), inScope(members.regionCode, actor.regionScope)));
  if (!row) throw notFound("参保人");
  return row;
}

// Staff belong to a region through their own scope. An actor scoped to a region sees staff
// scoped inside it and staff whose scope covers it (a province's caseworkers may take a city's
// enquiries); staff of the whole jurisdiction (no scope) are outside every region.
export function staffInScope(scope: string | null): SQL {
  if (!scope) return sql`true`;
  const covering = [`${scope.slice(0, 2)}0000`, `${scope.slice(0, 4)}00`];
  return or(inScope(users.regionScope, scope), inArray(users.regionScope, covering)) as SQL;
}

// Staff an administrator manages: those scoped inside the administrator's region. A city's
// administrator does not manage the province's staff who may work there, nor staff of the whole
// jurisdiction; otherwise resetting a broader account's password would widen their own reach.
export function staffManagedBy(scope: string | null): SQL {
  return inScope(users.regionScope, scope);
}

// `manage` for administration (user management, the audit trail), otherwise the staff who may
// work in the actor's region (assignment, filters).
export async function loadUserInScope(
  db: Executor,
  actor: Actor,
  id: number,
  options: { lock?: boolean; manage?: boolean } = {},
): Promise<typeof users.$inferSelect> {
  const reach = options.manage ? staffManagedBy : staffInScope;
  const query = db
    .select()
    .from(users)
    .where(and(eq(users.id, id), reach(actor.regionScope)));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound("用户");
  return row;
}
