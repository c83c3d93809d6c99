import { defineConfig } from "drizzle-kit";

// Migrations are generated from db/schema and checked in; they are applied by db/migrate.ts
// (never `drizzle-kit push`). DATABASE_URL is only needed for drizzle-kit's studio/introspect.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres" },
  strict: true,
});
