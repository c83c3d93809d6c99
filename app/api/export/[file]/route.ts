import { currentActor } from "@/server/auth/current-actor";
// biome-ignore lint/style/noRestrictedImports: a streamed download needs the driver's cursor, which tRPC cannot carry; this route is its composition root, like the tRPC route.
import { getConnection } from "@/server/db";
import { handleExport } from "@/server/domain/export/handle";

// GET /api/export/{aggregate,enquiries}.{csv,xlsx}?from=&to=&region=&cause=&symptom=&channel=
// Streamed downloads do not fit tRPC; the handler applies the same session, role and scope rules.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const { db, client } = getConnection();
  return handleExport(
    { db, sql: client, requestId: req.headers.get("x-request-id") },
    await currentActor(),
    file,
    new URL(req.url).searchParams,
  );
}
