import path from "node:path";
import { createDb } from "@/db";
import { startEmbeddedPostgres } from "@/db/embedded";
import { ensureDatabase, migrateDatabase } from "@/db/migrate";
import { seedDemo } from "@/server/cli/seed/demo";
import { DATA_DIR, type LocalConfig } from "./local-config";

const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);

// DATABASE_URL when given; otherwise the embedded cluster in the data folder. Either way the
// database is created if missing and migrated. Returns the URL and how to stop what we started.
export async function prepareDatabase(
  local: LocalConfig,
  log: (line: string) => void,
): Promise<{ url: string; stop: () => Promise<void> }> {
  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    log(`启动内置 PostgreSQL（端口 ${EMBEDDED_PORT}，数据目录 ${path.join(DATA_DIR, "pg")}）…`);
    const server = await startEmbeddedPostgres({
      dataDir: path.join(DATA_DIR, "pg"),
      port: EMBEDDED_PORT,
      password: local.postgresPassword,
      log,
    });
    url = server.url("balance_desk");
    stop = server.stop;
    await ensureDatabase(url);
  } else {
    const external = url;
    log(`使用 DATABASE_URL 指定的数据库 ${redactUrl(external)}`);
    await ensureDatabase(external).catch((error: unknown) => {
      const reason = (error as { code?: string }).code ?? (error as Error).message;
      throw new Error(
        `无法连接 DATABASE_URL 指定的数据库 ${redactUrl(external)}（${reason}）：请确认 PostgreSQL 正在运行，地址、用户名和密码无误。 Cannot reach the database in DATABASE_URL: check that PostgreSQL is running and the address, user and password are right.`,
      );
    });
  }
  log("应用数据库迁移…");
  await migrateDatabase(url);
  return { url, stop };
}

// What a start does with a database without users. The embedded default is a demo: it gets
// the demo accounts. A database of one's own (DATABASE_URL) gets them only when asked with
// --demo, since their password is published; otherwise the first administrator is created
// with `npm run user:create`.
export const FIRST_ADMIN_HINT =
  "数据库中还没有用户：请运行 npm run user:create -- --role admin --login <登录名> 创建第一个管理员（或以 npm start -- --demo 写入演示数据）。 " +
  "The database has no users: create the first administrator with npm run user:create -- --role admin --login <login> (or write the demo data with npm start -- --demo).";

export async function seedIfEmpty(
  url: string,
  piiKey: string,
  log: (line: string) => void,
  options: { demo: boolean },
): Promise<"seeded" | "has-users" | "needs-admin"> {
  const { db, client } = createDb(url, { max: 2, statementTimeoutMs: 0 });
  try {
    const [row] = await client<{ n: number }[]>`select count(*)::int as n from users`;
    if (row && row.n > 0) return "has-users";
    if (!options.demo) {
      log(FIRST_ADMIN_HINT);
      return "needs-admin";
    }
    log("首次启动：写入演示数据…");
    const summary = await seedDemo(db, {
      piiKey,
      now: new Date(),
    });
    log(`演示数据已写入：${JSON.stringify(summary)}`);
    return "seeded";
  } finally {
    await client.end();
  }
}

export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
