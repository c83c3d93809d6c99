import { inArray, sql } from "drizzle-orm";
import type { Database } from "@/db";
import type { AuditAction, ReminderKind } from "@/db/constants";
import { auditEvents, enquiries, workOrderReminders, workOrders } from "@/db/schema";
import type { Clock } from "../../clock";
import { logError } from "../../log";
import { TRANSITIONS } from "../../rules/enquiry-status";
import { orderHistory } from "./history-entries";

// 催办: every instance of the server runs this job. Each due moment is reminded once: the lock
// lets one instance at a time look, and the reminders' unique key (enquiry, kind, due moment)
// turns a second look at the same moment into nothing.

// Any fixed number, the same in every instance. It lies above the int4 range, so it never equals
// a single-key lock taken on hashtext() elsewhere (letters.ts).
const REMINDER_LOCK_KEY = 72_026_110_001;

// The statuses the course table lets 催办 leave from, except 挂起: a suspended order's clock
// stands still, so its due moment does not pass while it waits.
const CLOCK_RUNNING = TRANSITIONS.filter((t) => t.code === "remind")
  .flatMap((t) => t.from)
  .filter((status) => status !== "suspended");

// Records a 催办 for every work order whose 签收 or handling due moment has passed by `now` and
// has none yet for that moment; returns how many it recorded (0 when another instance is at it).
export async function recordDueReminders(db: Database, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const [lock] = await tx.execute<{ acquired: boolean }>(
      sql`select pg_try_advisory_xact_lock(${REMINDER_LOCK_KEY}::bigint) as acquired`,
    );
    if (!lock?.acquired) return 0;

    const at = sql`${now.toISOString()}::timestamptz`;
    // Counter enquiries have no work_orders row, so the joins leave them out.
    const inserted = await tx.execute<{ enquiry_id: string; kind: ReminderKind; due_at: string }>(
      sql`
        insert into ${workOrderReminders} (enquiry_id, kind, due_at, reminded_at)
        select ${workOrders.enquiryId}, 'sign_overdue', ${workOrders.signDueAt}, ${at}
        from ${workOrders} join ${enquiries} on ${enquiries.id} = ${workOrders.enquiryId}
        where ${enquiries.status} = 'awaiting_sign' and ${workOrders.signDueAt} < ${at}
        union all
        select ${workOrders.enquiryId}, 'handling_overdue', ${enquiries.dueAt}, ${at}
        from ${workOrders} join ${enquiries} on ${enquiries.id} = ${workOrders.enquiryId}
        where ${inArray(enquiries.status, CLOCK_RUNNING)} and ${enquiries.dueAt} < ${at}
        on conflict do nothing
        returning enquiry_id, kind, due_at`,
    );
    if (inserted.length === 0) return 0;

    // The columns recordAudit (../audit.ts) writes, in one insert; the system has no actor.
    await tx.insert(auditEvents).values(
      inserted.map((row) => ({
        actorId: null,
        action: "work_order.remind" satisfies AuditAction,
        entity: "enquiry",
        entityId: row.enquiry_id,
        after: orderHistory.remind(row.kind, new Date(row.due_at)),
        at: now,
      })),
    );
    return inserted.length;
  });
}

// Runs recordDueReminders now and then every `intervalMs`. The next run is scheduled only when
// the last one has finished, so runs never overlap; a failed run is logged and the loop goes on.
// The returned stop() ends the loop once the run in flight, if any, has finished.
export function startReminderLoop({
  db,
  clock,
  intervalMs = 60_000,
  log = logError,
}: {
  db: Database;
  clock: Clock;
  intervalMs?: number;
  log?: typeof logError;
}): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    try {
      await recordDueReminders(db, clock.now());
    } catch (error) {
      log("reminders", { error });
    }
    if (stopped) return;
    timer = setTimeout(() => {
      inFlight = run();
    }, intervalMs);
    // The loop alone never keeps a process (a script, a test worker) alive.
    timer.unref();
  };
  let inFlight = run();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await inFlight;
  };
}
