import { prepareDatabase } from "./database";
import { loadLocalConfig } from "./local-config";

// `npm run db:migrate`: applies the checked-in migrations (the embedded database unless
// DATABASE_URL is set) and exits.
const log = (line: string) => console.log(`[migrate] ${line}`);

prepareDatabase(loadLocalConfig(), log)
  .then((database) => database.stop())
  .catch((error: unknown) => {
    console.error(`[migrate] 失败：${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
