import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { Database } from "@/db";
import { createPiiCodec } from "@/db/pii";
import { createCaller } from "../api/root";
import { createTRPCContext } from "../api/trpc";
import type { SessionRef } from "../auth/session-ref";
import { testClock } from "./clock";

// Test helpers for router tests: a caller signed in as one user, on the test clock, and what a
// failed call tells the browser. Each test file keeps its own database and users; only the
// plumbing lives here.

export const testPii = createPiiCodec(process.env.PII_KEY as string);

export function callerWith(
  db: Database,
  session: SessionRef | null,
  requestId: string = randomUUID(),
) {
  return createCaller(
    createTRPCContext({ db, pii: testPii, session, requestId, clock: testClock }),
  );
}

// "OK" when the call succeeds, otherwise the tRPC code.
export async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
}

// "OK" when the call succeeds, otherwise the tRPC code and the message, as one string.
export async function errorOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? `${error.code} ${error.message}` : String(error);
  }
}

// What the caller would read: the zod message for input errors, the domain message otherwise.
export async function failureOf(
  promise: Promise<unknown>,
): Promise<{ code: string; message: string }> {
  try {
    await promise;
    return { code: "OK", message: "" };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const message =
      error.cause instanceof ZodError ? (error.cause.issues[0]?.message ?? "") : error.message;
    return { code: error.code, message };
  }
}
