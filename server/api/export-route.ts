import { currentActor } from "../auth/current-actor";
import { getConnection } from "../db";
import { crossSiteRefusal } from "./cross-site";
import { handleExport } from "./export";
import { BUSY_MESSAGE, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "./unavailable";

// The route's whole body: session, role and scope are checked in handleExport.
export async function exportResponse(request: Request, file: string): Promise<Response> {
  // A download link followed from another site would export in the user's name.
  const refusal = crossSiteRefusal(request);
  if (refusal) return refusal;
  const { db, client } = getConnection();
  try {
    return await handleExport(
      { db, sql: client, requestId: request.headers.get("x-request-id") },
      await currentActor(),
      file,
      new URL(request.url).searchParams,
    );
  } catch (error) {
    // As in the tRPC handler: no free connection or a lost one is a 503 to retry, not a 500.
    if (!isDatabaseUnavailable(error)) throw error;
    return Response.json(
      { error: BUSY_MESSAGE },
      {
        status: 503,
        headers: { "cache-control": "no-store", "retry-after": String(RETRY_AFTER_SECONDS) },
      },
    );
  }
}
