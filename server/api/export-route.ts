import { currentActor } from "../auth/current-actor";
import { getConnection } from "../db";
import { handleExport } from "./export";

// The route's whole body: session, role and scope are checked in handleExport.
export async function exportResponse(request: Request, file: string): Promise<Response> {
  const { db, client } = getConnection();
  return handleExport(
    { db, sql: client, requestId: request.headers.get("x-request-id") },
    await currentActor(),
    file,
    new URL(request.url).searchParams,
  );
}
