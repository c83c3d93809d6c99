// Domain errors carry a code the API layer maps to a transport status in one place
// (server/api/trpc.ts) and a Chinese message fit to show the user.
export type DomainErrorCode =
  | "BAD_REQUEST"
  | "NOT_FOUND"
  | "CONFLICT"
  | "FORBIDDEN"
  | "TOO_MANY_REQUESTS";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what = "记录") => new DomainError("NOT_FOUND", `${what}不存在或无权查看`);
export const conflict = (message = "该记录已被他人修改，请刷新后重试") =>
  new DomainError("CONFLICT", message);
export const badRequest = (message: string, field?: string) =>
  new DomainError("BAD_REQUEST", message, field);
export const forbidden = (message: string) => new DomainError("FORBIDDEN", message);

// PostgreSQL's SQLSTATE of an error or of any error it wraps (drizzle wraps the driver's
// PostgresError in a DrizzleQueryError); null when none came from the database.
export function sqlState(error: unknown): string | null {
  for (let e = error; e instanceof Error; e = e.cause) {
    const code = (e as Error & { code?: unknown }).code;
    if (e.name === "PostgresError" && typeof code === "string") return code;
  }
  return null;
}

// Class 22 (data exception): a value the database cannot take — out of range, not valid text,
// a number too large. The input is at fault, not the server; the schemas catch the known cases
// (server/schemas/text.ts) and this answers for the rest.
export const INVALID_DATA_MESSAGE = "输入内容无法处理，请检查后重试";

export function isDataError(error: unknown): boolean {
  return sqlState(error)?.startsWith("22") ?? false;
}
