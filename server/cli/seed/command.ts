import { createDb } from "@/db";
import { emptyDemoTables } from "@/db/reset";
import { seedDemo } from "@/server/cli/seed/demo";
import { prepareDatabase } from "../database";
import { loadLocalConfig } from "../local-config";

// `npm run db:seed [-- --reset]`: writes the demo data. With --reset the demo tables are
// emptied first; without it, a database that already has users is left alone.
const log = (line: string) => console.log(`[seed] ${line}`);

async function main() {
  const local = loadLocalConfig();
  const piiKey = process.env.PII_KEY ?? local.piiKey;
  const database = await prepareDatabase(local, log);
  const { db, client } = createDb(database.url, { max: 2, statementTimeoutMs: 0 });
  try {
    if (process.argv.includes("--reset")) {
      await emptyDemoTables(client);
    }
    const [row] = await client<{ n: number }[]>`select count(*)::int as n from users`;
    if (row && row.n > 0) {
      log("数据库中已有用户，未写入演示数据（使用 --reset 清空后重新写入）。");
    } else {
      const summary = await seedDemo(db, {
        piiKey,
        now: new Date(),
      });
      log(JSON.stringify(summary));
    }
  } finally {
    await client.end();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
