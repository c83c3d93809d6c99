import { bigint, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { SESSION_END_REASON_CODES } from "../constants";
import { inList } from "./code-lists";
import { users } from "./users";

// One row per sign-in. The signed cookie carries the row's id, and a request is accepted only
// while the row is open, younger than the absolute limit and recently used, so signing out
// (or an idle timeout) ends the cookie on the server, not just in the browser.
export const userSessions = pgTable(
  "user_sessions",
  {
    // 256 random bits, base64url: unguessable, and worthless without the cookie's signature.
    id: text("id").primaryKey(),
    userId: bigint("user_id", { mode: "number" })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    // Refreshed at most once a minute, so that reading a page does not always mean a write.
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedReason: text("ended_reason", { enum: SESSION_END_REASON_CODES }),
    userAgent: text("user_agent"),
    clientAddress: text("client_address"),
  },
  (t) => [
    index("user_sessions_user_created_idx").on(t.userId, t.createdAt.desc()),
    index("user_sessions_created_idx").on(t.createdAt),
    inList(t.endedReason, SESSION_END_REASON_CODES),
  ],
);

// Sign-in attempts, one row per key, keyed by `login:<lower-cased login>` or `ip:<address>`.
// A successful attempt's rows are deleted, so what remains are failures (and refusals), counted
// over a sliding window; rows older than the window are pruned on the next attempt.
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    key: text("key").notNull(),
    failedAt: timestamp("failed_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("sign_in_failures_key_failed_at_idx").on(t.key, t.failedAt),
    index("sign_in_failures_failed_at_idx").on(t.failedAt),
  ],
);
