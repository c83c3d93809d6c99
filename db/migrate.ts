import { fileURLToPath } from "node:url";
import { count } from "drizzle-orm";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { createDb } from "./index";
import { loadRegionRows } from "./regions-data";
import { regions } from "./schema";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));
// Any fixed number: it only has to be the same for every instance that migrates this database.
const MIGRATION_LOCK_ID = 7_202_611;

// Applies the checked-in migrations and loads the region reference data. Several app instances
// may start at once, so the work runs under an advisory lock on a single connection.
export async function migrateDatabase(url: string): Promise<void> {
  const { db, client } = createDb(url, { max: 1, statementTimeoutMs: 0 });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const [row] = await db.select({ n: count() }).from(regions);
    if (!row || row.n === 0) {
      const rows = loadRegionRows();
      for (let i = 0; i < rows.length; i += 1000) {
        await db.insert(regions).values(rows.slice(i, i + 1000));
      }
    }
  } finally {
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`.catch(() => {});
    await client.end();
  }
}

// Creates the database named in `url` when it does not exist yet, connecting to `postgres`.
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const { client } = createDb(admin.toString(), { max: 1 });
  try {
    const rows = await client`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) await client.unsafe(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
