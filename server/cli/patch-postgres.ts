import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

// `npm install` runs this (postinstall). postgres.js 3.4.9 mishandles a connection that dies
// inside a transaction (PostgreSQL restart, failover, pg_terminate_backend; upstream issues
// 1154 and 1208, not fixed in a release yet):
// - the transaction's ROLLBACK is queued for the next tick, the socket is gone by then, and
//   `socket.write` on null throws from a timer where nobody can catch it: the process dies;
// - the abandoned transaction keeps sending its remaining statements to the connection after
//   the pool has reconnected it for other work, which then waits for ever behind them.
// The patch fails such writes and statements with CONNECTION_CLOSED instead, and resets the
// write buffer on teardown. server/api/recovery.test.ts kills connections under a write load
// and fails without it.

const MARK = "/* balance-desk patch */";

type Edit = { find: string; replace: string };

const CONNECTION_EDITS: Edit[] = [
  {
    find: "  function nextWrite(fn) {\n",
    replace: `  function nextWrite(fn) {
    ${MARK}
    if (!socket) {
      nextWriteTimer !== null && clearImmediate(nextWriteTimer)
      chunk = nextWriteTimer = null
      error(Errors.connection('CONNECTION_CLOSED', options))
      return false
    }
`,
  },
  // In terminate() and closed(): forget the buffered bytes with the timer.
  {
    find: "    clearImmediate(nextWriteTimer)\n    if (socket) {\n",
    replace:
      "    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    if (socket) {\n",
  },
  {
    find: "    clearImmediate(nextWriteTimer)\n    socket.removeListener",
    replace:
      "    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    socket.removeListener",
  },
];

const INDEX_EDITS: Edit[] = [
  {
    find: "      , prepare = null\n",
    replace: `      , prepare = null\n      , lost = null ${MARK}\n`,
  },
  {
    find: "new Promise((_, reject) => connection.onclose = reject)",
    replace:
      "new Promise((_, reject) => connection.onclose = e => {\n" +
      "          lost = e\n" +
      "          while (queries.length) queries.shift().reject(e)\n" +
      "          reject(e)\n" +
      "        })",
  },
  {
    find: "      function handler(q) {\n        q.catch(e => uncaughtError || (uncaughtError = e))\n",
    replace:
      "      function handler(q) {\n        q.catch(e => uncaughtError || (uncaughtError = e))\n" +
      "        if (lost) return q.reject(lost)\n",
  },
];

const require = createRequire(import.meta.url);

function packageRoot(): string {
  // The package exports no package.json; its CommonJS entry is cjs/src/index.js.
  return path.resolve(path.dirname(require.resolve("postgres")), "../..");
}

const FILES = ["src", "cjs/src", "cf/src"].flatMap((flavour) => [
  { file: path.join(flavour, "connection.js"), edits: CONNECTION_EDITS },
  { file: path.join(flavour, "index.js"), edits: INDEX_EDITS },
]);

// For `npm start`: is the installed driver patched (an install with --ignore-scripts is not)?
export function postgresPatched(): boolean {
  const root = packageRoot();
  return FILES.every(({ file }) => {
    const full = path.join(root, file);
    return !existsSync(full) || readFileSync(full, "utf8").includes(MARK);
  });
}

export function patchPostgres(log: (line: string) => void = console.log): void {
  const root = packageRoot();
  const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
    version: string;
  };
  if (version !== "3.4.9") {
    throw new Error(
      `postgres ${version} installed; server/cli/patch-postgres.ts was written for 3.4.9. ` +
        "Check whether the release fixes closed connections in transactions, then update or " +
        "remove the patch.",
    );
  }
  for (const { file, edits } of FILES) patchFile(path.join(root, file), edits, log);
}

function patchFile(file: string, edits: Edit[], log: (line: string) => void) {
  if (!existsSync(file)) return;
  let source = readFileSync(file, "utf8");
  if (source.includes(MARK)) return;
  for (const edit of edits) {
    if (source.split(edit.find).length !== 2) {
      throw new Error(`unexpected source in ${file}; the postgres patch does not apply`);
    }
    source = source.replace(edit.find, edit.replace);
  }
  writeFileSync(file, source);
  log(`patched ${path.relative(process.cwd(), file)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) patchPostgres();
