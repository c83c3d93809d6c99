import { calendarDay, dayRangeBounds } from "@/app/_components/day-range-params";
import { AUDIT_ACTION_CODES, type AuditAction } from "@/db/constants";
import type { ListAuditEventsInput } from "@/server/schemas/audit";

// The audit log's filters live in the URL, so a reload or a link shows the same rows:
//   from, to       YYYY-MM-DD, inclusive calendar days in Beijing time
//   actor          numeric user id
//   action         an audit action code (user.disable, enquiry.transition, …)
//   entity, id     what the row is about (enquiry + 123)
// A hand-edited or stale value is dropped, never an error.

export type AuditFilters = {
  from?: string;
  to?: string;
  actor?: number;
  action?: AuditAction;
  entity?: string;
  id?: string;
};

type Params = Pick<URLSearchParams, "get">;

export function parseAuditFilters(params: Params): AuditFilters {
  const actor = params.get("actor");
  const action = params.get("action");
  const entity = params.get("entity");
  const id = params.get("id")?.trim();
  return {
    from: calendarDay(params.get("from")),
    to: calendarDay(params.get("to")),
    actor: actor && /^\d{1,15}$/.test(actor) && Number(actor) > 0 ? Number(actor) : undefined,
    action: AUDIT_ACTION_CODES.find((code) => code === action),
    entity: entity && /^[a-z_]{1,32}$/.test(entity) ? entity : undefined,
    id: id && id.length <= 64 ? id : undefined,
  };
}

export function toAuditQuery(filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined && value !== "") params.set(name, String(value));
  }
  return params.toString();
}

// The first page's input; the infinite query adds the cursor.
export function toAuditInput(filters: AuditFilters): Omit<ListAuditEventsInput, "cursor"> {
  const { start, end } = dayRangeBounds(filters);
  return {
    from: start,
    to: end,
    actorId: filters.actor,
    action: filters.action,
    entity: filters.entity,
    entityId: filters.id,
  };
}
