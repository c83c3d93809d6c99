// What a Next server instance does once when it starts, in the Node.js runtime only (called from
// instrumentation.ts): refuse an unpatched PostgreSQL driver, record peer addresses, and start
// the 催办 job.
export async function startInstance() {
  const { refuseUnpatchedPostgres } = await import("./postgres-patch-check");
  refuseUnpatchedPostgres();
  const { recordPeerAddresses } = await import("./auth/peer-address");
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
  const { environmentProblems } = await import("./env");
  if (environmentProblems(process.env).length > 0) return;
  const { getDb } = await import("./db");
  const { systemClock } = await import("./clock");
  const { startReminderLoop } = await import("./domain/work-orders/reminders");
  startReminderLoop({ db: getDb(), clock: systemClock });
}
