// Cross-site request refusal for the endpoints that change data or hand it out in bulk
// (tRPC mutations, exports). The session cookie is SameSite=Lax, which already keeps it off
// cross-site POSTs in current browsers; this check does not rely on the browser's cookie
// policy. Only browsers send Sec-Fetch-Site and Origin, and a browser cannot forge them, so a
// request carrying neither (a script, the benchmark, the tests) is not a cross-site attack
// and passes.
export const CROSS_SITE_MESSAGE = "不接受来自其他网站的请求";

// The hosts this app answers as: the Host header, and the host a reverse proxy forwarded. A
// page on another site cannot set either from a browser without a CORS preflight, which fails.
function ownHosts(headers: Headers): Set<string> {
  const hosts = new Set<string>();
  const host = headers.get("host");
  if (host) hosts.add(host.toLowerCase());
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  if (forwarded) hosts.add(forwarded.toLowerCase());
  return hosts;
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

export function isCrossSite(headers: Headers): boolean {
  if (headers.get("sec-fetch-site")?.toLowerCase() === "cross-site") return true;
  const origin = headers.get("origin");
  if (origin === null) return false;
  // "null" (a sandboxed frame, a redirect chain across sites) is another origin too.
  const host = hostOf(origin);
  return host === null || !ownHosts(headers).has(host);
}

export function crossSiteRefusal(request: Request): Response | null {
  if (!isCrossSite(request.headers)) return null;
  return Response.json(
    { error: CROSS_SITE_MESSAGE },
    { status: 403, headers: { "cache-control": "no-store" } },
  );
}
