// A signed-in browser, as far as the server can tell: Auth.js v5's CSRF round trip and
// credentials callback, then tRPC calls over HTTP (superjson on the wire) with its cookies.
// Node's fetch keeps connections alive, so the requests reuse one socket as a browser tab would.

export type TrpcCall = { status: number; body: string };

export class BrowserSession {
  constructor(
    readonly baseUrl: string,
    private readonly cookies = new Map<string, string>(),
  ) {}

  // The same browser talking to another instance of the app: cookies belong to the host, not
  // the port, so a session issued by one instance is sent to the other.
  at(baseUrl: string): BrowserSession {
    return new BrowserSession(baseUrl, this.cookies);
  }

  async signIn(login: string, password: string): Promise<void> {
    const csrfResponse = await this.request("/api/auth/csrf");
    const { csrfToken } = (await csrfResponse.json()) as { csrfToken?: string };
    if (!csrfToken) throw new Error("no csrfToken from /api/auth/csrf");

    const form = new URLSearchParams({ csrfToken, login, password, callbackUrl: "/" });
    const response = await this.request("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
    });
    await response.arrayBuffer();
    const location = response.headers.get("location") ?? "";
    // In production the cookie carries the __Secure- prefix (server/auth/config.ts).
    const hasSession = [...this.cookies.keys()].some((name) =>
      name.endsWith("authjs.session-token"),
    );
    if (!hasSession || location.includes("error")) {
      throw new Error(`sign-in as ${login} failed (${response.status} ${location})`);
    }
  }

  // GET /api/trpc/<path>?input=…, as the non-batching link sends a query.
  async query(procedure: string, input: unknown): Promise<TrpcCall> {
    const encoded = encodeURIComponent(JSON.stringify({ json: input }));
    return this.call(`/api/trpc/${procedure}?input=${encoded}`, { method: "GET" });
  }

  async mutate(procedure: string, input: unknown): Promise<TrpcCall> {
    return this.call(`/api/trpc/${procedure}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: input }),
    });
  }

  // Any path, with the session's cookies (for the baseline rows of the report).
  async get(path: string): Promise<TrpcCall> {
    return this.call(path, { method: "GET" });
  }

  // A failed call must not be timed as if it were an answer.
  private async call(path: string, init: RequestInit): Promise<TrpcCall> {
    const response = await this.request(path, init);
    const body = await response.text();
    if (!response.ok)
      throw new Error(`${path.split("?")[0]}: HTTP ${response.status}: ${body.slice(0, 300)}`);
    return { status: response.status, body };
  }

  // The Cookie header this browser sends, for load tools that make their own requests.
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", this.cookieHeader());
    headers.set("origin", this.baseUrl);
    const response = await fetch(`${this.baseUrl}${path}`, {
      ...init,
      headers,
      redirect: "manual",
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const separator = pair.indexOf("=");
      if (separator > 0) this.cookies.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
    return response;
  }
}

// The `json` part of a successful tRPC answer; throws with the server's message otherwise.
export function trpcData<T>(call: TrpcCall, procedure: string): T {
  const parsed = JSON.parse(call.body) as {
    result?: { data?: { json?: T } };
    error?: { json?: { message?: string } };
  };
  if (call.status !== 200 || !parsed.result?.data) {
    const message = parsed.error?.json?.message ?? call.body.slice(0, 200);
    throw new Error(`${procedure}: HTTP ${call.status}: ${message}`);
  }
  return parsed.result.data.json as T;
}
