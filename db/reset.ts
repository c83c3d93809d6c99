// Database: empties the demo tables inside one transaction, for the seed command.
import type postgres from "postgres";

// Empties the demo tables for `npm run db:seed -- --reset`. The audit trail refuses TRUNCATE
// by trigger (migration audit_events_append_only); throwing the demo data away is the one
// deliberate exception, so the trigger is switched off inside this transaction only and any
// failure rolls the switch back together with the truncate. CASCADE takes along every table
// that references these.
export async function emptyDemoTables(client: postgres.Sql): Promise<void> {
  await client.begin(async (tx) => {
    await tx`alter table audit_events disable trigger audit_events_no_truncate`;
    await tx`truncate audit_events, resolution_steps, enquiry_causes, enquiries, members, users restart identity cascade`;
    await tx`alter table audit_events enable trigger audit_events_no_truncate`;
  });
}
