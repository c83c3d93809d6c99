// Liveness: the process answers. Readiness (database reachable) is /api/ready.
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
