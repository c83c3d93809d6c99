import { createDb } from "@/db";
import { rebuildRollups } from "@/db/rollup";
import { prepareDatabase } from "./database";
import { loadLocalConfig } from "./local-config";

// `npm run db:rollup`: recomputes the analytics rollups from the enquiries and their causes
// (the embedded database unless DATABASE_URL is set).
const log = (line: string) => console.log(`[rollup] ${line}`);

async function main() {
  const database = await prepareDatabase(loadLocalConfig(), log);
  const { db, client } = createDb(database.url, { max: 1, statementTimeoutMs: 0 });
  try {
    const started = performance.now();
    const summary = await rebuildRollups(db);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(
      `统计汇总已重建（${seconds} 秒）：原因标签 ${summary.causeMonthlyRows} 行，工单 ${summary.enquiryMonthlyRows} 行`,
    );
  } finally {
    await client.end();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
