import { TRPCClientError } from "@trpc/client";
import type { FormInstance } from "antd";

type ErrorData = {
  code?: string;
  requestId?: string | null;
  field?: string | null;
  fieldErrors?: Record<string, string[] | undefined> | null;
};

export function errorData(error: unknown): ErrorData {
  return error instanceof TRPCClientError ? ((error.data ?? {}) as ErrorData) : {};
}

export function isConflict(error: unknown): boolean {
  return errorData(error).code === "CONFLICT";
}

// The server's Chinese message; network failures get one of our own.
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    return error.message && !error.message.startsWith("fetch")
      ? error.message
      : "网络异常，请检查网络后重试";
  }
  return "操作失败，请稍后重试";
}

// Puts server-side field errors next to the matching form fields; the typed values stay.
export function applyFieldErrors(form: FormInstance, error: unknown): boolean {
  const data = errorData(error);
  const fields: { name: string; errors: string[] }[] = [];
  if (data.field) fields.push({ name: data.field, errors: [errorMessage(error)] });
  for (const [name, errors] of Object.entries(data.fieldErrors ?? {})) {
    if (errors?.length) fields.push({ name, errors });
  }
  const known = fields.filter((f) => form.getFieldInstance(f.name) !== undefined);
  if (known.length) form.setFields(known);
  return known.length > 0;
}
