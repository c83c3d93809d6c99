// One JSON line per event, keyed by the request's correlation id, which the user also sees in
// the error message. Messages only: callers never pass personal data.
export function logError(
  scope: string,
  details: { requestId?: string; path?: string; error: unknown },
): void {
  const error = details.error instanceof Error ? details.error : new Error(String(details.error));
  const cause = error.cause instanceof Error ? error.cause : undefined;
  console.error(
    JSON.stringify({
      level: "error",
      scope,
      requestId: details.requestId,
      path: details.path,
      message: (cause ?? error).message,
      at: new Date().toISOString(),
    }),
  );
}

// Security events worth an operator's attention (refused sign-ins). Same rule: no personal
// data, no passwords; the audit trail holds the details.
export function logWarning(
  scope: string,
  details: { requestId?: string; event: string; [key: string]: unknown },
): void {
  console.warn(JSON.stringify({ level: "warn", scope, ...details, at: new Date().toISOString() }));
}
