// Database: empties the demo tables inside one transaction, for the seed command.
import type postgres from "postgres";

// Empties the demo tables for `npm run db:seed -- --reset`. The audit trail refuses TRUNCATE
// by trigger (migration audit_events_append_only); throwing the demo data away is the one
// deliberate exception, so the trigger is switched off inside this transaction only and any
// failure rolls the switch back together with the truncate. CASCADE takes along every table
// that references these, region_policy_settings included (its rows name their author), so the
// national defaults the migrations wrote are kept aside and written back.
export async function emptyDemoTables(client: postgres.Sql): Promise<void> {
  await client.begin(async (tx) => {
    await tx`create temporary table kept_policy_defaults on commit drop as
      select region_code, setting, value, effective_from, source_note, verified, created_at
      from region_policy_settings where region_code is null and created_by is null`;
    await tx`alter table audit_events disable trigger audit_events_no_truncate`;
    await tx`truncate audit_events, resolution_steps, enquiry_causes, enquiries, members, users, region_policy_settings restart identity cascade`;
    await tx`alter table audit_events enable trigger audit_events_no_truncate`;
    await tx`insert into region_policy_settings
      (region_code, setting, value, effective_from, source_note, verified, created_at)
      select * from kept_policy_defaults`;
  });
}
