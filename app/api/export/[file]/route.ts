import { exportResponse } from "@/server/api/export-route";

// GET /api/export/{aggregate,enquiries}.{csv,xlsx}?from=&to=&region=&cause=&symptom=&channel=
// Streamed downloads do not fit tRPC; the handler applies the same session, role and scope rules.
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  return exportResponse(request, (await params).file);
}
