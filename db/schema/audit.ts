import { bigint, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

// Before/after hold changed fields only, with personal data already masked by the writer.
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    // Users are disabled, never deleted. Deleting someone with audit history is refused here
    // rather than rewriting their rows: the trail is append-only (migration
    // audit_events_append_only).
    actorId: bigint("actor_id", { mode: "number" }).references(() => users.id, {
      onDelete: "restrict",
    }),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_events_entity_idx").on(t.entity, t.entityId, t.at),
    index("audit_events_at_idx").on(t.at.desc()),
    index("audit_events_actor_idx").on(t.actorId, t.at),
  ],
);
