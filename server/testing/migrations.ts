import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { createDb } from "@/db/index";
import { MIGRATIONS_FOLDER } from "@/db/migrate";

type JournalEntry = { idx: number; version: string; when: number; tag: string };
type Journal = { entries: JournalEntry[] };

// A temporary copy of the checked-in migrations: only those before the entry tagged `before`,
// and/or followed by `extra` migrations, each applied after the last one like a newer release.
export async function copyMigrations(
  options: { before?: string; extra?: { tag: string; sql: string }[] } = {},
) {
  const folder = await mkdtemp(path.join(os.tmpdir(), "bd-migrations-"));
  await cp(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(await readFile(journalPath, "utf8")) as Journal;
  let entries = journal.entries;
  if (options.before !== undefined) {
    const cut = entries.findIndex((entry) => entry.tag === options.before);
    if (cut < 0) throw new Error(`no migration tagged ${options.before}`);
    entries = entries.slice(0, cut);
  }
  for (const extra of options.extra ?? []) {
    const last = entries.at(-1);
    if (!last) throw new Error("extra migrations need an earlier one to follow");
    entries = [...entries, { ...last, idx: last.idx + 1, when: last.when + 1, tag: extra.tag }];
    await writeFile(path.join(folder, `${extra.tag}.sql`), extra.sql);
  }
  await writeFile(journalPath, JSON.stringify({ ...journal, entries }, null, 2));
  return { folder, remove: () => rm(folder, { recursive: true, force: true }) };
}

// drizzle's migrator on a folder, as db/migrate.ts runs it: every pending migration in one
// transaction, recorded in drizzle.__drizzle_migrations.
export async function applyMigrations(url: string, folder: string) {
  const { db, client } = createDb(url, { max: 1, statementTimeoutMs: 0 });
  try {
    await migrate(db, { migrationsFolder: folder });
  } finally {
    await client.end();
  }
}
