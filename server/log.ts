import { sqlState } from "./errors";

// One JSON line per event, keyed by the request's correlation id, which the user also sees in
// the error message. An error is described by what identifies its kind, never by its message:
// drizzle's message quotes the statement and its parameters (search terms, names, ID-number
// hashes, session ids) and PostgreSQL's detail quotes the offending values.
// server/api/log-hygiene.test.ts checks the output of failing requests.
export function logError(
  scope: string,
  details: { requestId?: string; path?: string; error: unknown },
): void {
  console.error(
    JSON.stringify({
      level: "error",
      scope,
      requestId: details.requestId,
      path: details.path,
      ...describeError(details.error),
      at: new Date().toISOString(),
    }),
  );
}

const FRAMES_KEPT = 5;

// The chain of error classes ("TRPCError < DrizzleQueryError < PostgresError"), the SQLSTATE
// and constraint when the database raised it, and where the innermost error was thrown: stack
// frames name files and functions only; the stack's first line, the message, is dropped.
export function describeError(error: unknown): {
  error: string;
  sqlState?: string;
  constraint?: string;
  frames?: string[];
} {
  const chain: Error[] = [];
  for (let e = error; e instanceof Error && chain.length < 10; e = e.cause) chain.push(e);
  if (chain.length === 0) return { error: typeof error };
  const innermost = chain[chain.length - 1] as Error & { constraint_name?: unknown };
  const constraint =
    typeof innermost.constraint_name === "string" ? innermost.constraint_name : undefined;
  const frames = (innermost.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, FRAMES_KEPT)
    .map((line) => line.trim());
  return {
    error: chain.map((e) => e.name).join(" < "),
    sqlState: sqlState(error) ?? undefined,
    constraint,
    frames: frames.length ? frames : undefined,
  };
}

// Security events worth an operator's attention (refused sign-ins). Same rule: no personal
// data, no passwords; the audit trail holds the details.
export function logWarning(
  scope: string,
  details: { requestId?: string; event: string; [key: string]: unknown },
): void {
  console.warn(JSON.stringify({ level: "warn", scope, ...details, at: new Date().toISOString() }));
}
