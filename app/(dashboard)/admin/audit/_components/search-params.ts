import { startOfShanghaiDay } from "@/app/_components/format";
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

function calendarDay(value: string | null): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.toISOString().slice(0, 10) === value ? value : undefined;
}

function nextDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

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
  return {
    from: filters.from ? startOfShanghaiDay(filters.from) : undefined,
    // `to` is inclusive for people; the query wants the exclusive start of the following day.
    to: filters.to ? startOfShanghaiDay(nextDay(filters.to)) : undefined,
    actorId: filters.actor,
    action: filters.action,
    entity: filters.entity,
    entityId: filters.id,
  };
}
