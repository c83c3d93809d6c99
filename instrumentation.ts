// Runs once when the Next server starts, before it serves requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { refuseUnpatchedPostgres } = await import("./server/postgres-patch-check");
  refuseUnpatchedPostgres();
  const { recordPeerAddresses } = await import("./server/auth/peer-address");
  recordPeerAddresses();
  await startReminders();
}

// 催办 is recorded by every instance; the job's lock and unique key make each due moment fire
// once (server/domain/work-orders/reminders.ts).
async function startReminders() {
  // WORK_ORDER_REMINDERS=off: this instance records no 催办 (the other instances still do).
  if (process.env.WORK_ORDER_REMINDERS === "off") return;
  // An instance with an invalid environment starts but serves no data (server/env.ts); it has
  // no database to remind from either.
  const { environmentProblems } = await import("./server/env");
  if (environmentProblems(process.env).length > 0) return;
  const { getDb } = await import("./server/db");
  const { systemClock } = await import("./server/clock");
  const { startReminderLoop } = await import("./server/domain/work-orders/reminders");
  startReminderLoop({ db: getDb(), clock: systemClock });
}
