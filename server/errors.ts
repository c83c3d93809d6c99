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
