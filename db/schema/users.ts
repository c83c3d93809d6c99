import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { ROLE_CODES } from "../constants";
import { inList } from "./code-lists";
import { regions } from "./regions";

export const users = pgTable(
  "users",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    displayName: text("display_name").notNull(),
    login: text("login").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLE_CODES }).notNull(),
    // A province or city code; null means the whole jurisdiction.
    regionScope: char("region_scope", { length: 6 }).references(() => regions.code, {
      onDelete: "restrict",
    }),
    active: boolean("active").notNull().default(true),
    // Bumped on every change that must end open sessions (disable, role, scope, password).
    sessionVersion: integer("session_version").notNull().default(1),
    // Set when an administrator creates the account or resets its password: the password was
    // chosen by someone else, so the user must pick their own before doing anything else.
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_login_lower_key").on(sql`lower(${t.login})`),
    inList(t.role, ROLE_CODES),
  ],
);
